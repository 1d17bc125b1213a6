import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

/**
 * Payload still returns an access-denied array field as an empty list. For anyone who may not read
 * them, such records (moderation logs, review history) are removed outright, so the public API does
 * not even name them. (Server code reading with overrideAccess still gets them.)
 */
export const hideDeniedRecords =
  (fields: readonly string[], mayRead: (user: PayloadRequest['user']) => boolean): CollectionAfterReadHook =>
  ({ doc, req, overrideAccess }) => {
    if (overrideAccess || mayRead(req.user)) return doc
    for (const field of fields) delete doc[field]
    return doc
  }
