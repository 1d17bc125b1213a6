import { checkAllowances, type RateLimitDecision, type RateLimitStore } from '../http/rateLimit'
import { wholeNumber } from '../runtime/envNumbers'

export type LikeRateLimits = {
  /** Likes and unlikes by one reader per window, wherever they come from (0: no limit). */
  perReader: number
  /** Likes and unlikes from one client address per window, whoever is logged in (0: no limit). */
  perAddress: number
  windowMs: number
}

/** A reader reading a long thread likes a few dozen comments; a script toggling one comment, thousands. */
export const DEFAULT_LIKE_RATE_LIMITS: LikeRateLimits = { perReader: 60, perAddress: 300, windowMs: 10 * 60 * 1000 }

/** LIKE_RATE_LIMIT_PER_READER, LIKE_RATE_LIMIT_PER_ADDRESS, LIKE_RATE_WINDOW_SECONDS; anything but a whole number means the default. */
export function likeRateLimitsFrom(env: Record<string, string | undefined>): LikeRateLimits {
  return {
    perReader: wholeNumber(env.LIKE_RATE_LIMIT_PER_READER, DEFAULT_LIKE_RATE_LIMITS.perReader),
    perAddress: wholeNumber(env.LIKE_RATE_LIMIT_PER_ADDRESS, DEFAULT_LIKE_RATE_LIMITS.perAddress),
    windowMs: wholeNumber(env.LIKE_RATE_WINDOW_SECONDS, 0) * 1000 || DEFAULT_LIKE_RATE_LIMITS.windowMs,
  }
}

/** The `code` of a like refused for the storm it belongs to. */
export const COMMENT_LIKE_RATE_LIMITED = 'COMMENT_LIKE_RATE_LIMITED'

/**
 * Counts one like or unlike against the reader's allowance and the address's (many accounts behind
 * one address are one storm). Refused when either is over: the answer says how long the longer wait is.
 */
export async function checkLikeAttempt(
  store: RateLimitStore,
  limits: LikeRateLimits,
  attempt: { reader: string | number; address: string },
): Promise<RateLimitDecision> {
  return checkAllowances(store, limits.windowMs, [
    { key: `like:reader:${attempt.reader}`, limit: limits.perReader },
    { key: `like:ip:${attempt.address}`, limit: limits.perAddress },
  ])
}

/** The largest id a comment can have: the column is a PostgreSQL `integer`. */
const MAX_COMMENT_ID = 2 ** 31 - 1

/** Comments one request may ask about: a page of comments and their replies. */
export const MAX_LIKED_IDS = 100

/**
 * The comment ids of `?ids=1,2,3`, each spelled as in a path; null when any is not (a 400), or when
 * there are none or more than MAX_LIKED_IDS. Ids no comment can have are dropped.
 */
export function commentIdsFrom(list: unknown): number[] | null {
  if (typeof list !== 'string') return null
  const ids = list.split(',').map(commentIdFrom)
  if (ids.length > MAX_LIKED_IDS || ids.some((id) => id === null)) return null
  return [...new Set(ids as number[])].filter((id) => id > 0)
}

/**
 * A comment id from a path segment: decimal digits naming a positive integer, else `null` (a 400).
 * `1e0`, `0x1`, ` 1` and `1.0` are numbers to `Number()`, but no id is spelled so. An id past the
 * column's range is well-formed and names no comment (0, a 404), rather than a database error.
 */
export function commentIdFrom(segment: unknown): number | null {
  if (typeof segment !== 'string' || !/^[0-9]{1,20}$/.test(segment)) return null
  const id = Number(segment)
  return id >= 1 && id <= MAX_COMMENT_ID ? id : 0
}
