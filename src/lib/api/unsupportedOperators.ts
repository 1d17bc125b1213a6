import type { Message } from '../i18n/translate'
import type { ParamProblem } from './paginationParams'

/**
 * Operators Payload accepts in any `where` that the PostgreSQL adapter cannot run: it has no `all`,
 * and the geographic ones need a point field, which no collection has. Payload hands them on and
 * the adapter fails (a 500); each is a 400 instead.
 */
const UNSUPPORTED_OPERATORS: Readonly<Record<string, Message>> = {
  all: { code: 'OPERATOR_UNSUPPORTED', values: { operator: 'all' } },
  near: { code: 'OPERATOR_GEOGRAPHIC', values: { operator: 'near' } },
  within: { code: 'OPERATOR_GEOGRAPHIC', values: { operator: 'within' } },
  intersects: { code: 'OPERATOR_GEOGRAPHIC', values: { operator: 'intersects' } },
}

/**
 * Operators that match text. On any other column (a number, a date, an enum, JSON, a relationship's
 * id) PostgreSQL has no such operator, and on a date Payload may even build SQL that does not parse.
 */
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const TEXT_FIELD_TYPES = new Set(['text', 'textarea', 'email', 'code'])
/** Fields whose values are rows of their own, where Payload reads `contains` as "has this value". */
const ROW_PER_VALUE_TYPES = new Set(['relationship', 'upload', 'select'])
/** Fields on which Payload reads `like` as `equals`: an id is not text to search in. */
const LIKE_AS_EQUALS_TYPES = new Set(['number', 'relationship', 'upload'])
/** Fields whose `contains` may hold a `where` of the documents they point to (`tags: { contains: { slug: … } }`). */
const RELATED_WHERE_TYPES = new Set(['relationship', 'upload', 'join'])

/**
 * Deeper than any path through this schema's groups, arrays and relationships. Payload follows a
 * path one recursive call per segment: a few thousand (`parent.parent.…`, which fits in a URL)
 * overflow its stack, a 500.
 */
export const MAX_WHERE_PATH_SEGMENTS = 16

/** What a `where` path leads to: a field's type, and whether it holds several values. */
export type QueriedField = { type: string; hasMany: boolean }

const isWhere = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Why `operator` cannot run on `field`, or null when it can (or when the path is not a field: Payload answers that). */
function operatorProblem(operator: string, path: string, field: QueriedField | null): Message | null {
  if (Object.hasOwn(UNSUPPORTED_OPERATORS, operator)) return UNSUPPORTED_OPERATORS[operator]
  if (!field || !TEXT_OPERATORS.has(operator) || TEXT_FIELD_TYPES.has(field.type)) return null
  if (operator === 'contains' && field.hasMany && ROW_PER_VALUE_TYPES.has(field.type)) return null
  if (operator === 'like' && LIKE_AS_EQUALS_TYPES.has(field.type)) return null
  return { code: 'OPERATOR_TEXT_ONLY', values: { operator, path, type: field.type } }
}

/**
 * The operators in a `where` object that cannot run on their fields, each named by its dotted path
 * (`where.or.0.publishedAt.contains`). `fieldAt` resolves a path (`category.slug`) to its field.
 */
export function whereOperatorProblems(where: unknown, fieldAt: (path: string) => QueriedField | null, prefix = 'where'): ParamProblem[] {
  if (Array.isArray(where)) return where.flatMap((inner, index) => whereOperatorProblems(inner, fieldAt, `${prefix}.${index}`))
  if (!where || typeof where !== 'object') return []
  return Object.entries(where).flatMap(([path, inner]) => {
    if (path === 'and' || path === 'or') return whereOperatorProblems(inner, fieldAt, `${prefix}.${path}`)
    if (!inner || typeof inner !== 'object') return []
    const segments = path.split('.', MAX_WHERE_PATH_SEGMENTS + 1)
    if (segments.length > MAX_WHERE_PATH_SEGMENTS) {
      return [{ path: `${prefix}.${segments.join('.')}…`, message: { code: 'WHERE_PATH_TOO_DEEP', values: { max: MAX_WHERE_PATH_SEGMENTS } } }]
    }
    const field = fieldAt(path)
    return Object.entries(inner).flatMap(([operator, value]) => {
      if (operator === 'contains' && isWhere(value) && field && RELATED_WHERE_TYPES.has(field.type)) {
        return whereOperatorProblems(value, (related) => fieldAt(`${path}.${related}`), `${prefix}.${path}.contains`)
      }
      const message = operatorProblem(operator, path, field)
      return message ? [{ path: `${prefix}.${path}.${operator}`, message }] : []
    })
  })
}
