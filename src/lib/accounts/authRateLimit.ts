import { checkAllowances, type RateLimitDecision, type RateLimitStore } from '../http/rateLimit'
import { wholeNumber } from '../runtime/envNumbers'

/** The requests that guess or spend passwords and accounts, each counted apart. */
export type AuthAttemptKind = 'login' | 'sign-up' | 'password-reset'

export type AuthRateLimits = {
  /** Attempts of one kind from one client address per window (0: no limit). */
  perAddress: number
  /** Login and password-reset attempts naming one email per window, from anywhere (0: no limit). */
  perEmail: number
  windowMs: number
}

export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = { perAddress: 50, perEmail: 10, windowMs: 10 * 60 * 1000 }

/** AUTH_RATE_LIMIT_PER_ADDRESS, AUTH_RATE_LIMIT_PER_EMAIL, AUTH_RATE_WINDOW_SECONDS; anything but a whole number means the default. */
export function authRateLimitsFrom(env: Record<string, string | undefined>): AuthRateLimits {
  return {
    perAddress: wholeNumber(env.AUTH_RATE_LIMIT_PER_ADDRESS, DEFAULT_AUTH_RATE_LIMITS.perAddress),
    perEmail: wholeNumber(env.AUTH_RATE_LIMIT_PER_EMAIL, DEFAULT_AUTH_RATE_LIMITS.perEmail),
    windowMs: wholeNumber(env.AUTH_RATE_WINDOW_SECONDS, 0) * 1000 || DEFAULT_AUTH_RATE_LIMITS.windowMs,
  }
}

/** The `code` of a refused attempt's error, for clients to tell it from other 429s. */
export const AUTH_RATE_LIMITED = 'AUTH_RATE_LIMITED'

/**
 * Which kind of attempt a Payload operation on an account collection is, or null for any other.
 * The names are Payload's beforeOperation names, the same whether REST, GraphQL or the Local API
 * runs the operation.
 */
export function authAttemptKind(operation: string, byStaff: boolean): AuthAttemptKind | null {
  if (operation === 'login') return 'login'
  if (operation === 'forgotPassword' || operation === 'resetPassword') return 'password-reset'
  // Staff create accounts as part of their work; anyone else creating one signs up.
  if (operation === 'create' && !byStaff) return 'sign-up'
  return null
}

/**
 * Counts one attempt against its address's allowance and, for a login or a reset naming an email,
 * against that email's (so one account is not guessed at from many addresses). Refused when any
 * count is over: the answer says how long until the longest wait ends.
 */
export async function checkAuthAttempt(
  store: RateLimitStore,
  limits: AuthRateLimits,
  attempt: { kind: AuthAttemptKind; address: string; email?: unknown },
): Promise<RateLimitDecision> {
  const email = typeof attempt.email === 'string' ? attempt.email.trim().toLowerCase() : ''
  const allowances = [{ key: `auth:${attempt.kind}:ip:${attempt.address}`, limit: limits.perAddress }]
  if (email && attempt.kind !== 'sign-up') allowances.push({ key: `auth:${attempt.kind}:email:${email}`, limit: limits.perEmail })
  return checkAllowances(store, limits.windowMs, allowances)
}
