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
import { createLocalReq, type Endpoint, getLocalI18n, type Payload, type SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'

import { languageOfHeaders, problemsBody, refusalBodyIn } from '../i18n/requestMessages'
import type { Message } from '../lib/i18n/translate'
import { carriesCredentials } from '../lib/http/credentials'
import { graphQLRefusal } from '../lib/graphql/refusals'
import { everyFieldFailedWith } from '../lib/graphql/status'
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from '../lib/api/databaseErrors'
import { PRIVATE_CACHE_CONTROL, PUBLIC_FILE_CACHE_CONTROL, SAME_FOR_EVERY_CALLER } from '../lib/http/caching'
import { logger } from '../lib/runtime/logger'
import { paginationParamProblems } from '../lib/api/paginationParams'
import { HttpError, readBody } from './body'
import { type Audience, cachedRead, isRead, sendCacheableJson } from './cache/cacheableResponses'
import { sendCached } from './cache/cachedReads'
import { corsHeaders } from './cors'
import type { ApiCaching } from './cache/responseCache'

type RestHandler = (request: globalThis.Request, context: { params: Promise<{ slug: string[] }> }) => Promise<globalThis.Response>
type WebHandler = (request: globalThis.Request) => Promise<globalThis.Response>

/** JSON and form bodies; uploads may be as large as the media limit plus the form's other fields. */
export const JSON_BODY_LIMIT = 1024 * 1024
const MULTIPART_OVERHEAD = 1024 * 1024

/**
 * Serves Payload's REST and GraphQL handlers straight from Express: the web-standard handlers take a
 * `Request`, so Next's router (and its cost) is not in the way of API traffic.
 */
export function payloadApiRouter(payload: Payload, options: { graphQLPlayground: boolean; caching?: ApiCaching }): Router {
  const { config } = payload
  const { caching } = options
  const cors = corsHeaders(config.cors)
  const router = express.Router()
  const uploadLimit = (config.upload.limits?.fileSize ?? 0) + MULTIPART_OVERHEAD
  const keepsNoVersions = unversionedContent(config)
  const tokenCookie = `${config.cookiePrefix}-token`

  const answering =
    (answer: (req: Request, res: Response, body: Buffer | null) => Promise<globalThis.Response>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const unversioned = keepsNoVersions(req.path)
        if (unversioned) {
          refuse(res, req, 404, { code: 'NO_VERSIONS_KEPT', values: { content: unversioned } }, config)
          return
        }
        const query = req.query as Record<string, unknown>
        const problems = paginationParamProblems(query)
        if (problems.length > 0) {
          res.status(400).json(problemsBody(languageOfHeaders(config, req.headers), problems))
          return
        }
        const body = await bodyOf(req)
        if (req.path === '/graphql') refuseUnservableGraphQL(req, body)
        // Looked up before anything else is built: a hit is the common case under load.
        const personal = carriesCredentials({ authorization: req.get('authorization'), cookie: req.get('cookie') }, tokenCookie)
        const cached = caching?.cache && !personal ? await cachedRead(caching, req, body) : null
        if (cached?.hit) {
          sendCached(cached.hit, req, res, cors)
          return
        }
        await sendWebResponse(await answer(req, res, body), res, req, { personal, keep: cached?.keep }, config)
      } catch (error) {
        sendError(res, error, req, config)
      }
    }

  const toPayload = (handler: RestHandler | WebHandler, withSlug: boolean) =>
    answering(async (req, _res, body) => {
      const request = toWebRequest(req, body)
      if (!withSlug) return (handler as WebHandler)(request)
      const slug = (req.params as { slug?: string[] }).slug ?? []
      return (handler as RestHandler)(request, { params: Promise.resolve({ slug }) })
    })

  /**
   * Payload's REST handler authenticates every request and builds a full request object before it
   * finds the endpoint; without that, this server answered 15–20% more searches a second. An
   * endpoint that answers every caller alike needs neither, so it gets a request with no user and
   * no headers: only its path, its query and the language its refusals are said in.
   */
  const servedDirectly = (endpoint: Endpoint, collection?: string) =>
    answering(async (req, res) => {
      const request = await createLocalReq(
        {
          req: {
            payloadAPI: 'REST',
            url: new URL(req.originalUrl, config.serverURL || 'http://localhost').href,
            query: parseQuery(req.originalUrl),
            routeParams: { ...req.params, ...(collection && { collection }) },
            i18n: await getLocalI18n({ config, language: languageOfHeaders(config, req.headers) }),
          },
        },
        payload,
      )
      cors(req, res)
      return endpoint.handler(request)
    })

  router.get('/:collection/file/:filename', missingUploadsAsNotFound(payload))
  const rootEndpoints = (config.endpoints || []).map((endpoint) => ({ endpoint, path: endpoint.path, collection: undefined }))
  const collectionEndpoints = config.collections.flatMap(({ slug, endpoints }) =>
    (endpoints || []).map((endpoint) => ({ endpoint, path: `/${slug}${endpoint.path}`, collection: slug })),
  )
  for (const { endpoint, path, collection } of [...rootEndpoints, ...collectionEndpoints]) {
    if (endpoint.method === 'get' && endpoint.custom?.[SAME_FOR_EVERY_CALLER] === true) router.get(path, servedDirectly(endpoint, collection))
  }
  router.post('/graphql', toPayload(tooManyAttemptsAsAWhole(GRAPHQL_POST(config)), false))
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

  /** The request's body, checked against its size limit (and, for JSON, parsed once); null when it has none. */
  async function bodyOf(req: Request): Promise<Buffer | null> {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return null
    const contentType = req.get('content-type') ?? ''
    const body = await readBody(req, contentType.startsWith('multipart/form-data') ? uploadLimit : JSON_BODY_LIMIT)
    if (body.length > 0 && /\bjson\b/i.test(contentType)) assertJson(body)
    return body
  }
}

