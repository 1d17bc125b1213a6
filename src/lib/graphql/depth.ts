import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql'

import { type Language, translate } from '../i18n/translate'

/**
 * Refuses GraphQL operations nested deeper than `maxDepth` fields (fragments followed), before
 * anything runs: relationships can be walked back and forth (article → author → article → …) and
 * a deep query is a cheap way to make the server do a lot of work.
 */
export function maxDepthRule(maxDepth: number, language: Language) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      if (!selectionSet) return 0
      let deepest = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1)
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen))
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // A fragment spreading itself is GraphQL's own error to report; here it just stops.
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])))
        }
      }
      return deepest
    }
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set())
        if (depth > maxDepth) {
          const message = { code: 'GRAPHQL_TOO_DEEP', values: { depth, max: maxDepth } } as const
          context.reportError(new GraphQLError(translate(message, language), { nodes: [node], extensions: { code: message.code } }))
        }
      },
    }
  }
}
