import type { CollectionBeforeOperationHook } from 'payload'
import { Forbidden } from 'payload'

import { isPublisherUser } from '../../../access/roleChecks'
import { ARTICLES_SLUG } from '../../../slugs'

/**
 * A save that names no status would overwrite the live article in place, which is publishing by
 * another name. For everyone but publishers every write is therefore a draft: the live version stays
 * as it is until a publisher publishes the draft. An explicit attempt to publish is refused here
 * (forcing draft mode would otherwise quietly turn it into a draft) and by access control.
 */
export const keepNonPublishersToDrafts: CollectionBeforeOperationHook<typeof ARTICLES_SLUG> = ({ args, operation, req }) => {
  const isWrite = operation === 'create' || operation === 'update' || operation === 'updateByID'
  if (!isWrite || args.overrideAccess || isPublisherUser(req.user)) return args
  if ((args as { data?: { _status?: unknown } }).data?._status === 'published') throw new Forbidden(req.t)
  return { ...args, draft: true }
}
