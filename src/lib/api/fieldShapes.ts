import type { Message } from '../i18n/translate'
import type { ParamProblem } from './paginationParams'

/**
 * Type checks for the top-level values of an API write. Payload skips validation when it saves a
 * draft, so without these a number sent as a title is stored as text and a bad enum or id reaches
 * the database as a 500. Pure: the caller describes its fields.
 */
export type FieldShape = {
  name: string
  type: string
  hasMany?: boolean
  options?: readonly string[]
  polymorphic?: boolean
}

export type ShapeError = ParamProblem

const STRING_TYPES = new Set(['text', 'textarea', 'email', 'code', 'radio', 'select'])
const LIST: Message = { code: 'LIST_EXPECTED' }

export function findShapeErrors(data: Record<string, unknown>, fields: readonly FieldShape[], systemKeys: ReadonlySet<string>): ShapeError[] {
  const byName = new Map(fields.map((field) => [field.name, field]))
  const errors: ShapeError[] = []
  for (const [key, value] of Object.entries(data)) {
    const field = byName.get(key)
    if (!field) {
      if (!systemKeys.has(key)) errors.push({ path: key, message: { code: 'FIELD_UNKNOWN', values: { field: key } } })
      continue
    }
    const problem = value === null || value === undefined ? null : shapeProblem(field, value)
    if (problem) errors.push({ path: key, message: problem })
  }
  return errors
}

function shapeProblem(field: FieldShape, value: unknown): Message | null {
  if (field.hasMany && field.type !== 'relationship' && field.type !== 'upload' && !Array.isArray(value)) {
    return LIST
  }
  const items = field.hasMany && Array.isArray(value) ? value : [value]
  for (const item of items) {
    const problem = itemProblem(field, item)
    if (problem) return problem
  }
  return null
}

function itemProblem(field: FieldShape, value: unknown): Message | null {
  if (STRING_TYPES.has(field.type)) {
    if (typeof value !== 'string') return { code: 'TEXT_EXPECTED' }
    if (field.options && !field.options.includes(value)) return { code: 'OPTION_EXPECTED', values: { options: field.options.join(', ') } }
    return null
  }
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { code: 'NUMBER_EXPECTED' }
    case 'checkbox':
      return typeof value === 'boolean' ? null : { code: 'BOOLEAN_EXPECTED' }
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : { code: 'DATE_EXPECTED', values: { example: '2026-11-01T08:00:00+08:00' } }
    case 'relationship':
    case 'upload':
      return relationProblem(field, value)
    case 'richText':
    case 'group':
      return typeof value === 'object' && !Array.isArray(value) ? null : { code: 'DATA_NOT_AN_OBJECT' }
    case 'array':
    case 'blocks':
      // The admin's form sends an array or blocks field without rows as its row count, 0.
      return Array.isArray(value) || value === 0 ? null : LIST
    default:
      return null
  }
}

function relationProblem(field: FieldShape, value: unknown): Message | null {
  if (field.hasMany && Array.isArray(value)) {
    for (const item of value) {
      const problem = relationProblem({ ...field, hasMany: false }, item)
      if (problem) return problem
    }
    return null
  }
  return relationId(value, field.polymorphic) === null ? { code: 'DOCUMENT_ID_EXPECTED' } : null
}

/** The numeric id a relation value names (`3`, `"3"`, `{ id: 3 }`), or null when it names none. */
export function relationId(value: unknown, polymorphic = false): number | null {
  const raw = polymorphic
    ? (value as { value?: unknown } | null)?.value
    : value !== null && typeof value === 'object'
      ? (value as { id?: unknown }).id
      : value
  const id = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null
}

/** Every id the value of a relationship field names, for an existence check. */
export function relationIds(value: unknown, polymorphic = false): number[] {
  const items = Array.isArray(value) ? value : [value]
  return items.map((item) => relationId(item, polymorphic)).filter((id): id is number => id !== null)
}
