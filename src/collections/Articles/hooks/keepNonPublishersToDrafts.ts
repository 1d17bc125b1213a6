import type { CollectionBeforeOperationHook } from 'payload'

import { isPublisherUser } from '../../../access/roleChecks'

/**
 * A save that names no status would overwrite the live article in place, which is publishing by
 * another name. For everyone but publishers every write is therefore a draft: the live version stays
 * as it is until a publisher publishes the draft. (Explicit publishing is refused by access control.)
 */
export const keepNonPublishersToDrafts: CollectionBeforeOperationHook<'articles'> = ({ args, operation, req }) => {
  const isWrite = operation === 'create' || operation === 'update' || operation === 'updateByID'
  if (!isWrite || args.overrideAccess || isPublisherUser(req.user)) return args
  return { ...args, draft: true }
}
