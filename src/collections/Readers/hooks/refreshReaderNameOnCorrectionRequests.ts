import type { CollectionAfterChangeHook } from 'payload'

import type { Reader } from '../../../payload-types'
import { CORRECTION_REQUESTS_SLUG } from '../../../slugs'

/**
 * Correction requests name their reader by display name (`readerName`); a new name is written
 * through to all of them. Read from what was written, not from `doc`, which a `select` may have cut.
 */
export const refreshReaderNameOnCorrectionRequests: CollectionAfterChangeHook<Reader> = async ({ data, doc, previousDoc, operation, req }) => {
  const readerName = data.displayName
  if (operation !== 'update' || typeof readerName !== 'string' || readerName === previousDoc?.displayName) return doc
  await req.payload.db.updateMany({ collection: CORRECTION_REQUESTS_SLUG, where: { reader: { equals: doc.id } }, data: { readerName }, req })
  return doc
}
