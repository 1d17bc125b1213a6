import type { CollectionAfterChangeHook } from 'payload'

import { correctionRequestTitle } from '../../../lib/corrections'
import type { CorrectionRequest } from '../../../payload-types'
import { CORRECTION_REQUESTS_SLUG } from '../../../slugs'

/**
 * Stores the request's title (number, day, error type, passage), which the admin's pickers and lists
 * show. After the change, because a new request's number exists only once it is stored; built from
 * what was written and what was there before, not from `doc`, which a caller's `select` may have cut.
 * Only the error type changes afterwards (the passage and the day never do).
 */
export const keepTitle: CollectionAfterChangeHook<CorrectionRequest> = async ({ data, doc, previousDoc, req }) => {
  const { createdAt, errorType, quote } = { ...previousDoc, ...data }
  if (!createdAt || !errorType || !quote) return doc
  const title = correctionRequestTitle({ id: doc.id, createdAt, errorType, quote })
  if (title === previousDoc?.title) return doc
  await req.payload.db.updateOne({ collection: CORRECTION_REQUESTS_SLUG, id: doc.id, data: { title }, req })
  return 'title' in doc ? { ...doc, title } : doc
}
