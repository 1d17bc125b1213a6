import { createHmac } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { refusalBodyIn } from '../i18n/requestMessages'
import { checkRateLimit, type RateLimitStore } from '../lib/http/rateLimit'
import type { Language } from '../lib/i18n/translate'
import { PendingViews } from '../lib/views/pendingViews'
import { addViews, forgetOldViewHours } from '../db/articleViews'

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
    cors: (req: Request, res: Response) => void
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

  const handler = async (req: Request, res: Response): Promise<void> => {
    options.cors(req, res)
    const raw = String(req.params.id ?? '')
    const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : Number.NaN
    if (!(id <= MAX_ID)) {
      res.status(400).json(refusalBodyIn(options.languageOf(req), { code: 'ARTICLE_ID_INVALID' }, { field: 'id' }))
      return
    }
    const visitor = createHmac('sha256', options.secret)
      .update(`${options.clientAddress(req) ?? ''}\n${req.get('user-agent') ?? ''}\n${id}`)
      .digest('base64url')
      .slice(0, 22)
    const { allowed: firstInWindow } = await checkRateLimit(options.store, `view:${visitor}`, 1, options.windowMs)
    if (firstInWindow && !pending.add(id, new Date())) {
      await write()
      pending.add(id, new Date())
    }
    res.setHeader('cache-control', 'no-store')
    res.status(202).end()
  }

  return { handler, close: async () => (clearInterval(timer), await write()) }
}
