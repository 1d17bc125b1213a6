import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'

import type { RequestHandler } from 'express'

import { logger } from '../lib/runtime/logger'
import { localsOf, type PlainRequest, type PlainResponse } from './plainHttp'

const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/

/**
 * One line per request: id (taken from X-Request-Id when sane), method, path, status, duration, and
 * which front end asked when it identified itself with an API key (never the key itself).
 * Hand-written rather than pino-http: that one builds a child logger and serialisers for every
 * request, a fifth of the CPU a cached read costs, even when the level logs nothing.
 */
export const requestLogger: RequestHandler = (req, res, next) => {
  const id = identifyRequest(req, res)
  const url = req.url
  if (url !== '/healthz' && !url.startsWith('/_next/')) {
    const started = performance.now()
    res.once('close', () => logRequest(req, res, id, started))
  }
  next()
}

/** The request's id, echoed in X-Request-Id and kept in `res.locals.requestId` for error logs. */
export function identifyRequest(req: IncomingMessage, res: PlainResponse): string {
  const incoming = req.headers['x-request-id']
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
  res.setHeader('x-request-id', id)
  localsOf(res).requestId = id
  return id
}

/** Called once the response is finished, or its connection closed. */
export function logRequest(req: PlainRequest, res: PlainResponse, id: string, started: number): void {
  const status = res.statusCode
  // The connection closed before the response was finished: the client hung up, or the handler failed.
  const aborted = !res.writableEnded
  const level = aborted || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
  if (!logger.isLevelEnabled(level)) return
  const responseTime = Math.round(performance.now() - started)
  const path = pathOf(req)
  const client = (res.locals?.apiClient as { name: string } | undefined)?.name
  logger[level](
    { req: { id, method: req.method, path }, res: { status }, responseTime, ...(client ? { apiClient: client } : {}) },
    aborted ? `${req.method} ${path} aborted after ${responseTime}ms` : `${req.method} ${path} ${status} ${responseTime}ms`,
  )
}

/**
 * Express rewrites `url` inside mounted routers; `originalUrl` is what the client asked for. Never
 * the query, nor the token of an email verification (`/api/readers/verify/<token>`): both may carry
 * a token that still works.
 */
function pathOf(req: PlainRequest): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0].replace(/\/verify\/[^/]+/, '/verify/…')
}
