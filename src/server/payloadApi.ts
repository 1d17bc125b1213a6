import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import {
  GRAPHQL_PLAYGROUND_GET,
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import express, { type Request, type RequestHandler, type Response, type Router } from 'express'
import type { SanitizedConfig } from 'payload'

import { CLIENT_IP_HEADER } from '../lib/clientIp'
import {
  etagOf,
  isPersonalised,
  matchesIfNoneMatch,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  PUBLIC_FILE_CACHE_CONTROL,
} from '../lib/httpCaching'
import { paginationParamProblems } from '../lib/paginationParams'
import { HttpError, readBody } from './body'

type RestHandler = (request: globalThis.Request, context: { params: Promise<{ slug: string[] }> }) => Promise<globalThis.Response>
type PlainHandler = (request: globalThis.Request) => Promise<globalThis.Response>

/** JSON and form bodies; uploads may be as large as the media limit plus the form's other fields. */
const JSON_BODY_LIMIT = 1024 * 1024
const MULTIPART_OVERHEAD = 1024 * 1024

/**
 * Serves Payload's REST and GraphQL handlers straight from Express: the web-standard handlers take a
 * `Request`, so Next's router (and its cost) is not in the way of API traffic.
 */
export function payloadApiRouter(config: SanitizedConfig, options: { graphQLPlayground: boolean }): Router {
  const router = express.Router()
  const uploadLimit = (config.upload.limits?.fileSize ?? 0) + MULTIPART_OVERHEAD

  const toPayload =
    (handler: RestHandler | PlainHandler, withSlug: boolean) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const problems = paginationParamProblems(req.query as Record<string, unknown>)
        if (problems.length > 0) {
          res.status(400).json({
            errors: [{ name: 'QueryError', message: `Invalid query parameter: ${problems.map((p) => p.path).join(', ')}`, data: problems }],
          })
          return
        }
        const request = await toWebRequest(req, uploadLimit)
        const slug = withSlug ? (req.params as { slug?: string[] }).slug ?? [] : []
        const response = withSlug
          ? await (handler as RestHandler)(request, { params: Promise.resolve({ slug }) })
          : await (handler as PlainHandler)(request)
        await sendWebResponse(response, res, req)
      } catch (error) {
        sendError(res, error, req)
      }
    }

  router.get('/:collection/file/:filename', missingUploadsAsNotFound(config))
  router.post('/graphql', toPayload(GRAPHQL_POST(config), false))
  if (options.graphQLPlayground) router.get('/graphql-playground', toPayload(GRAPHQL_PLAYGROUND_GET(Promise.resolve(config)), false))

  const rest = {
    get: REST_GET(config),
    post: REST_POST(config),
    patch: REST_PATCH(config),
    put: REST_PUT(config),
    delete: REST_DELETE(config),
    options: REST_OPTIONS(config),
  }
  router.get('/{*slug}', toPayload(rest.get, true))
  router.post('/{*slug}', toPayload(rest.post, true))
  router.patch('/{*slug}', toPayload(rest.patch, true))
  router.put('/{*slug}', toPayload(rest.put, true))
  router.delete('/{*slug}', toPayload(rest.delete, true))
  router.options('/{*slug}', toPayload(rest.options, true))
  return router

  async function toWebRequest(req: Request, multipartLimit: number): Promise<globalThis.Request> {
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === CLIENT_IP_HEADER) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    // The client's address as Express determined it (TRUST_PROXY decides whether X-Forwarded-For
    // counts); a client-sent header of this name is dropped above, so it cannot be forged.
    if (req.ip) headers.set(CLIENT_IP_HEADER, req.ip)
    const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(req.method)
    if (!hasBody) return new Request(url, { method: req.method, headers })
    const contentType = req.get('content-type') ?? ''
    const limit = contentType.startsWith('multipart/form-data') ? multipartLimit : JSON_BODY_LIMIT
    const body = await readBody(req, limit)
    if (body.length > 0 && /\bjson\b/i.test(contentType)) assertJson(body)
    headers.delete('content-length')
    headers.delete('transfer-encoding')
    return new Request(url, { method: req.method, headers, body: body.length > 0 ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) : undefined })
  }
}

/**
 * Payload answers a request for an upload file that is not on disk with a 500 (it assumes the
 * document exists); for a client asking for a file that does not exist, that is a 404.
 */
function missingUploadsAsNotFound(config: SanitizedConfig): RequestHandler {
  return async (req, res, next) => {
    const { collection: slug, filename } = req.params as { collection: string; filename: string }
    const collection = config.collections.find((candidate) => candidate.slug === slug && candidate.upload)
    if (!collection) return next()
    const dir = path.resolve(collection.upload.staticDir || slug)
    const file = path.resolve(dir, filename)
    const exists = file.startsWith(dir + path.sep) && (await stat(file).then((s) => s.isFile(), () => false))
    if (exists) return next()
    res.status(404).json({ errors: [{ message: 'File not found' }] })
  }
}

function assertJson(body: Buffer): void {
  try {
    JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new HttpError(400, `Malformed JSON body: ${(error as Error).message}`)
  }
}

async function sendWebResponse(response: globalThis.Response, res: Response, req: Request): Promise<void> {
  if (response.status === 429) {
    const retryAfter = await retryAfterOf(response.clone())
    if (retryAfter) res.setHeader('retry-after', String(retryAfter))
  }
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-encoding' && name !== 'transfer-encoding') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json')
  if (req.method === 'GET' && response.status === 200 && isJson) {
    await sendCacheableJson(response, res, req)
    return
  }
  if (!res.hasHeader('cache-control')) {
    const publicFile = req.method === 'GET' && response.status === 200 && !isPersonalised({ authorization: req.get('authorization'), cookie: req.get('cookie') })
    res.setHeader('cache-control', publicFile ? PUBLIC_FILE_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
}

/** Public reads get an ETag and may be revalidated (304); personal ones are never stored. */
async function sendCacheableJson(response: globalThis.Response, res: Response, req: Request): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer())
  res.setHeader('vary', 'Authorization, Cookie')
  if (isPersonalised({ authorization: req.get('authorization'), cookie: req.get('cookie') }) || response.headers.has('cache-control')) {
    if (!response.headers.has('cache-control')) res.setHeader('cache-control', PRIVATE_CACHE_CONTROL)
    res.end(body)
    return
  }
  const etag = etagOf(body)
  res.setHeader('etag', etag)
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL)
  if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
    res.status(304).end()
    return
  }
  res.end(body)
}

/**
 * Payload's errors cannot set headers; a 429 thrown with `data.retryAfterSeconds` (rate limits in
 * hooks) carries its wait in the body, and it becomes the Retry-After header here.
 */
async function retryAfterOf(response: globalThis.Response): Promise<number | null> {
  const body = (await response.json().catch(() => null)) as { errors?: { data?: { retryAfterSeconds?: unknown } }[] } | null
  const seconds = body?.errors?.map((error) => error.data?.retryAfterSeconds).find((value) => typeof value === 'number')
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null
}

/** Errors before Payload answers: a clear JSON error in Payload's own shape, never a stack trace. */
export function sendError(res: Response, error: unknown, req: Request): void {
  const status = error instanceof HttpError ? error.status : 500
  if (status >= 500) req.log?.error({ err: error }, 'request failed')
  if (res.headersSent) {
    res.destroy()
    return
  }
  const message = error instanceof HttpError ? error.message : 'Internal server error'
  res.status(status).json({ errors: [{ message }] })
}
