import type { Message } from '../i18n/translate'

/** Channels nest at most this deep (行业资讯 > 网贷 > …); deeper trees are refused. */
export const MAX_CATEGORY_DEPTH = 5

export type AncestorNode = { id: number; name: string; slug: string; parent: number | null }

export type PathResult = { ok: true; ancestors: AncestorNode[] } | { ok: false; message: Message }

/** The field whose choice a refusal is about, as the admin labels it. */
export const PARENT_CHANNEL_LABEL = { en: 'Parent channel', zh: '上级频道' } as const

/** A channel as the admin names it: its path from the root, `财经 > 宏观`. */
export const channelTitle = (namesFromRoot: readonly string[]): string => namesFromRoot.join(' > ')

/**
 * Given a category (null when new), its chosen parent and the chain walked up from that parent
 * (nearest first), returns the ancestors root first, or why the parent is not allowed.
 */
export function pathFromRoot(selfId: number | null, parentId: number | null, walkedUp: AncestorNode[]): PathResult {
  if (parentId === null) return { ok: true, ancestors: [] }
  if (selfId !== null && parentId === selfId) {
    return { ok: false, message: { code: 'CHANNEL_OWN_PARENT' } }
  }
  if (walkedUp.length === 0 || walkedUp[0].id !== parentId) {
    return { ok: false, message: { code: 'CHANNEL_PARENT_MISSING', values: { id: parentId } } }
  }
  if (selfId !== null && walkedUp.some((node) => node.id === selfId)) {
    return { ok: false, message: { code: 'CHANNEL_BELOW_DESCENDANT' } }
  }
  const last = walkedUp[walkedUp.length - 1]
  if (last.parent !== null || walkedUp.length >= MAX_CATEGORY_DEPTH) {
    return { ok: false, message: { code: 'CHANNEL_TOO_DEEP', values: { max: MAX_CATEGORY_DEPTH } } }
  }
  return { ok: true, ancestors: [...walkedUp].reverse() }
}
