import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { languageOfHeaders, problemsBody } from '../i18n/requestMessages'
import { type DiscoveryRoute, discoveryPath } from '../lib/discovery/paths'
import { discoveryRouteOf } from '../lib/discovery/routes'
import type { SearchEnginePushes } from '../lib/discovery/searchEnginePush'
import { etagOf, PUBLIC_CACHE_CONTROL, PUBLIC_FILE_CACHE_CONTROL, VARY } from '../lib/http/caching'
import { portalUrl } from '../lib/portal/siteUrl'
import type { ResponseCache } from '../lib/responseCache/cache'
import { CACHE_STATUS_HEADER, sendCached } from './cache/cachedReads'
import { corsHeaders } from './cors'
import { type DiscoveryDocument, discoveryDocument, type DiscoverySettings } from './discoveryDocuments'
import { sendError } from './payloadApi'
import type { PlainHandler } from './plainHttp'

/**
 * What search engines and feed readers fetch from the site's root: robots.txt, the sitemaps, the
 * RSS feeds and IndexNow's key file. Each counts against the client address's API rate limit, and
 * the documents are kept in the API's response cache, under the tags of what they show, so a publish
 * (or any change the public can see) is in the next one served, as in the API's own answers.
 */
export function discoveryRoutes(
  payload: Payload,
  options: DiscoverySettings & { cache: ResponseCache | null; rateLimit: PlainHandler; pushes: SearchEnginePushes },
): RequestHandler {
  const { config } = payload
  const cors = corsHeaders(config.cors)
  const indexNowKey = options.pushes.indexnow?.key ?? null

  const answer = async (req: Request, res: Response, route: DiscoveryRoute) => {
    if (route.kind === 'robots') return sendText(res, robotsTxt())
    if (route.kind === 'indexNowKey') return sendText(res, indexNowKey!)
    await sendDocument(req, res, discoveryDocument(payload, route, options))
  }

  /** From the cache, or written as it is read and then kept, unless a change it shows came meanwhile. */
  const sendDocument = async (req: Request, res: Response, document: DiscoveryDocument) => {
    const { cache } = options
    const lookup = cache && (await cache.lookup(document.key, document.tags))
    if (lookup?.hit) return sendCached(lookup.hit, req, res, cors)
    const chunks = document.chunks()
    let next = await chunks.next()
    cors(req, res)
    if (lookup) res.setHeader(CACHE_STATUS_HEADER, lookup.versions ? 'miss' : 'bypass')
    res.status(200).setHeader('content-type', document.contentType)
    res.setHeader('cache-control', PUBLIC_CACHE_CONTROL)
    res.setHeader('vary', VARY)
    // What is sent is held only to be kept: with the cache off or standing aside, nothing is.
    const kept: Buffer[] | null = cache && lookup?.versions ? [] : null
    while (!next.done) {
      const bytes = Buffer.from(next.value)
      kept?.push(bytes)
      if (!res.write(bytes)) await drainedOrClosed(res)
      // The client has gone: the rest is not read, and a part is nothing to keep.
      if (res.destroyed) return
      next = await chunks.next()
    }
    res.end()
    if (kept && cache && lookup?.versions) {
      const body = Buffer.concat(kept)
      await cache.store(document.key, { status: 200, contentType: document.contentType, etag: etagOf(body), body }, document.tags, lookup.versions)
    }
  }

  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const match = discoveryRouteOf(req.path, indexNowKey)
    if (!match) return next()
    try {
      let admitted = false
      await options.rateLimit(req, res, () => (admitted = true))
      // Over the limit: answered with a 429.
      if (!admitted) return
      if ('problems' in match) {
        res.status(400).json(problemsBody(languageOfHeaders(config, req.headers), match.problems, 'ROUTE_PARAMS_INVALID'))
        return
      }
      await answer(req, res, match.route)
    } catch (error) {
      sendError(res, error, req, config)
    }
  }
}

/** Crawlers are kept out of the admin and of preview links, and told where the sitemaps are. */
function robotsTxt(): string {
  const sitemap = (route: DiscoveryRoute) => `Sitemap: ${portalUrl()}${discoveryPath(route)}`
  return ['User-agent: *', 'Disallow: /admin', 'Disallow: /preview', '', sitemap({ kind: 'sitemapIndex' }), sitemap({ kind: 'newsSitemap' }), ''].join('\n')
}

function sendText(res: Response, text: string): void {
  res.status(200).setHeader('content-type', 'text/plain; charset=utf-8')
  res.setHeader('cache-control', PUBLIC_FILE_CACHE_CONTROL)
  res.end(text)
}

/** Resolves when the socket takes more (or has closed, when it never will). */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}
