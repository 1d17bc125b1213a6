import type { AfterErrorHook } from 'payload'

import { languageOf, problemsBody } from '../../i18n/requestMessages'

/**
 * Payload answers a multipart form it cannot read (no boundary, cut short, not form-data, a
 * `_payload` that is not JSON) with a 500. The form is the client's mistake: a 400 saying so.
 */
export const malformedFormAsBadRequest: AfterErrorHook = ({ error, req }) => {
  if (!req.headers?.get('content-type')?.startsWith('multipart/')) return
  const badPayload = error instanceof SyntaxError
  const unreadable = req.data === undefined && !req.file && ((error as { status?: number }).status ?? 500) >= 500
  if (!badPayload && !unreadable) return
  const problem = { path: badPayload ? '_payload' : 'data', message: { code: 'MALFORMED_FORM', values: { detail: error.message } } } as const
  return { status: 400, response: problemsBody(languageOf(req), [problem]) }
}
