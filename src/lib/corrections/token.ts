import { createHash, randomBytes } from 'node:crypto'

/**
 * A status-lookup token for an anonymous reporter: 32 random bytes, base64url; only its SHA-256 hex
 * is stored, so a leaked database does not let anyone read other reporters' requests.
 */
export function newLookupToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashLookupToken(token) }
}

export function hashLookupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
