import { randomUUID } from 'node:crypto'

import { pinoHttp } from 'pino-http'

import { logger } from '../lib/logger'

const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/

/** One line per request: id (taken from X-Request-Id when sane), method, path, status, duration. */
export const requestLogger = pinoHttp({
  logger,
  genReqId: (req, res) => {
    const incoming = req.headers['x-request-id']
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
    res.setHeader('x-request-id', id)
    return id
  },
  // Which front end asked, when it identified itself with an API key (never the key itself).
  customProps: (_req, res) => {
    const client = (res as { locals?: { apiClient?: { name: string } } }).locals?.apiClient
    return client ? { apiClient: client.name } : {}
  },
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/_next/') },
  serializers: {
    req: (req) => ({ id: req.id, method: req.method, path: pathOf(req.raw ?? req) }),
    res: (res) => ({ status: res.statusCode }),
  },
  customSuccessMessage: (req, res, responseTime) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(responseTime)}ms`,
  customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
})

/** Express rewrites `url` inside mounted routers; `originalUrl` is what the client asked for. Never the query: it may carry tokens. */
function pathOf(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0]
}
