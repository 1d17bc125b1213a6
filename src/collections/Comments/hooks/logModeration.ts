import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

const MODERATED_FIELDS = ['status', 'featured'] as const

/** Every change of status or 精彩评论 by staff lands in the comment's log, with the optional note. */
export const logModeration: CollectionBeforeChangeHook<Comment> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || req.user?.collection !== USERS_SLUG) return data
  const at = new Date().toISOString()
  const note = typeof data.moderationNote === 'string' && data.moderationNote.trim() ? data.moderationNote.trim().slice(0, 500) : null
  const entries = MODERATED_FIELDS.filter((field) => field in data && data[field] !== undefined && String(data[field]) !== String(originalDoc[field])).map(
    (field) => ({ at, by: req.user!.id as number, field, from: String(originalDoc[field]), to: String(data[field]), note }),
  )
  if (entries.length > 0) data.moderationLog = [...(originalDoc.moderationLog ?? []), ...entries]
  return data
}
