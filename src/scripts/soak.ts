// `npm run soak`: mixed traffic for a set time against the server as `npm start` runs it (the
// bundle, production mode, API only) on a fresh PostgreSQL database, on loopback only, then checks
// what must hold: no 5xx, every acknowledged write in the database, no draft ever shown to a reader.
// With --instances N, N such servers share the database and Redis behind a round-robin proxy on loopback.
// Options: --duration S --requests N --readers N --commenters N --reporters N --instances N --out DIR (docs/operations.md).
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { Redis } from 'ioredis'

import { PROJECT_ROOT } from '../lib/runtime/projectRoot'
import { benchDatabase, openPostgres } from './bench/database'
import { machine, writeResults } from './bench/report'
import { BENCH_ADMIN, outboxesOf, type RunningServer, type SharedSite, startNewsroom } from './bench/servers'
import { Teardown } from './bench/teardown'
import { type RoundRobinProxy, startRoundRobinProxy } from './soak/roundRobinProxy'
import { type Answer, missingWrites, resources, runWorkload, setUpCast } from './soak/workload'

const USAGE = 'usage: npm run soak -- [--duration 60] [--requests 200000] [--readers 8] [--commenters 3] [--reporters 2] [--instances 1] [--out soak/results]'

const OPTIONS = {
  duration: { type: 'string', default: '60' },
  requests: { type: 'string', default: '200000' },
  readers: { type: 'string', default: '8' },
  commenters: { type: 'string', default: '3' },
  reporters: { type: 'string', default: '2' },
  instances: { type: 'string', default: '1' },
  out: { type: 'string', default: path.join(PROJECT_ROOT, 'soak', 'results') },
} as const

class UsageError extends Error {}

