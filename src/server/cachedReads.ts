import { performance } from 'node:perf_hooks'

import type { Request, RequestHandler, Response } from 'express'

import { isPersonalised, matchesIfNoneMatch, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, VARY } from '../lib/httpCaching'
import type { Lookup, ResponseCache } from '../lib/responseCache/cache'
import { tagsForPath } from '../lib/responseCache/dependencies'
import type { CachedResponse } from '../lib/responseCache/entries'
import type { AddCorsHeaders } from './cors'
import { identifyRequest, logRequest } from './requestLogger'

/** Tells clients and tests whether an answer came from the response cache: hit, miss or bypass. */
export const CACHE_STATUS_HEADER = 'x-newsroom-cache'

const API_PREFIX = '/api'

/** A cached GET is keyed by exactly what the client asked for, query included. */
export const cacheKeyOfGet = (req: Request) => `GET ${req.originalUrl}`

/** What `serveCachedReads` found for a request it passed on: the router reuses it instead of asking again. */
export type EarlyLookup = { key: string; lookup: Lookup }

/**
 * Anonymous GETs answered from the response cache ahead of everything else: during a news spike
 * nearly every request is one of these, and each step they skip (API-key lookup, routing, query
 * parsing, Payload) costs as much as the answer itself. Mounted first, so a hit does here what the
 * middleware after it would: an id and a log line, the security headers (`secure`), and the
 * address's rate limit (`admit`); and what Payload would add, its CORS headers (`cors`). A miss, or
 * anything else, goes on down the usual path.
 */
export function serveCachedReads(
  cache: ResponseCache,
  closure: Record<string, string[]>,
  steps: { secure: RequestHandler; admit: RequestHandler; cors: AddCorsHeaders },
): RequestHandler {
  const noop = () => undefined
  return async (req, res, next) => {
    const url = req.originalUrl
    if (req.method !== 'GET' || !url.startsWith(`${API_PREFIX}/`) || isPersonalised({ authorization: req.headers.authorization, cookie: req.headers.cookie })) {
      return next()
    }
    const started = performance.now()
    try {
      const key = cacheKeyOfGet(req)
      const lookup = await cache.lookup(key, tagsForPath(url.slice(API_PREFIX.length), closure))
      const { hit } = lookup
      if (!hit) {
        if (lookup.versions) res.locals.earlyLookup = { key, lookup } satisfies EarlyLookup
        return next()
      }
      const id = identifyRequest(req, res)
      steps.secure(req, res, noop)
      await steps.admit(req, res, () => sendCached(hit, req, res, steps.cors))
      logRequest(req, res, id, started)
    } catch (error) {
      next(error)
    }
  }
}

export function sendCached(entry: CachedResponse, req: Request, res: Response, cors: AddCorsHeaders): void {
  cors(req, res)
  res.setHeader(CACHE_STATUS_HEADER, 'hit')
  res.setHeader('content-type', entry.contentType)
  res.setHeader('vary', VARY)
  res.setHeader('etag', entry.etag)
  res.setHeader('cache-control', req.method === 'GET' ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
  if (req.method === 'GET' && matchesIfNoneMatch(req.headers['if-none-match'], entry.etag)) {
    res.status(304).end()
    return
  }
  res.status(entry.status).end(entry.body)
}
