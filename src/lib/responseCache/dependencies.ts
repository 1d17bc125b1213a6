/**
 * Which changes can alter which responses. A response of a collection shows that collection and,
 * through relationships, uploads and joins, the collections it reaches; a change to any of them may
 * change the response. Tags name collections (`articles`) and globals (`global:site-settings`).
 */
export type DependencyGraph = Record<string, readonly string[]>

export const globalTag = (slug: string): string => `global:${slug}`

/** Every tag each tag's responses depend on, itself included (relationships are followed to any depth). */
export function closeOver(graph: DependencyGraph): Record<string, string[]> {
  const closure: Record<string, string[]> = {}
  for (const start of Object.keys(graph)) {
    const seen = new Set<string>([start])
    const queue = [start]
    while (queue.length > 0) {
      for (const next of graph[queue.shift()!] ?? []) {
        if (seen.has(next)) continue
        seen.add(next)
        queue.push(next)
      }
    }
    closure[start] = [...seen].sort()
  }
  return closure
}

/**
 * The tags a GET under the API depends on, from its path (`/articles/3`, `/globals/site-settings`).
 * A path that names no collection or global (custom endpoints such as search, GraphQL) depends on
 * everything: precise where it can be, never stale where it cannot tell.
 */
export function tagsForPath(apiPath: string, closure: Record<string, string[]>): string[] {
  const query = apiPath.indexOf('?')
  const [first, second] = (query < 0 ? apiPath : apiPath.slice(0, query)).replace(/^\/+/, '').split('/')
  const tag = first === 'globals' && second ? globalTag(second) : first
  return closure[tag] ?? allTags(closure)
}

export function allTags(closure: Record<string, string[]>): string[] {
  return Object.keys(closure).sort()
}
