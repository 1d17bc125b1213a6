import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

import { freePort } from '../../src/server/embeddedPostgres'

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ADMIN = { email: 'admin@test.newsroom', password: 'admin-password-123' }

export type TestServer = {
  url: string
  databaseUrl: string
  /** Where the server writes the emails it sends (one JSON file each). */
  mailDir: string
  /** Where it writes the text messages it sends (no SMS_PROVIDER): one JSON file each. */
  smsDir: string
  /** Its uploads (MEDIA_DIR), for a command-line tool working beside it. */
  mediaDir: string
  output: () => string
  /** SIGTERM, wait for the exit, drop the database. */
  stop: () => Promise<void>
  /** SIGKILL, as a crash: no graceful shutdown. `stop` still cleans up after it. */
  kill: () => Promise<void>
  /** The process's exit code once stopped, null while it runs. */
  exitCode: () => number | null
}

/** A database URL on the test PostgreSQL server with a fresh, unique database name. */
export function freshDatabaseUrl(): string {
  const base = process.env.TEST_POSTGRES_URL
  if (!base) throw new Error('TEST_POSTGRES_URL is not set: run the tests with `npm test`')
  const url = new URL(base)
  url.pathname = `/newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`
  return url.toString()
}

/** Spawns the bundled server (built by globalSetup) as `npm start` runs it. */
export function spawnServer(env: Record<string, string | undefined>): { child: ChildProcess; output: () => string } {
  let output = ''
  // An undefined value removes the variable (node would pass the string "undefined").
  const merged = Object.entries({ ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env }).filter(([, value]) => value !== undefined)
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT_DIR, 'dist/server.mjs')], {
    cwd: ROOT_DIR,
    env: Object.fromEntries(merged) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

export async function startServer(
  env: Record<string, string | undefined> = {},
  { readyWithinMs = 90_000, databaseUrl: sharedDatabaseUrl }: { readyWithinMs?: number; databaseUrl?: string } = {},
): Promise<TestServer> {
  const port = await freePort()
  // A second instance on another's database leaves dropping it to the first.
  const databaseUrl = sharedDatabaseUrl ?? freshDatabaseUrl()
  if (!sharedDatabaseUrl) await createDatabase(databaseUrl, { template: process.env.TEST_TEMPLATE_DATABASE })
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-media-'))
  const mailDir = path.join(mediaDir, 'mail')
  const smsDir = path.join(mediaDir, 'sms')
  const url = `http://127.0.0.1:${port}`
  const { child, output } = spawnServer({
    NODE_ENV: 'production',
    SERVE_ADMIN: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    MEDIA_DIR: mediaDir,
    MAIL_DIR: mailDir,
    SMS_DIR: smsDir,
    // Readers post comments in most files without binding a phone first; the files about 后台实名
    // (phoneVerification.test.ts, the readers' e2e) switch it on, or leave it unset for production's default.
    COMMENT_REQUIRE_PHONE: 'off',
    ...env,
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await waitUntilReady(url, exited, output, readyWithinMs)
  return {
    url,
    databaseUrl,
    mailDir,
    smsDir,
    mediaDir,
    output,
    exitCode: () => child.exitCode,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      if (!sharedDatabaseUrl) await dropDatabase(databaseUrl)
      await rm(mediaDir, { recursive: true, force: true })
    },
  }
}

async function waitUntilReady(url: string, exited: Promise<number | null>, output: () => string, withinMs: number): Promise<void> {
  let hasExited = false
  void exited.then(() => (hasExited = true))
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`the server exited (code ${await exited}) before it was ready:\n${output()}`)
    const ready = await fetch(`${url}/readyz`).then((res) => res.ok, () => false)
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the server was not ready within ${withinMs / 1000} s:\n${output()}`)
}

export async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const name = url.pathname.slice(1)
  url.pathname = '/postgres'
  await withDatabase(url.toString(), (client) => client.query(`drop database if exists "${name}" with (force)`)).catch(() => {})
}

/**
 * An empty database (for tests of what a server does to one, or several servers started on it at
 * once), or a copy of `template`: the run's migrated database, which spares each server the migrations.
 */
export async function createDatabase(databaseUrl: string, { template }: { template?: string } = {}): Promise<void> {
  const url = new URL(databaseUrl)
  const name = url.pathname.slice(1)
  url.pathname = '/postgres'
  const copying = template ? ` template "${template}"` : ''
  await withDatabase(url.toString(), (client) => client.query(`create database "${name}"${copying}`))
}
