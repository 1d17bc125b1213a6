/**
 * What an audit entry keeps of a change: which fields moved, from what to what, shortened, with
 * secrets and rich text reduced to the fact that they changed.
 */
export type AuditValue = string | number | boolean | null | (string | number | boolean | null)[]
export type FieldChange = { field: string; from: AuditValue; to: AuditValue } | { field: string; changed: true }

/** Longest value kept, in characters; a longer one is cut and ends in `…`. */
const MAX_VALUE_LENGTH = 200

/** Bookkeeping and credential material: never recorded, not even as "changed". */
const INTERNAL_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'apiKeyIndex',
  'lookupTokenHash',
  '_verificationToken',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'updatedAt',
  'createdAt',
])

/** Secrets someone sets on purpose: that one changed is worth recording, its value never is. */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'secret', 'apiKey'])

const RICH_TEXT_SHOWN = '(rich text)'

type Plain = { [key: string]: unknown }

const isPlainObject = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value)

/** Lexical stores a document as `{ root: { type: 'root', children } }`. */
const isRichText = (value: unknown): boolean =>
  isPlainObject(value) && isPlainObject(value.root) && value.root.type === 'root'

/**
 * The fields that changed between two versions of a document (`null` before a create, after a
 * delete): top-level fields, and one level into groups as dotted paths (`screeningOverride.reason`).
 * A relationship compares by id, whether populated or not; empty values (null, '', [], {}) are alike.
 * `ignore` skips fields; `conceal` records only that they changed, as for secrets (an account's email).
 */
export function diffFields(
  before: object | null | undefined,
  after: object | null | undefined,
  options: { ignore?: Iterable<string>; conceal?: Iterable<string> } = {},
): FieldChange[] {
  const ignore = new Set(options.ignore)
  const conceal = new Set(options.conceal)
  const from = (before ?? {}) as Plain
  const to = (after ?? {}) as Plain
  const changes: FieldChange[] = []
  for (const field of keysOf(from, to)) {
    if (ignore.has(field) || INTERNAL_FIELDS.has(field)) continue
    if (SECRET_FIELDS.has(field) || conceal.has(field)) {
      // Absent after means not shown to this read (a hidden field), not removed.
      if (field in to && !sameValue(from[field], to[field])) changes.push({ field, changed: true })
      continue
    }
    changes.push(...compare(field, from[field], to[field], true))
  }
  return changes
}

function compare(path: string, before: unknown, after: unknown, intoGroups: boolean): FieldChange[] {
  const from = canonical(before)
  const to = canonical(after)
  if (stableJson(from) === stableJson(to)) return []
  if (isRichText(from) || isRichText(to)) return [{ field: path, changed: true }]
  if (intoGroups && (from === null || isPlainObject(from)) && (to === null || isPlainObject(to))) {
    const groupBefore = (from ?? {}) as Plain
    const groupAfter = (to ?? {}) as Plain
    return keysOf(groupBefore, groupAfter).flatMap((key) => compare(`${path}.${key}`, groupBefore[key], groupAfter[key], false))
  }
  const rowsBefore = listOf(from)
  const rowsAfter = listOf(to)
  if (rowsBefore && rowsAfter && [...rowsBefore, ...rowsAfter].some((row) => row !== null && typeof row === 'object')) {
    const { removed, added } = rowDifference(rowsBefore, rowsAfter)
    // Rows only reordered fall through: the whole lists show how.
    if (removed.length > 0 || added.length > 0) {
      return [{ field: path, from: shown(removed.length > 0 ? removed : null), to: shown(added.length > 0 ? added : null) }]
    }
  }
  return [{ field: path, from: shown(from), to: shown(to) }]
}

const listOf = (value: unknown): unknown[] | undefined => (value === null ? [] : Array.isArray(value) ? value : undefined)

/** The rows of an array field only before, and only after: an appended history row, an edited notice. */
function rowDifference(before: unknown[], after: unknown[]): { removed: unknown[]; added: unknown[] } {
  // Parallel to `after`; a row matched by one before is struck out, so repeats count once each.
  const unmatched: (string | null)[] = after.map(stableJson)
  const removed = before.filter((row) => {
    const index = unmatched.indexOf(stableJson(row))
    if (index === -1) return true
    unmatched[index] = null
    return false
  })
  return { removed, added: after.filter((_row, index) => unmatched[index] !== null) }
}

/**
 * A value as compared: related documents reduced to their ids (documents here have numeric ids,
 * PostgreSQL serials; array rows have string ids and stay rows), empty values to null, internal
 * and secret keys dropped at any depth.
 */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(canonical)
  if (!isPlainObject(value) || isRichText(value)) return value
  if (typeof value.id === 'number') return value.id
  if (typeof value.relationTo === 'string' && 'value' in value) return `${value.relationTo}:${String(canonical(value.value))}`
  const kept = Object.entries(value)
    .filter(([key]) => !INTERNAL_FIELDS.has(key) && !SECRET_FIELDS.has(key))
    .map(([key, item]) => [key, canonical(item)] as const)
    .filter(([, item]) => item !== null)
  return kept.length === 0 ? null : Object.fromEntries(kept)
}

/** A canonical value as the log shows it: short strings and lists as they are, anything else as cut JSON. */
function shown(value: unknown): AuditValue {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value as AuditValue
  if (typeof value === 'string') return truncate(value)
  if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) {
    const items = value.map((item) => (typeof item === 'string' ? truncate(item) : item)) as AuditValue[]
    if (JSON.stringify(items).length <= MAX_VALUE_LENGTH) return items as AuditValue
  }
  return truncate(JSON.stringify(value, (_key, item: unknown) => (isRichText(item) ? RICH_TEXT_SHOWN : item)))
}

/** Cut to `max` characters (whole code points), marked with `…` when cut. */
export function truncate(text: string, max = MAX_VALUE_LENGTH): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(canonical(a)) === stableJson(canonical(b))
}

/** JSON with object keys sorted, so key order never reads as a change. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  )
}

function keysOf(a: Plain, b: Plain): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
}
