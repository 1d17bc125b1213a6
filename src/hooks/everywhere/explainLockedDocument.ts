import { type AfterErrorHook, type CollectionAfterOperationHook, type CollectionConfig, Locked } from 'payload'

import { refusalBody, say } from '../../i18n/requestMessages'

const DOCUMENT_LOCKED = { code: 'DOCUMENT_LOCKED' } as const

/**
 * A save or delete refused because someone else is editing the document (Payload's document lock,
 * which its REST writes and so the admin's check; GraphQL's do not) says so in the caller's language
 * with a code: Payload's own message is English only and names the document's id.
 */
export const explainLockedDocument: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof Locked)) return
  return { status: 423, response: refusalBody(req, DOCUMENT_LOCKED) }
}

type BulkError = { id: number | string; isPublic: boolean; message: string }

/**
 * What Payload says of a locked document, which a bulk save or delete lists instead of throwing (its
 * class is gone by then): "… is currently locked by another user and cannot be updated." or "… is
 * currently locked and cannot be deleted." (payloadCollections.test.ts holds both).
 */
const isPayloadLockMessage = (error: BulkError) => error.message.startsWith(`Document with ID ${error.id} is currently locked `)

/**
 * The same for a bulk save or delete (`PATCH` or `DELETE /api/<collection>?where=…`, the admin's
 * "edit many" and "delete many"): Payload lists each refused document in the answer's `errors` with
 * its English message; here each gets the caller's language and the code.
 */
export function explainingLocksInBulk(collection: CollectionConfig): CollectionConfig {
  const explainBulkLocks: CollectionAfterOperationHook = ({ operation, req, result }) => {
    if (operation !== 'update' && operation !== 'delete') return result
    const { errors } = result as { errors: BulkError[] }
    const explained = errors.map((error) =>
      isPayloadLockMessage(error) ? { id: error.id, isPublic: true, message: say(req, DOCUMENT_LOCKED), data: { code: DOCUMENT_LOCKED.code } } : error,
    )
    return { ...result, errors: explained } as typeof result
  }
  return { ...collection, hooks: { ...collection.hooks, afterOperation: [...(collection.hooks?.afterOperation ?? []), explainBulkLocks] } }
}
