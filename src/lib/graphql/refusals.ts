import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql'

import type { Message } from '../i18n/translate'

/**
 * Why a GraphQL request must be refused before it reaches Payload's handler, or null. Payload's
 * query-complexity rule runs inside validation and throws (a 500) on two documents GraphQL itself
 * would refuse: a subscription (the schema has none) and a fragment that spreads itself. A body that
 * is not JSON or a query that does not parse is left to the handler, which answers those clearly.
 */
export function graphQLRefusal(body: string): Message | null {
  let document: DocumentNode
  try {
    const { query } = JSON.parse(body) as { query?: unknown }
    if (typeof query !== 'string') return null
    document = parse(query)
  } catch {
    return null
  }
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription')) {
    return { code: 'GRAPHQL_SUBSCRIPTION' }
  }
  const cyclic = cyclicFragment(document)
  return cyclic ? { code: 'GRAPHQL_CYCLIC_FRAGMENT', values: { fragment: cyclic } } : null
}

/** The name of a fragment that reaches itself through its spreads, if any. */
function cyclicFragment(document: DocumentNode): string | null {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) spreads.set(definition.name.value, spreadNames(definition.selectionSet))
  }
  const done = new Set<string>()
  const reachesItself = (name: string, path: ReadonlySet<string>): boolean => {
    if (path.has(name)) return true
    if (done.has(name)) return false
    const next = new Set([...path, name])
    const found = (spreads.get(name) ?? []).some((spread) => reachesItself(spread, next))
    done.add(name)
    return found
  }
  return [...spreads.keys()].find((name) => reachesItself(name, new Set())) ?? null
}

function spreadNames(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return [selection.name.value]
    return selection.selectionSet ? spreadNames(selection.selectionSet) : []
  })
}
