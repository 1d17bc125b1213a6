import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'

import express from 'express'
import { getPayload, type Payload } from 'payload'
import proxyAddress from 'proxy-addr'

import { migrations } from '../migrations'
import { ConfigurationError } from './lib/runtime/configurationError'
import { objectStorageFrom } from './lib/media/objectStorage'
import { logger } from './lib/runtime/logger'
import { messagesKeptInFiles } from './lib/runtime/messagesKeptInFiles'
import { languageOfHeaders } from './i18n/requestMessages'
import { isOwnReadToken, newOwnReadToken, OWN_READ_HEADER, OWN_READ_TOKEN_ENV } from './lib/portal/ownReads'
import { PROJECT_ROOT } from './lib/runtime/projectRoot'
import { carriesCredentials } from './lib/http/credentials'
import { searchEnginePushesIn } from './lib/discovery/searchEnginePush'
import { MAX_URLS_PER_SITEMAP } from './lib/discovery/sitemaps'
import { positiveInteger } from './lib/runtime/envNumbers'
import { buildAdminIfStale } from './server/adminBuild'
import { canonicalisingApiPaths } from './server/canonicalPaths'
import { serveCachedReads } from './server/cache/cachedReads'
import { stampClientAddress } from './server/clientAddressHeader'
import { corsHeaders } from './server/cors'
import { discoveryRoutes } from './server/discovery'
import { startEmbeddedPostgres } from './server/embeddedPostgres'
import { ensureFirstAdmin } from './server/firstAdmin'
import { livenessCheck, readinessCheck } from './server/health'
import { type ApiClient, apiKeyClients } from './server/apiClients'
import { apiRateLimit } from './server/apiRateLimit'
import { articleViewCounter, serveViewBeacons } from './server/articleViews'
import { reindexOutdatedSearchRowsInBackground } from './server/outdatedSearchRows'
import { payloadApiRouter, refuse, sendError } from './server/payloadApi'
import { closePayload, exclusivelyAtStartup, failWritesWhoseCommitFails, tolerateDroppedConnections } from './server/pool'
import { requestLogger } from './server/requestLogger'
import { securityHeaders } from './server/securityHeaders'
import { startApiCaching } from './server/cache/responseCache'
import { resolvePayloadSecret } from './server/secret'
import { seedDemoContent } from './seed'

const rootDir = PROJECT_ROOT
const dataDir = path.resolve(process.env.DATA_DIR || path.join(rootDir, '.data'))
const production = process.env.NODE_ENV === 'production'
/** Without DATABASE_URL the server is a self-contained demo on an embedded PostgreSQL. */
const demo = !process.env.DATABASE_URL
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '0.0.0.0'
const serveAdmin = process.env.SERVE_ADMIN !== 'false'
/** The generated migrations' argument types are narrower than the adapter's generic signature. */
type PayloadMigrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000)

/**
 * What has been started so far, stopped in reverse order on SIGTERM/SIGINT (including a signal that
 * arrives while the server is still starting) and when the start fails, so an embedded PostgreSQL is
 * never left behind.
 */
const stopSteps: { name: string; run: () => Promise<unknown> }[] = []
let stopped: Promise<void> | null = null

/** The same stopping for everyone who asks: a signal, and a start that then fails because of it. */
const stopWhatStarted = () =>
  (stopped ??= (async () => {
    for (const step of stopSteps.reverse()) {
      await step.run().catch((error: unknown) => logger.warn({ err: error }, `${step.name} failed while stopping`))
    }
  })())

async function shutdown(signal: string): Promise<void> {
  if (stopped) return
  logger.info({ signal }, 'shutting down: finishing in-flight requests')
  await stopWhatStarted()
  logger.info('stopped')
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))

