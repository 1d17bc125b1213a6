import type { IncomingMessage } from 'node:http'

import { checkRateLimit, type RateLimitStore } from '../lib/http/rateLimit'
import { refusalBodyIn } from '../i18n/requestMessages'
import type { Language } from '../lib/i18n/translate'
import { type PlainHandler, type PlainResponse, sendJson } from './plainHttp'

const WINDOW_MS = 60_000

/**
 * Requests per minute to the API, per client address, counted in the shared store (so the limit
 * spans every instance when Redis is configured). A front end identified by its API key gets its
 * own, larger allowance instead of sharing its server's address with everyone else.
 */
export function apiRateLimit(
  store: RateLimitStore,
  options: {
    perMinute: number
    /** The client's address as Express works it out (TRUST_PROXY): this also runs ahead of Express. */
    clientAddress: (req: IncomingMessage) => string | undefined
    /** The API client a request identified itself as (see apiClients.ts), if any. */
    clientOf?: (res: PlainResponse) => { key: string; perMinute: number } | undefined
    /** Requests not counted at all (the portal's own reads, see src/lib/portal/ownReads.ts). */
    exempt?: (req: IncomingMessage) => boolean
    /** The language the request asks for its refusal in. */
    languageOf: (req: IncomingMessage) => Language
  },
): PlainHandler {
  return async (req, res, next) => {
    if (options.exempt?.(req)) return next()
    const client = options.clientOf?.(res)
    const limit = client ? client.perMinute : options.perMinute
    if (limit <= 0) return next()
    const key = client ? `client:${client.key}` : `ip:${options.clientAddress(req) ?? 'unknown'}`
    const decision = await checkRateLimit(store, key, limit, WINDOW_MS)
    res.setHeader('ratelimit-limit', String(decision.limit))
    res.setHeader('ratelimit-remaining', String(decision.remaining))
    if (decision.allowed) return next()
    res.setHeader('retry-after', String(decision.retryAfterSeconds))
    const message = { code: 'API_RATE_LIMITED', values: { seconds: decision.retryAfterSeconds } } as const
    sendJson(res, 429, refusalBodyIn(options.languageOf(req), message, { retryAfterSeconds: decision.retryAfterSeconds }))
  }
}