/**
 * Payload routes `/{collection}/versions…` and `/globals/{global}/versions…` for every collection
 * and global, and fails with a 500 on those that keep no versions (there is no table to read).
 * The slug of such a one a path asks for, or null.
 */
function unversionedContent(config: SanitizedConfig): (path: string) => string | null {
  const slugs = new Set([
    ...config.collections.filter((collection) => !collection.versions).map((collection) => collection.slug),
    ...config.globals.filter((global) => !global.versions).map((global) => `globals/${global.slug}`),
  ])
  return (path) => {
    const content = /^\/((?:globals\/)?[^/]+)\/versions(?:\/|$)/.exec(path)?.[1]
    return content && slugs.has(content) ? content : null
  }
}

/**
 * GraphQL requests Payload's handler would answer with a 500: a multipart body (Payload parses it
 * before GraphQL does, and fails on a malformed one), and documents its complexity rule cannot take.
 */
function refuseUnservableGraphQL(req: Request, body: Buffer | null): void {
  if (req.is('multipart/*')) throw new HttpError(415, { code: 'GRAPHQL_NOT_JSON' })
  const refusal = body ? graphQLRefusal(body.toString('utf8')) : null
  if (refusal) throw new HttpError(400, refusal)
}

/** The query as Payload's REST handler parses it, so a directly served endpoint reads the same values. */
function parseQuery(url: string): Record<string, unknown> {
  const start = url.indexOf('?')
  return start < 0 ? {} : qs.parse(url.slice(start + 1), { allowEmptyArrays: true, arrayLimit: 1000, depth: 10 })
}

function toWebRequest(req: Request, body: Buffer | null): globalThis.Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  // The client's address is among them, stamped at the server's door (see clientAddressHeader.ts).
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  // Payload finds an endpoint by its method and has none for HEAD: a HEAD is asked as its GET, whose
  // body Node leaves out of the answer.
  if (body === null) return new Request(url, { method: req.method === 'HEAD' ? 'GET' : req.method, headers })
  headers.delete('content-length')
  headers.delete('transfer-encoding')
  return new Request(url, { method: req.method, headers, body: body.length > 0 ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) : undefined })
}

/**
 * Payload answers GraphQL with 200 whatever its fields' errors. A rate limit that refuses a field
 * adds Retry-After to the answer (see limitAuthAttempts.ts): when it refused every field, the
 * answer is a 429 as a whole; otherwise the header, which means nothing on a 200, is dropped.
 */
function tooManyAttemptsAsAWhole(handler: WebHandler): WebHandler {
  return async (request) => {
    const response = await handler(request)
    if (!response.headers.has('retry-after')) return response
    const body = await response.text()
    const refused = everyFieldFailedWith(429, parsedOrNull(body))
    const headers = new Headers(response.headers)
    if (!refused) headers.delete('retry-after')
    return new Response(body, { status: refused ? 429 : response.status, headers })
  }
}

function parsedOrNull(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return null
  }
}

