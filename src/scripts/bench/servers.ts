/**
 * The servers under measurement, each a child process: the newsroom as `npm start` runs it (the
 * bundle, production mode, API only), and the plain Express baseline.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { PROJECT_ROOT } from '../../lib/runtime/projectRoot'
import { freePort } from '../../server/embeddedPostgres'
import type { CapturedResponse } from './plainServer'

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> }

const READY_WITHIN_MS = 120_000
/** How much of what a server printed is kept, to show when it fails to start. */
const KEPT_OUTPUT = 8_000

export const BENCH_ADMIN = { email: 'admin@bench.newsroom', password: 'bench-admin-password-123' }

/** What the instances of one site share behind a balancer: its address, the login secret, and Redis. */
/** Where a started server writes what it would send: emails (MAIL_DIR) and text messages (SMS_DIR), in its media folder. */
export type Outboxes = { mailDir: string; smsDir: string }
export const outboxesOf = (mediaDir: string): Outboxes => ({ mailDir: path.join(mediaDir, 'mail'), smsDir: path.join(mediaDir, 'sms') })

export type SharedSite = { publicUrl: string; secret: string; redisUrl: string; redisPrefix: string }

/**
 * The newsroom on a free port, returned once /readyz says the migrations are applied. Without the
 * response cache, every request reaches PostgreSQL. One of several `site` instances shares its
 * address, secret and Redis with the others (and the media and mail folders, given the same).
 */
export async function startNewsroom(options: { databaseUrl: string; mediaDir: string; responseCache: boolean; site?: SharedSite }): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const outboxes = outboxesOf(options.mediaDir)
  const { site } = options
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    SERVE_ADMIN: 'false',
    SEED_DEMO: 'false',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: site?.publicUrl ?? url,
    DATABASE_URL: options.databaseUrl,
    PAYLOAD_SECRET: site?.secret ?? randomBytes(32).toString('hex'),
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    MEDIA_DIR: options.mediaDir,
    MAIL_DIR: outboxes.mailDir,
    SMS_DIR: outboxes.smsDir,
    LOG_LEVEL: 'warn',
    // All the load comes from one address: the per-address API limit would answer most of it with 429.
    API_RATE_LIMIT_PER_MINUTE: '0',
  }
  // The benchmark's database is its own: read replicas or a Redis cache set up for another database
  // would answer with that one's content. The cache is this process's (the default), or, for the
  // instances of one site, theirs under a prefix of this run's own.
  delete env.DATABASE_READ_REPLICA_URLS
  delete env.REDIS_URL
  if (site) Object.assign(env, { REDIS_URL: site.redisUrl, REDIS_PREFIX: site.redisPrefix })
  if (options.responseCache) delete env.RESPONSE_CACHE
  else env.RESPONSE_CACHE = 'off'
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(PROJECT_ROOT, 'dist/server.mjs')], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = captureOutput(child)
  await waitUntilReady(url, child, output)
  return { url, pid: child.pid!, stop: () => stopChild(child) }
}

/** The baseline: Express answering every request with the captured response, from memory. */
export async function startPlainServer(response: CapturedResponse): Promise<RunningServer> {
  const child = fork(path.join(PROJECT_ROOT, 'dist/bench-plain-server.mjs'), [], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'inherit' })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`the plain server exited (code ${code}) before listening`)))
    child.send(response)
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child) }
}

function captureOutput(child: ChildProcess): () => string {
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return () => output
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before it was ready:\n${output()}`)
    if (await fetch(`${url}/readyz`).then((res) => res.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stopChild(child)
  throw new Error(`the server was not ready within ${READY_WITHIN_MS / 1000} s:\n${output()}`)
}

/** SIGTERM (the server's graceful shutdown), and the exit awaited. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
