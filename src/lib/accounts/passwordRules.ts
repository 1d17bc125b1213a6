import type { Message } from '../i18n/translate'

export const PASSWORD_MIN_LENGTH = 10
/** PBKDF2 takes any length; this only keeps a megabyte "password" from costing a hash of it. */
export const PASSWORD_MAX_LENGTH = 128

/**
 * What is wrong with a new password for an account, or null when it may be used: long enough to
 * resist guessing (length matters more than character classes), not one character repeated, and
 * not the account's own email or its name part. The same rule for staff and readers, on sign-up,
 * change and reset.
 */
export function passwordProblem(password: unknown, email?: unknown): Message | null {
  if (typeof password !== 'string') return { code: 'PASSWORD_REQUIRED' }
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return { code: 'PASSWORD_TOO_SHORT', values: { min: PASSWORD_MIN_LENGTH } }
  if (length > PASSWORD_MAX_LENGTH) return { code: 'PASSWORD_TOO_LONG', values: { max: PASSWORD_MAX_LENGTH } }
  if (new Set(password).size === 1) return { code: 'PASSWORD_ONE_CHARACTER' }
  if (typeof email === 'string' && email.includes('@')) {
    const lower = password.trim().toLowerCase()
    const address = email.trim().toLowerCase()
    if (lower === address || lower === address.split('@')[0]) return { code: 'PASSWORD_IS_EMAIL' }
  }
  return null
}
