/**
 * The storing half of the response cache, for the API router (src/server/payloadApi.ts): a public
 * read is looked up (or taken from the early lookup, cachedReads.ts) and its answer kept, with an
 * ETag and the HTTP caching rules of src/lib/http/caching.ts.
 */
import { createHash } from 'node:crypto'

import type { Request, Response } from 'express'
import { parse } from 'graphql'

import { etagOf, matchesIfNoneMatch, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, VARY } from '../../lib/http/caching'
import { allTags, tagsForPath } from '../../lib/responseCache/dependencies'
import type { CachedResponse } from '../../lib/responseCache/entries'
import { CACHE_STATUS_HEADER, cacheKeyOfGet, type EarlyLookup } from './cachedReads'
import type { ApiCaching } from './responseCache'

type KeepResponse = (response: { body: Uint8Array; etag: string; contentType: string }) => Promise<void>

/**
 * A read sent without credentials (a GET, or a GraphQL query) is looked up in the response cache;
 * `keep` stores the answer if it turns out cacheable. Null when the request is not such a read.
 */
export async function cachedRead(caching: ApiCaching, req: Request, body: Buffer | null): Promise<{ hit: CachedResponse | null; keep?: KeepResponse } | null> {
  const graphQL = req.method === 'POST' && req.path === '/graphql' && body !== null
  if (req.method !== 'GET' && !graphQL) return null
  const key = graphQL ? `GRAPHQL ${createHash('sha1').update(body).digest('base64url')}` : cacheKeyOfGet(req)
  const tags = graphQL ? allTags(caching.closure) : tagsForPath(req.path, caching.closure)
  const early = req.res?.locals.earlyLookup as EarlyLookup | undefined
  const { hit, versions } = early?.key === key ? early.lookup : await caching.cache!.lookup(key, tags)
  if (!versions) {
    req.res?.setHeader(CACHE_STATUS_HEADER, 'bypass')
    return null
  }
  if (hit) return { hit }
  req.res?.setHeader(CACHE_STATUS_HEADER, 'miss')
  if (graphQL && !isQueryOnly(body)) return null
  return {
    hit: null,
    keep: async (response) => {
      // A GraphQL answer with errors (a denied field, a bad argument) is answered, never kept.
      if (graphQL && hasGraphQLErrors(response.body)) return
      await caching.cache!.store(key, { status: 200, ...response }, tags, versions)
    },
  }
}

/** `personal`: the request carried credentials (see carriesCredentials), so its answer is nobody else's. */
export type Audience = { personal: boolean; keep?: KeepResponse }

/** Public reads get an ETag and may be revalidated (304); personal ones are never stored. */
export async function sendCacheableJson(response: globalThis.Response, res: Response, req: Request, { personal, keep }: Audience): Promise<void> {
  // A Buffer, not a bare Uint8Array: Node writes a Buffer to the socket without converting it, on every cache hit.
  const body = Buffer.from(await response.arrayBuffer())
  res.setHeader('vary', VARY)
  // An endpoint that sets its own Cache-Control (a token lookup, a preview) has said how to keep it.
  if (personal || response.headers.has('cache-control')) {
    if (!response.headers.has('cache-control')) res.setHeader('cache-control', PRIVATE_CACHE_CONTROL)
    res.end(body)
    return
  }
  const etag = etagOf(body)
  res.setHeader('etag', etag)
  res.setHeader('cache-control', isRead(req) ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
  await keep?.({ body, etag, contentType: response.headers.get('content-type') ?? 'application/json' })
  if (isRead(req) && matchesIfNoneMatch(req.get('if-none-match'), etag)) {
    res.status(304).end()
    return
  }
  res.end(body)
}

/** A HEAD is answered with the headers its GET would have (Node leaves out the body). */
export const isRead = (req: Request) => req.method === 'GET' || req.method === 'HEAD'

function isQueryOnly(body: Buffer): boolean {
  try {
    const { query } = JSON.parse(body.toString('utf8')) as { query?: unknown }
    if (typeof query !== 'string') return false
    const document = parse(query)
    return document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query')
  } catch {
    return false
  }
}

function hasGraphQLErrors(body: Uint8Array): boolean {
  try {
    return Array.isArray((JSON.parse(Buffer.from(body).toString('utf8')) as { errors?: unknown }).errors)
  } catch {
    return true
  }
}
