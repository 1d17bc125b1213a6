export const PASSWORD_MIN_LENGTH = 10
/** PBKDF2 takes any length; this only keeps a megabyte "password" from costing a hash of it. */
export const PASSWORD_MAX_LENGTH = 128

/**
 * What is wrong with a new password for an account, or null when it may be used: long enough to
 * resist guessing (length matters more than character classes), not one character repeated, and
 * not the account's own email or its name part. The same rule for staff and readers, on sign-up,
 * change and reset.
 */
export function passwordProblem(password: unknown, email?: unknown): string | null {
  if (typeof password !== 'string') return '请填写密码 (a password is required)'
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符 (at least ${PASSWORD_MIN_LENGTH} characters)`
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符 (at most ${PASSWORD_MAX_LENGTH} characters)`
  if (new Set(password).size === 1) return '密码不能是同一个字符的重复 (not one character repeated)'
  if (typeof email === 'string' && email.includes('@')) {
    const lower = password.trim().toLowerCase()
    const address = email.trim().toLowerCase()
    if (lower === address || lower === address.split('@')[0]) return '密码不能与邮箱相同 (must not be the email address)'
  }
  return null
}
