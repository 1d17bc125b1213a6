import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/**
 * Payload's stored password format (`payload/dist/auth/strategies/local/generatePasswordSaltHash.js`,
 * which Payload does not export): PBKDF2-SHA256 of the password with the hex salt, hex-encoded; a
 * current hash is prefixed `pbkdf2-sha256-v1:` (600,000 rounds, 32 bytes), an older one has no prefix
 * (25,000 rounds, 512 bytes).
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

function hashParameters(hash: string): { hex: string; iterations: number; keyLength: number } {
  return hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { hex: hash, iterations: 25_000, keyLength: 512 }
}

/** Whether `password` is the one an account's stored `hash` and `salt` were made from. */
export async function passwordMatches(password: string, stored: { hash?: unknown; salt?: unknown }): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const { hex, iterations, keyLength } = hashParameters(stored.hash)
  const expected = Buffer.from(hex, 'hex')
  const actual = await derive(password, stored.salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
