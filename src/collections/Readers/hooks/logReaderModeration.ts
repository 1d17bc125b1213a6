import type { CollectionBeforeChangeHook } from 'payload'

import type { Reader } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

const MODERATED_FIELDS = ['professionVerified', 'status', 'suspendedUntil'] as const

/** Every verification, suspension and ban is recorded on the account: who, when, from what to what. */
export const logReaderModeration: CollectionBeforeChangeHook<Reader> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || req.user?.collection !== USERS_SLUG) return data
  const at = new Date().toISOString()
  const entries = MODERATED_FIELDS.filter((field) => field in data && String(data[field] ?? '') !== String(originalDoc[field] ?? '')).map(
    (field) => ({ at, by: req.user!.id as number, field, from: String(originalDoc[field] ?? ''), to: String(data[field] ?? '') }),
  )
  if (entries.length > 0) data.moderationLog = [...(originalDoc.moderationLog ?? []), ...entries]
  return data
}
