/** Channels nest at most this deep (行业资讯 > 网贷 > …); deeper trees are refused. */
export const MAX_CATEGORY_DEPTH = 5

export type AncestorNode = { id: number; name: string; slug: string; parent: number | null }

export type PathResult = { ok: true; ancestors: AncestorNode[] } | { ok: false; reason: string }

/**
 * Given a category (null when new), its chosen parent and the chain walked up from that parent
 * (nearest first), returns the ancestors root first, or why the parent is not allowed.
 */
export function pathFromRoot(selfId: number | null, parentId: number | null, walkedUp: AncestorNode[]): PathResult {
  if (parentId === null) return { ok: true, ancestors: [] }
  if (selfId !== null && parentId === selfId) {
    return { ok: false, reason: '频道不能是自己的上级 (a channel cannot be its own parent)' }
  }
  if (walkedUp.length === 0 || walkedUp[0].id !== parentId) {
    return { ok: false, reason: `上级频道 ${parentId} 不存在 (parent channel ${parentId} does not exist)` }
  }
  if (selfId !== null && walkedUp.some((node) => node.id === selfId)) {
    return { ok: false, reason: '不能把频道移到它自己的下级频道之下 (a channel cannot move below its own descendant)' }
  }
  const last = walkedUp[walkedUp.length - 1]
  if (last.parent !== null || walkedUp.length >= MAX_CATEGORY_DEPTH) {
    return { ok: false, reason: `频道最多 ${MAX_CATEGORY_DEPTH} 级 (channels nest at most ${MAX_CATEGORY_DEPTH} levels)` }
  }
  return { ok: true, ancestors: [...walkedUp].reverse() }
}
