import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql'

import { type Language, translate } from '../i18n/translate'

/**
 * Refuses GraphQL operations that select more than `maxFields` fields in all, every alias and every
 * use of a fragment counted, before anything runs. Payload's complexity limit leaves `__typename`
 * out, so a megabyte of `a1: __typename a2: __typename …` would otherwise be answered field by field.
 */
export function maxFieldsRule(maxFields: number, language: Language) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    // Per fragment, counted once: fragments spreading others twice over would otherwise take exponential time.
    const fragmentFields = new Map<string, number>()
    const countOf = (selectionSet: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      if (!selectionSet) return 0
      let count = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) count += 1 + countOf(selection.selectionSet, seen)
        else if (selection.kind === Kind.INLINE_FRAGMENT) count += countOf(selection.selectionSet, seen)
        else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // A fragment spreading itself is GraphQL's own error to report; here it just stops.
          if (!fragment || seen.has(name)) continue
          if (!fragmentFields.has(name)) fragmentFields.set(name, countOf(fragment.selectionSet, new Set([...seen, name])))
          count += fragmentFields.get(name)!
        }
      }
      return count
    }
    return {
      OperationDefinition(node) {
        const count = countOf(node.selectionSet, new Set())
        if (count > maxFields) {
          const message = { code: 'GRAPHQL_TOO_MANY_FIELDS', values: { count, max: maxFields } } as const
          context.reportError(new GraphQLError(translate(message, language), { nodes: [node], extensions: { code: message.code } }))
        }
      },
    }
  }
}
