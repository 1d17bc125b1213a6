import type { CollectionAfterReadHook } from 'payload'

import { isModeratorUser } from '../access/roleChecks'

/**
 * Payload still returns an access-denied array field as an empty list. For anyone but moderators
 * the moderation records are removed outright, so the public API does not even name them. (Server
 * code reading with overrideAccess, such as the report endpoint, still gets them.)
 */
export const hideModerationRecords =
  (fields: readonly string[]): CollectionAfterReadHook =>
  ({ doc, req, overrideAccess }) => {
    if (overrideAccess || isModeratorUser(req.user)) return doc
    for (const field of fields) delete doc[field]
    return doc
  }
