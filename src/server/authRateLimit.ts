import type { RequestHandler } from 'express'

import { authAttemptKind, type AuthRateLimits, checkAuthAttempt } from '../lib/authRateLimit'
import type { RateLimitStore } from '../lib/rateLimit'
import { readBody } from './body'
import { JSON_BODY_LIMIT } from './payloadApi'

/**
 * Logins, reader sign-ups and password resets over REST, limited per client address and per email
 * in the shared rate-limit store (so the limits span instances with Redis). Over a limit: 429 with
 * Retry-After, before Payload looks at the password. Account lockout (maxLoginAttempts) still
 * applies underneath, per account.
 */
export function authRateLimit(store: RateLimitStore, limits: AuthRateLimits): RequestHandler {
  return async (req, res, next) => {
    const kind = authAttemptKind(req.method, req.path)
    if (!kind) return next()
    try {
      const decision = await checkAuthAttempt(store, limits, { kind, address: req.ip ?? 'unknown', email: await emailOf(req) })
      if (decision.allowed) return next()
      res.setHeader('retry-after', String(decision.retryAfterSeconds))
      res.status(429).json({
        errors: [{ message: '尝试次数过多，请稍后再试 (too many attempts: try again later)', data: { retryAfterSeconds: decision.retryAfterSeconds } }],
      })
    } catch (error) {
      next(error)
    }
  }
}

/** The email a JSON body names; a body that is not JSON is left for Payload to refuse. */
async function emailOf(req: Parameters<RequestHandler>[0]): Promise<unknown> {
  if (!/\bjson\b/i.test(req.get('content-type') ?? '')) return undefined
  try {
    return (JSON.parse((await readBody(req, JSON_BODY_LIMIT)).toString('utf8')) as { email?: unknown } | null)?.email
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}
