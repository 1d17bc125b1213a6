import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The portal served by this process reads the API over HTTP from the same process. Those reads all
 * come from 127.0.0.1, so the per-address API limit would cap the whole portal at a few page views a
 * second, whoever the readers are. The server hands the portal a token for this process's lifetime
 * (in the environment, which the portal's server code reads); a GET carrying it is the portal's own
 * and is not counted. Never sent anywhere but to this process itself, never logged.
 */
export const OWN_READ_HEADER = 'x-newsroom-portal-read'
export const OWN_READ_TOKEN_ENV = 'NEWSROOM_PORTAL_READ_TOKEN'

export function newOwnReadToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Whether a header value is the token, compared in constant time (hashed first, so lengths match). */
export function isOwnReadToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(token))
}