function wholeNumber(option: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${option} takes a whole number above 0, not ${value}`)
  return number
}

/** Requests, p50 and p99 per kind, and the answers other than 2xx by status (0: no answer). */
function summarise(answers: Answer[]) {
  const kinds = [...new Set(answers.map((answer) => answer.kind))].sort()
  const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10
  const byKind = kinds.map((kind) => {
    const ofKind = answers.filter((answer) => answer.kind === kind)
    const ms = ofKind.map((answer) => answer.ms).sort((a, b) => a - b)
    return { kind, requests: ofKind.length, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) }
  })
  const errorsByCode: Record<string, number> = {}
  for (const answer of answers) if (answer.status < 200 || answer.status >= 300) errorsByCode[answer.status] = (errorsByCode[answer.status] ?? 0) + 1
  return { byKind, errorsByCode }
}

async function main(): Promise<number> {
  let values: Record<keyof typeof OPTIONS, string>
  try {
    values = parseArgs({ args: process.argv.slice(2), options: OPTIONS }).values as typeof values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const settings = {
    durationSeconds: wholeNumber('duration', values.duration),
    maxRequests: wholeNumber('requests', values.requests),
    readers: wholeNumber('readers', values.readers),
    commenters: wholeNumber('commenters', values.commenters),
    reporters: wholeNumber('reporters', values.reporters),
    instances: wholeNumber('instances', values.instances),
  }
  const startedAt = new Date()
  const host = machine()
  console.log(`node ${host.node}, ${host.platform}, ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB; load average ${host.loadAverageAtStart.join(' ')}`)

  const teardown = new Teardown()
  try {
    const postgres = await openPostgres()
    teardown.add('stopping PostgreSQL', () => postgres.stop())
    const database = await benchDatabase(postgres, false)
    teardown.add(`dropping ${database.name}`, () => database.drop())
    const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-soak-media-'))
    teardown.add('removing the media folder', () => rm(mediaDir, { recursive: true, force: true }))
    let proxy: RoundRobinProxy | null = null
    let servers: RunningServer[]
    if (settings.instances === 1) {
      servers = [await startNewsroom({ databaseUrl: database.url, mediaDir, responseCache: true })]
    } else {
      proxy = await startRoundRobinProxy()
      teardown.add('stopping the proxy', () => proxy!.close())
      const site = await sharedSite(proxy.url, teardown)
      // Started together on the fresh database: they take turns at the migrations. One media and mail folder, as a shared volume.
      servers = await Promise.all(Array.from({ length: settings.instances }, () => startNewsroom({ databaseUrl: database.url, mediaDir, responseCache: true, site })))
      proxy.balance(servers.map((server) => server.url))
    }
    const stopServers = teardown.add('stopping the servers', () => Promise.all(servers.map((server) => server.stop())))
    const url = proxy?.url ?? servers[0].url
    console.log(`PostgreSQL ${postgres.description}, database ${database.name}; ${servers.map((server) => `server ${server.url} (pid ${server.pid})`).join(', ')}${proxy ? `, behind ${proxy.url}` : ''}`)
    const measure = async () => {
      const each = await Promise.all(servers.map((server) => resources(server.pid, database.url, database.name)))
      return { rssMiB: each.map((sample) => sample.rssMiB), connections: each[0].connections }
    }

    const cast = await setUpCast(url, BENCH_ADMIN, outboxesOf(mediaDir), { articles: 20, readers: settings.commenters * 4 })
    const atStart = await measure()
    const answeredBefore = proxy?.answeredBy()
    console.log(`start: server RSS ${atStart.rssMiB.join(' + ')} MiB, ${atStart.connections} database connections`)
    console.log(`soaking for ${settings.durationSeconds} s (at most ${settings.maxRequests} requests): ${settings.readers} readers, ${settings.commenters} commenters, ${settings.reporters} correction reporters, 1 editor`)
    // Sampled every 10 s as well: a level that settles is warm-up (caches, the JIT), one that keeps climbing a leak.
    const samples: { second: number; rssMiB: (number | null)[]; connections: number }[] = []
    const soakStarted = Date.now()
    const sampler = setInterval(() => {
      void measure().then((sample) => samples.push({ second: Math.round((Date.now() - soakStarted) / 1000), ...sample }))
    }, 10_000)
    const run = await runWorkload(url, cast, { until: Date.now() + settings.durationSeconds * 1000, maxRequests: settings.maxRequests }, settings)
    clearInterval(sampler)
    const atEnd = await measure()
    const requestsPerInstance = proxy && proxy.answeredBy().map((count, i) => count - answeredBefore![i])
    console.log(`every 10 s: ${samples.map((sample) => `${sample.second}s ${sample.rssMiB.join('+')} MiB/${sample.connections}`).join(', ')}`)
    console.log(`end:   server RSS ${atEnd.rssMiB.join(' + ')} MiB, ${atEnd.connections} database connections`)
    await stopServers()
    const missing = await missingWrites(database.url, run.acknowledged)

    const { byKind, errorsByCode } = summarise(run.answers)
    const serverErrors = run.answers.filter((answer) => answer.status >= 500 || answer.status === 0).length
    console.table(byKind)
    console.log(`answers other than 2xx, by status (0: no answer): ${JSON.stringify(errorsByCode)}`)
    const acknowledged = { comments: run.acknowledged.comments.length, corrections: run.acknowledged.corrections.length, articles: run.acknowledged.articles.length }
    console.log(`acknowledged writes: ${acknowledged.comments} comments, ${acknowledged.corrections} correction requests, ${acknowledged.articles} articles published`)
    if (requestsPerInstance) console.log(`requests per instance: ${requestsPerInstance.map((count, i) => `${servers[i].url} ${count}`).join(', ')}`)
    const checks = {
      noServerErrors: serverErrors === 0,
      everyAcknowledgedWriteStored: missing.length === 0,
      noDraftSeen: run.draftsSeen.length === 0,
    }
    console.log(`5xx or no answer: ${serverErrors}; acknowledged writes missing from the database: ${missing.length}; drafts seen by readers: ${run.draftsSeen.length}`)
    for (const line of [...run.failures, ...missing, ...run.draftsSeen].slice(0, 20)) console.log(`  ${line}`)
    const passed = Object.values(checks).every(Boolean)
    console.log(passed ? 'PASS' : 'FAIL')

    const results = { date: startedAt.toISOString(), machine: host, settings, postgres: postgres.description, requests: run.answers.length, requestsPerInstance, byKind, errorsByCode, acknowledged, missing, draftsSeen: run.draftsSeen, serverErrors, resources: { start: atStart, samples, end: atEnd }, checks, passed }
    const file = await writeResults(results, startedAt, path.resolve(values.out))
    console.log(`results: ${path.relative(PROJECT_ROOT, file) || file}`)
    return passed ? 0 : 1
  } finally {
    await teardown.run()
  }
}

/**
 * Redis for several instances (REDIS_URL, else the machine's at 127.0.0.1:6379), under a prefix of
 * this run's own, whose keys are deleted at the end: they share the rate limits and the cache as a
 * real deployment's do.
 */
async function sharedSite(publicUrl: string, teardown: Teardown): Promise<SharedSite> {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
  const redisPrefix = `newsroom-soak-${randomBytes(4).toString('hex')}:`
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect().catch((error: Error) => {
    throw new UsageError(`--instances above 1 needs Redis for the instances to share: none answered at ${redisUrl} (${error.message}); set REDIS_URL`)
  })
  teardown.add(`deleting the Redis keys ${redisPrefix}*`, async () => {
    const keys = await redis.keys(`${redisPrefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    redis.disconnect()
  })
  return { publicUrl, secret: randomBytes(32).toString('hex'), redisUrl, redisPrefix }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error)
    process.exit(error instanceof UsageError ? 2 : 1)
  },
)
