import { type AfterErrorHook, Locked } from 'payload'

import { refusalBody, say } from '../../i18n/requestMessages'

const DOCUMENT_LOCKED = { code: 'DOCUMENT_LOCKED' } as const

/**
 * A save or delete refused because someone else is editing the document (Payload's document lock,
 * checked on REST writes and the admin's) says so in the caller's language with a code; Payload's
 * own message is English only and names the document's id.
 */
export const explainLockedDocument: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!((error as { originalError?: unknown }).originalError instanceof Locked || error instanceof Locked)) return
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, message: say(req, DOCUMENT_LOCKED), extensions: { ...graphqlResult.extensions, code: DOCUMENT_LOCKED.code, statusCode: 423 } } }
  }
  return { status: 423, response: refusalBody(req, DOCUMENT_LOCKED) }
}
