import type { AfterErrorHook } from 'payload'

import { validationErrorBody } from '../../lib/api/validationErrorBody'

/**
 * Payload answers a multipart form it cannot read (no boundary, cut short, not form-data, a
 * `_payload` that is not JSON) with a 500. The form is the client's mistake: a 400 saying so.
 */
export const malformedFormAsBadRequest: AfterErrorHook = ({ error, req }) => {
  if (!req.headers?.get('content-type')?.startsWith('multipart/')) return
  const badPayload = error instanceof SyntaxError
  const unreadable = req.data === undefined && !req.file && ((error as { status?: number }).status ?? 500) >= 500
  if (!badPayload && !unreadable) return
  return { status: 400, response: validationErrorBody(badPayload ? '_payload' : 'data', `Malformed form: ${error.message}`) }
}
