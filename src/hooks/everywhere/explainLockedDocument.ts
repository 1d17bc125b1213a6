import { type AfterErrorHook, Locked } from 'payload'

import { refusalBody } from '../../i18n/requestMessages'

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