/**
 * Payload answers a request for an upload file that is not on disk with a 500 (it assumes the
 * document exists); for a client asking for a file that does not exist, that is a 404. A collection
 * kept in object storage has nothing on disk to look at: there, a file no document names is the 404.
 */
function missingUploadsAsNotFound(payload: Payload): RequestHandler {
  const { config } = payload
  return async (req, res, next) => {
    const { collection: slug, filename } = req.params as { collection: string; filename: string }
    const collection = config.collections.find((candidate) => candidate.slug === slug && candidate.upload)
    if (!collection) return next()
    if (collection.upload.disableLocalStorage) {
      const sizes = (collection.upload.imageSizes ?? []).map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))
      const { totalDocs } = await payload.count({ collection: collection.slug, where: { or: [{ filename: { equals: filename } }, ...sizes] }, overrideAccess: true })
      if (totalDocs > 0) return next()
      return refuse(res, req, 404, { code: 'FILE_NOT_FOUND' }, config)
    }
    const dir = path.resolve(collection.upload.staticDir || slug)
    const file = path.resolve(dir, filename)
    const exists = file.startsWith(dir + path.sep) && (await stat(file).then((s) => s.isFile(), () => false))
    if (exists) return next()
    refuse(res, req, 404, { code: 'FILE_NOT_FOUND' }, config)
  }
}

function assertJson(body: Buffer): void {
  try {
    JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new HttpError(400, { code: 'MALFORMED_JSON', values: { detail: (error as Error).message } })
  }
}

async function sendWebResponse(response: globalThis.Response, res: Response, req: Request, audience: Audience, config: SanitizedConfig): Promise<void> {
  // Payload answers a method that a collection has no endpoint for (its migrations have none) with
  // 501, a server's failure; it is the client's request that cannot be served.
  if (response.status === 501) {
    refuse(res, req, 405, { code: 'METHOD_NOT_ALLOWED', values: { method: req.method, path: req.path } }, config)
    return
  }
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
  const contentType = response.headers.get('content-type') ?? ''
  const isJson = contentType.includes('application/json')
  if (response.status === 200 && isJson && (isRead(req) || audience.keep)) {
    await sendCacheableJson(response, res, req, audience)
    return
  }
  if (!res.hasHeader('cache-control')) {
    const publicFile = req.method === 'GET' && response.status === 200 && !audience.personal
    res.setHeader('cache-control', publicFile ? PUBLIC_FILE_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
}

/**
 * A 429 thrown with `data.retryAfterSeconds` (the comment and correction limits, thrown in hooks that
 * set no response header) carries its wait in the body, and it becomes the Retry-After header here;
 * the auth limits set theirs on `req.responseHeaders`, which Payload adds itself.
 */
async function retryAfterOf(response: globalThis.Response): Promise<number | null> {
  const body = (await response.json().catch(() => null)) as { errors?: { data?: { retryAfterSeconds?: unknown } }[] } | null
  const seconds = body?.errors?.map((error) => error.data?.retryAfterSeconds).find((value) => typeof value === 'number')
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null
}

/** A refusal ahead of Payload, in Payload's shape and the client's language, with its code beside it. */
export function refuse(res: Response, req: Request, status: number, message: Message, config: SanitizedConfig): void {
  res.status(status).json(refusalBodyIn(languageOfHeaders(config, req.headers), message))
}

/** Errors before Payload answers: a clear JSON error in Payload's own shape, never a stack trace. */
export function sendError(res: Response, error: unknown, req: Request, config: SanitizedConfig): void {
  const clientError = error instanceof HttpError ? error : expressClientError(error)
  const unavailable = !clientError && databaseUnavailable(error)
  const status = clientError ? clientError.status : unavailable ? 503 : 500
  if (status >= 500) logger.error({ err: error, req: { id: res.locals.requestId, method: req.method, path: req.path } }, 'request failed')
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (unavailable) res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
  refuse(res, req, status, clientError ? clientError.refusal : { code: unavailable ? 'DATABASE_UNAVAILABLE' : 'INTERNAL_ERROR' }, config)
}

/**
 * Express's router fails a request it cannot route with a 4xx error of its own: a path segment
 * with malformed percent-encoding (`%E0%A4%A`) cannot be decoded into a route parameter.
 */
function expressClientError(error: unknown): HttpError | null {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown }
  if (typeof status !== 'number' || status < 400 || status > 499) return null
  return new HttpError(status, error instanceof URIError ? { code: 'PATH_MALFORMED_ENCODING' } : { code: 'REQUEST_INVALID', values: { detail: String(message) } })
}
