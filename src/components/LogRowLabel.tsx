import { getTranslation } from '@payloadcms/translations'
import type { ArrayField, Field, FlattenedField, PayloadRequest } from 'payload'
import { cache } from 'react'

import { logRowLabel, logTime, YES_NO } from '../lib/i18n/logRowLabel'
import { type Language, languageOfCode } from '../lib/i18n/translate'
import { USERS_SLUG } from '../slugs'

type Props = {
  field: ArrayField
  siblingData?: Record<string, unknown>
  rowNumber?: number
  rowLabel?: string
  req: PayloadRequest
  collectionSlug?: string
  /** The field whose values the entries' `from` and `to` are, when an entry does not name it (`field`). */
  valuesOf?: string
}

type Entry = { at?: unknown; by?: unknown; action?: unknown; field?: unknown; from?: unknown; to?: unknown }

/**
 * The label of one row of a change log (src/fields/changeLog.ts, articles' review history) in the
 * admin's language, instead of Payload's "Moderation Log 01": when (Beijing time), who, what moved
 * from what to what, by the names the admin shows for that field and its values.
 */
export async function LogRowLabel({ field, siblingData, rowNumber, rowLabel, req, collectionSlug, valuesOf }: Props) {
  const entry = (siblingData?.[field.name] as Entry[] | undefined)?.[(rowNumber ?? 0) - 1]
  if (!entry) return rowLabel ?? null
  const language = languageOfCode(req.i18n.language)
  const collection = collectionSlug ? req.payload.collections[collectionSlug as keyof typeof req.payload.collections] : undefined
  const fields: FlattenedField[] = collection?.config.flattenedFields ?? []
  const changedName = typeof entry.field === 'string' ? entry.field : valuesOf
  const changed = fields.find((candidate) => candidate.name === changedName)
  const actionField = field.fields.find((subField) => 'name' in subField && subField.name === 'action')
  const text = logRowLabel(
    {
      at: entry.at,
      by: await staffName(req, entry.by),
      action: actionField && typeof entry.action === 'string' ? valueLabel(actionField, entry.action, req, language) : null,
      field: typeof entry.field === 'string' ? (changed ? getTranslation(changed.label || changed.name, req.i18n) : entry.field) : null,
      from: changed ? valueLabel(changed, entry.from, req, language) : stringOf(entry.from),
      to: changed ? valueLabel(changed, entry.to, req, language) : stringOf(entry.to),
    },
    language,
  )
  return <span className="log-row-label">{text}</span>
}

const stringOf = (value: unknown): string => (value === null || value === undefined ? '' : String(value))

/** A value as the field shows it: an option's label, 是/否 for a checkbox, a time in Beijing time. */
function valueLabel(field: Field | FlattenedField, value: unknown, req: PayloadRequest, language: Language): string {
  const raw = stringOf(value)
  if (raw === '') return ''
  if (field.type === 'select' || field.type === 'radio') {
    const option = field.options.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === raw)
    if (option === undefined) return raw
    if (typeof option === 'string') return option
    const { label } = option
    if (typeof label === 'string') return label
    // This project labels options `{ en, zh }` (src/fields/labelledSelect.ts); a React label is not text.
    return typeof label === 'object' && !('$$typeof' in label) ? getTranslation(label as Record<string, string>, req.i18n) : raw
  }
  if (field.type === 'checkbox') return YES_NO[raw]?.[language] ?? raw
  if (field.type === 'date') return logTime(raw, language) || raw
  return raw
}

/** The staff member's name, looked up once per request with the viewer's own access (an id or a populated user). */
const staffName = cache(async (req: PayloadRequest, by: unknown): Promise<string | null> => {
  if (by !== null && typeof by === 'object') return stringOf((by as { name?: unknown }).name) || null
  if (typeof by !== 'number' && typeof by !== 'string') return null
  const user = await req.payload.findByID({ collection: USERS_SLUG, id: by, depth: 0, select: { name: true }, disableErrors: true, overrideAccess: false, req })
  return user?.name ?? String(by)
})
