import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { isStaffUser } from '../../access/roleChecks'
import { say } from '../../i18n/requestMessages'
import { AUTH_RATE_LIMITED, authAttemptKind, type AuthRateLimits, checkAuthAttempt } from '../../lib/accounts/authRateLimit'
import { CLIENT_IP_HEADER } from '../../lib/http/clientIp'
import { MemoryRateLimitStore, type RateLimitStore } from '../../lib/http/rateLimit'

export type AuthAttemptLimits = {
  /** Where the counts are kept from now on: the server hands over the store all its instances share. */
  countIn(store: RateLimitStore): void
  /** The collection with its logins, sign-ups and password resets limited, if it is an account collection with passwords. */
  limitingCollection(collection: CollectionConfig): CollectionConfig
}

/**
 * Logins, sign-ups and password resets, limited per client address and per email at the operation
 * itself: every way of reaching it counts alike (REST in any spelling of the path, each mutation of
 * a GraphQL request, the admin), and an attempt over a limit is refused before the operation looks
 * at a password or an account. Account lockout (maxLoginAttempts) still applies underneath.
 */
export function authAttemptLimits(limits: AuthRateLimits): AuthAttemptLimits {
  // Until the server hands over its store (scripts that load the config never do).
  let store: RateLimitStore = new MemoryRateLimitStore()

  const limitAttempt: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
    const kind = authAttemptKind(operation, isStaffUser(req.user))
    if (!kind) return args
    // Stamped on every request at the server's door, whatever a client sent: a Local API call
    // without it is the server's own work (seeding, the first admin), not a client's attempt.
    const address = req.headers?.get(CLIENT_IP_HEADER)
    if (!address && req.payloadAPI === 'local') return args
    const email = (args as { data?: { email?: unknown } }).data?.email
    const decision = await checkAuthAttempt(store, limits, { kind, address: address || 'unknown', email })
    if (decision.allowed) return args
    // Payload adds these to its answer, REST or GraphQL; the GraphQL bridge tells from it that a
    // request may have been refused as a whole (see payloadApi.ts).
    req.responseHeaders ??= new Headers()
    const longestWait = Math.max(decision.retryAfterSeconds, Number(req.responseHeaders.get('retry-after')) || 0)
    req.responseHeaders.set('retry-after', String(longestWait))
    const message = { code: AUTH_RATE_LIMITED, values: { seconds: decision.retryAfterSeconds } } as const
    throw new APIError(say(req, message), 429, { code: AUTH_RATE_LIMITED, retryAfterSeconds: decision.retryAfterSeconds }, true)
  }

  return {
    countIn: (shared) => {
      store = shared
    },
    limitingCollection: (collection) => {
      const auth = collection.auth
      if (!auth || (typeof auth === 'object' && auth.disableLocalStrategy)) return collection
      const hooks = collection.hooks ?? {}
      // First, so an attempt over the limit costs nothing of the collection's own hooks either.
      return { ...collection, hooks: { ...hooks, beforeOperation: [limitAttempt, ...(hooks.beforeOperation ?? [])] } }
    },
  }
}
