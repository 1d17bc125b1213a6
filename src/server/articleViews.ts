import { createHmac } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'

import type { Request } from 'express'
import type { Payload } from 'payload'

import { refusalBodyIn } from '../i18n/requestMessages'
import { checkRateLimit, type RateLimitStore } from '../lib/http/rateLimit'
import type { Language } from '../lib/i18n/translate'
import { PendingViews } from '../lib/views/pendingViews'
import { addViews, forgetOldViewHours } from '../db/articleViews'
import type { AddCorsHeaders } from './cors'
import { type PlainHandler, type PlainResponse, sendJson } from './plainHttp'
import { identifyRequest, logRequest } from './requestLogger'

/** Rows (article and hour) held between writes, some 15 MB at most: past that, the next view writes them at once. */
const MOST_PENDING_ROWS = 100_000
/** Largest article id PostgreSQL's `integer` holds. */
const MAX_ID = 2_147_483_647

type Log = { warn: (details: object, message: string) => void }

/**
 * `POST /api/articles/:id/view`: one view of a published article, answered at once (202) and
 * counted in memory, written to PostgreSQL every few seconds a batch at a time. A reader who reads
 * again within the window counts once: the store that keeps rate limits (Redis across instances)
 * remembers a keyed hash of their address, browser and the article, for the window only; neither is
 * stored anywhere else.
 */
export function articleViewCounter(
  payload: Payload,
  options: {
    store: RateLimitStore
    secret: string
    windowMs: number
    writeEveryMs: number
    clientAddress: (req: IncomingMessage) => string | undefined
    languageOf: (req: IncomingMessage) => Language
    cors: AddCorsHeaders
    log: Log
  },
) {
  const pending = new PendingViews(MOST_PENDING_ROWS)
  let writing: Promise<void> = Promise.resolve()
  let lastForgotten = 0

  /** Writes what is held; one write at a time, and a failed one puts its views back to try again. */
  const write = () =>
    (writing = writing.then(async () => {
      const rows = pending.take()
      try {
        await addViews(payload, rows)
      } catch (error) {
        pending.putBack(rows)
        options.log.warn({ err: error, views: rows.length }, 'views could not be written; kept for the next write')
        return
      }
      if (Date.now() - lastForgotten > 3_600_000) {
        lastForgotten = Date.now()
        await forgetOldViewHours(payload, new Date()).catch((error: unknown) => options.log.warn({ err: error }, 'old hourly view counts could not be removed'))
      }
    }))
  const timer = setInterval(() => void write(), options.writeEveryMs)
  timer.unref()

  /** Takes Node's own request and response: it answers both behind Express and ahead of it (`serveViewBeacons`). */
  const countView = async (req: IncomingMessage, res: PlainResponse, rawId: string): Promise<void> => {
    options.cors(req, res)
    const id = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : Number.NaN
    if (!(id <= MAX_ID)) {
      sendJson(res, 400, refusalBodyIn(options.languageOf(req), { code: 'ARTICLE_ID_INVALID' }, { field: 'id' }))
      return
    }
    const visitor = createHmac('sha256', options.secret)
      .update(`${options.clientAddress(req) ?? ''}\n${req.headers['user-agent'] ?? ''}\n${id}`)
      .digest('base64url')
      .slice(0, 22)
    const { allowed: firstInWindow } = await checkRateLimit(options.store, `view:${visitor}`, 1, options.windowMs)
    if (firstInWindow && !pending.add(id, new Date())) {
      await write()
      pending.add(id, new Date())
    }
    res.setHeader('cache-control', 'no-store')
    res.statusCode = 202
    res.end()
  }

  return {
    handler: (req: Request, res: PlainResponse) => countView(req, res, String(req.params.id ?? '')),
    countView,
    close: async () => (clearInterval(timer), await write()),
  }
}

/** A view's canonical target (src/server/canonicalPaths.ts has rewritten every other spelling to it by now). */
const VIEW_TARGET = /^\/api\/articles\/([1-9]\d{0,9})\/view(?:\?|$)/

/**
 * Views answered ahead of Express, as the cached reads are (src/server/cache/cachedReads.ts): a
 * spike's beacons arrive by the thousand a second, and Express's per-request set-up and routing cost
 * more than counting one, CPU the article pages being read at the same time need. A beacon does here
 * what Express would have done for it: an id and a log line, the security headers (`secure`), and
 * the address's API rate limit (`admit`). One that carries an Authorization header (an API client's
 * key, which has its own limit) or is spelled any other way goes on to Express (`passOn`), where the
 * same `countView` answers it.
 */
export function serveViewBeacons(
  countView: (req: IncomingMessage, res: PlainResponse, rawId: string) => Promise<void>,
  steps: { secure: PlainHandler; admit: PlainHandler },
): (req: IncomingMessage, res: PlainResponse, passOn: () => void) => Promise<void> {
  const noop = () => undefined
  return async (req, res, passOn) => {
    const target = req.method === 'POST' && req.headers.authorization === undefined ? VIEW_TARGET.exec(req.url ?? '') : null
    if (!target) return passOn()
    const started = performance.now()
    const id = identifyRequest(req, res)
    steps.secure(req, res, noop)
    try {
      await steps.admit(req, res, () => countView(req, res, target[1]))
    } catch {
      // The store that counts failed: Express meets the same failure, and answers and logs it.
      if (res.headersSent) res.destroy()
      else return passOn()
    }
    logRequest(req, res, id, started)
  }
}
