import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'

import type { CredentialHeaders } from '../../lib/http/credentials'
import { matchesIfNoneMatch, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, VARY } from '../../lib/http/caching'
import type { Lookup, ResponseCache } from '../../lib/responseCache/cache'
import { tagsForPath } from '../../lib/responseCache/dependencies'
import type { CachedResponse } from '../../lib/responseCache/entries'
import type { AddCorsHeaders } from '../cors'
import { localsOf, type PlainHandler, type PlainRequest, type PlainResponse } from '../plainHttp'
import { identifyRequest, logRequest } from '../requestLogger'

/** Tells clients and tests whether an answer came from the response cache: hit, miss or bypass. */
export const CACHE_STATUS_HEADER = 'x-newsroom-cache'

const API_PREFIX = '/api'

/** A cached GET is keyed by exactly what the client asked for, query included. */
export const cacheKeyOfGet = (req: PlainRequest) => `GET ${req.originalUrl ?? req.url}`

/** What `serveCachedReads` found for a request it passed on: the router reuses it instead of asking again. */
export type EarlyLookup = { key: string; lookup: Lookup }

/**
 * Anonymous GETs answered from the response cache ahead of everything else, Express included:
 * during a news spike nearly every request is one of these, and each step they skip (Express's own
 * per-request set-up, API-key lookup, routing, query parsing, Payload) costs as much as the answer
 * itself. So a hit does here what the middleware after it would: an id and a log line, the
 * security headers (`secure`), and the address's rate limit (`admit`); and what Payload would add,
 * its CORS headers (`cors`). A miss, or anything else, goes on to Express (`passOn`).
 */
export function serveCachedReads(
  cache: ResponseCache,
  closure: Record<string, string[]>,
  steps: { secure: PlainHandler; admit: PlainHandler; cors: AddCorsHeaders; personal: (headers: CredentialHeaders) => boolean },
): (req: IncomingMessage, res: PlainResponse, passOn: () => void) => Promise<void> {
  const noop = () => undefined
  return async (req, res, passOn) => {
    const url = req.url ?? ''
    if (req.method !== 'GET' || !url.startsWith(`${API_PREFIX}/`) || steps.personal(req.headers)) {
      return passOn()
    }
    const started = performance.now()
    const key = cacheKeyOfGet(req)
    let lookup: Lookup
    try {
      lookup = await cache.lookup(key, tagsForPath(url.slice(API_PREFIX.length), closure))
    } catch {
      // The usual path looks again, and answers and logs the failure as any other.
      return passOn()
    }
    const { hit } = lookup
    if (!hit) {
      // Express keeps locals that are already there.
      if (lookup.versions) localsOf(res).earlyLookup = { key, lookup } satisfies EarlyLookup
      return passOn()
    }
    const id = identifyRequest(req, res)
    steps.secure(req, res, noop)
    try {
      await steps.admit(req, res, () => sendCached(hit, req, res, steps.cors))
    } catch {
      // The rate-limit store failed: the usual path meets the same failure, and answers and logs it.
      if (res.headersSent) res.destroy()
      else return passOn()
    }
    logRequest(req, res, id, started)
  }
}

export function sendCached(entry: CachedResponse, req: IncomingMessage, res: ServerResponse, cors: AddCorsHeaders): void {
  cors(req, res)
  res.setHeader(CACHE_STATUS_HEADER, 'hit')
  res.setHeader('content-type', entry.contentType)
  res.setHeader('vary', VARY)
  res.setHeader('etag', entry.etag)
  res.setHeader('cache-control', req.method === 'GET' ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
  if (req.method === 'GET' && matchesIfNoneMatch(req.headers['if-none-match'], entry.etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = entry.status
  res.end(entry.body)
}
