import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { say } from '../../i18n/requestMessages'

const RECORD_KEPT = { code: 'RECORD_KEPT_IN_TRASH' } as const

/**
 * A collection with a trash keeps what is deleted for the retention period (the comment rules'
 * six months): through the API a document only goes to the trash. Deleting for good is refused with
 * a reason, REST, GraphQL and the admin alike; the purge job, past the period, is the server's own
 * work (overrideAccess).
 */
const refusePermanentDeletion: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'delete' && !args.overrideAccess) throw new APIError(say(req, RECORD_KEPT), 403, { code: RECORD_KEPT.code }, true)
  return args
}

/** The collection, when it has a trash, refusing to delete anything for good through the API. */
export const keepingDeletedRecords = (collection: CollectionConfig): CollectionConfig =>
  collection.trash ? { ...collection, hooks: { ...collection.hooks, beforeOperation: [refusePermanentDeletion, ...(collection.hooks?.beforeOperation ?? [])] } } : collection
