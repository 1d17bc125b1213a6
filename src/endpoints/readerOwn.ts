import type { PayloadRequest } from 'payload'

import { isReaderUser } from '../access/roleChecks'
import { refusalBody } from '../i18n/requestMessages'
import type { MessageCode } from '../lib/i18n/translate'

/** An answer about one reader's own things (their likes, notices, number): never kept by any cache, shared or not. */
export const privateJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'private, no-store', ...headers } })

/**
 * The logged-in reader's id, or the refusal for anyone else: a 401 with `login` when nobody is logged
 * in (a cookie sent from a foreign origin is no login here: Payload's CSRF rule), a 403 with
 * `readersOnly` for a staff account.
 */
export function loggedInReaderId(req: PayloadRequest, codes: { login: MessageCode; readersOnly: MessageCode }): number | Response {
  if (!req.user) return privateJson(401, refusalBody(req, { code: codes.login }))
  if (!isReaderUser(req.user)) return privateJson(403, refusalBody(req, { code: codes.readersOnly }))
  return Number(req.user.id)
}