async function main(): Promise<void> {
  if (demo) {
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'postgres'), (message) => logger.warn(message))
    stopSteps.push({ name: 'stopping the embedded PostgreSQL', run: () => embedded.stop() })
    process.env.DATABASE_URL = embedded.url
    logger.info({ database: 'embedded', dataDir: path.join(dataDir, 'postgres') }, 'using the embedded PostgreSQL (no DATABASE_URL given)')
  } else {
    logger.info({ database: redactPassword(process.env.DATABASE_URL!) }, 'using the PostgreSQL server at DATABASE_URL')
  }
  process.env.PAYLOAD_SECRET = await resolvePayloadSecret({
    given: process.env.PAYLOAD_SECRET,
    demo,
    production,
    dataDir,
  })

  // Imported only now: the config reads DATABASE_URL and PAYLOAD_SECRET when it loads.
  const { default: configPromise, authAttempts, countCommentLikesIn, countPhoneCodesIn } = await import('../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })
  stopSteps.push({ name: 'closing Payload', run: () => closePayload(payload) })
  // The message and code only: the error carries its whole client, type tables included.
  tolerateDroppedConnections(payload, (error) => {
    const { message, code } = error as { message?: string; code?: string }
    logger.warn({ code, reason: message }, 'PostgreSQL closed a connection')
  })
  failWritesWhoseCommitFails(payload)
  await exclusivelyAtStartup(payload, async () => {
    await payload.db.migrate({ migrations: migrations as unknown as PayloadMigrations })
    if (demo && process.env.SEED_DEMO !== 'false') await seedDemoContent(payload)
    await ensureFirstAdmin(payload, { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
  })
  if (production && !demo) for (const warning of messagesKeptInFiles(process.env)) logger.warn(warning)
  const caching = startApiCaching(payload, config, {
    redisUrl: process.env.REDIS_URL || undefined,
    enabled: process.env.RESPONSE_CACHE !== 'off',
    maxBytes: Number(process.env.RESPONSE_CACHE_MAX_MB || 64) * 1024 * 1024,
    ttlMs: Number(process.env.RESPONSE_CACHE_TTL_SECONDS || 3600) * 1000,
    log: { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
  })
  stopSteps.push({ name: 'disconnecting the cache', run: () => caching.close() })
  authAttempts.countIn(caching.rateLimits)
  countCommentLikesIn(caching.rateLimits)
  countPhoneCodesIn(caching.rateLimits)
  stopSteps.push({ name: 'stopping the search re-index', run: reindexOutdatedSearchRowsInBackground(payload, logger) })
  // Crons (scheduled publishing) start after migrations, so their first tick finds the jobs table.
  await getPayload({ config, cron: true })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  // What Express's req.ip gives, for the steps that also run ahead of Express.
  const trustProxy = app.get('trust proxy fn') as Parameters<typeof proxyAddress>[1]
  const clientAddress = (req: Parameters<typeof proxyAddress>[0]) => proxyAddress(req, trustProxy)
  // The portal in this process reads this API itself unless told to read another deployment.
  const ownReadToken = serveAdmin && !process.env.PORTAL_API_URL ? newOwnReadToken() : null
  if (ownReadToken) process.env[OWN_READ_TOKEN_ENV] = ownReadToken
  const rateLimitApi = apiRateLimit(caching.rateLimits, {
    perMinute: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200),
    clientAddress,
    exempt: (req) => ownReadToken !== null && req.method === 'GET' && isOwnReadToken(req.headers[OWN_READ_HEADER], ownReadToken),
    languageOf: (req) => languageOfHeaders(config, req.headers),
    clientOf: (res) => {
      const client = res.locals?.apiClient as ApiClient | undefined
      return client && { key: String(client.id), perMinute: client.requestsPerMinute }
    },
  })
  const uploadsUrl = objectStorageFrom(process.env)?.publicUrl
  const secure = securityHeaders({ production, publicUrl: config.serverURL, imageOrigin: uploadsUrl && new URL(uploadsUrl).origin })
  const tokenCookie = `${config.cookiePrefix}-token`
  const answerFromCache =
    caching.cache &&
    serveCachedReads(caching.cache, caching.closure, {
      secure,
      admit: rateLimitApi,
      cors: corsHeaders(config.cors),
      personal: (headers) => carriesCredentials(headers, tokenCookie),
    })
  app.use(stampClientAddress)
  app.use(requestLogger)
  app.use(secure)
  app.get('/healthz', livenessCheck)
  app.get('/readyz', readinessCheck(payload, migrations.map((migration) => migration.name)))
  // On an empty database Payload lets whoever reaches the admin first register as its first user;
  // a production deployment names its first admin in ADMIN_EMAIL / ADMIN_PASSWORD instead.
  if (production && !demo) app.post('/api/users/first-register', (req, res) => refuse(res, req, 403, { code: 'FIRST_ADMIN_FROM_ENV' }, config))
  const apiClients = apiKeyClients(payload, caching.versions)
  app.use('/api', apiClients.recognise)
  app.use('/api', rateLimitApi)
  app.use('/api', apiClients.verify)
  const views = articleViewCounter(payload, {
    store: caching.rateLimits,
    secret: process.env.PAYLOAD_SECRET!,
    windowMs: positiveInteger(process.env.VIEW_WINDOW_MINUTES, 30, 24 * 60) * 60_000,
    writeEveryMs: positiveInteger(process.env.VIEW_WRITE_SECONDS, 5, 3600) * 1000,
    clientAddress,
    languageOf: (req) => languageOfHeaders(config, req.headers),
    cors: corsHeaders(config.cors),
    log: logger,
  })
  stopSteps.push({ name: 'writing the views counted', run: views.close })
  app.post('/api/articles/:id/view', views.handler)
  app.use('/api', payloadApiRouter(payload, { graphQLPlayground: !production, caching }))
  // Errors in the middleware before Payload (an API key looked up while PostgreSQL is down): JSON, no stack.
  app.use('/api', ((error, req, res, _next) => sendError(res, error, req, config)) satisfies express.ErrorRequestHandler)
  app.use(
    discoveryRoutes(payload, {
      cache: caching.cache,
      rateLimit: rateLimitApi,
      pushes: searchEnginePushesIn(config.custom),
      urlsPerSitemap: positiveInteger(process.env.SITEMAP_URLS_PER_FILE, MAX_URLS_PER_SITEMAP, MAX_URLS_PER_SITEMAP),
    }),
  )

  if (serveAdmin) {
    if (production) await buildAdminIfStale(rootDir, (message) => logger.info(message))
    const { default: next } = await import('next')
    const nextApp = next({ dev: !production, dir: rootDir, hostname: 'localhost', port })
    await nextApp.prepare()
    stopSteps.push({ name: 'closing the admin', run: () => nextApp.close() })
    const handle = nextApp.getRequestHandler()
    app.all('/{*path}', (req, res) => handle(req, res))
  }

  const canonicalise = canonicalisingApiPaths(config, { secure })
  const answerReads = answerFromCache ? (req: IncomingMessage, res: ServerResponse) => void answerFromCache(req, res, () => app(req, res)) : app
  const answerViews = serveViewBeacons(views.countView, { secure, admit: rateLimitApi })
  const answer = (req: IncomingMessage, res: ServerResponse) => void answerViews(req, res, () => answerReads(req, res))
  const server: Server = createServer((req, res) => {
    if (!canonicalise(req, res)) answer(req, res)
  })
  server.listen(port, host, () => {
    logger.info({ url: config.serverURL, host, port, production, admin: serveAdmin }, 'newsroom is listening')
  })
  server.keepAliveTimeout = 65_000
  stopSteps.push({ name: 'closing the HTTP server', run: () => closeHttpServer(server) })
}

/** Stops accepting, lets in-flight requests finish (within the grace period), then drops idle keep-alives. */
async function closeHttpServer(server: Server): Promise<void> {
  const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // A keep-alive connection becomes idle once its last request is answered: close it then.
  const sweep = setInterval(() => server.closeIdleConnections(), 50)
  server.closeIdleConnections()
  await closed
  clearInterval(sweep)
  clearTimeout(forced)
}


function redactPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigurationError) {
    logger.fatal(error.message)
  } else {
    logger.fatal({ err: error }, 'the server could not start')
  }
  // Awaited: exiting at once left the embedded PostgreSQL only signalled, still shutting down.
  await stopWhatStarted()
  process.exit(1)
})
