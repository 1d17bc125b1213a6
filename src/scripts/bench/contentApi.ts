/**
 * The content-API benchmark: a seeded corpus on PostgreSQL, the newsroom in production mode, and
 * autocannon against the requests a front end makes, next to two baselines (a plain Express server
 * sending the same bytes, and Payload's default REST find).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { seededRandom } from '../../lib/seededRandom'
import { TOPICS } from './corpus'
import { benchDatabase, type BenchDatabase, openPostgres, type PostgresServer, query, recreateDatabase, settleDatabase } from './database'
import { measure, type LoadResult, type LoadSettings, type LoadTarget, steadyLoad } from './load'
import { ADMIN_LIST_PATH, ARTICLE_PAGE_GRAPHQL, articlePagePath, channelListAfterPath, channelListPath, channelPagePath, defaultFindPath, KEYSET_PAGE, searchPath } from './queries'
import { corpusSizeFor, openSeeder, seedKey, type Seeder, type SeedReport } from './seed'
import { BENCH_ADMIN, type RunningServer, startNewsroom, startPlainServer } from './servers'
import type { CapturedResponse } from './plainServer'
import { Teardown } from './teardown'
import { residentMiB } from './cpu'

export const API_BENCHMARKS = ['plain', 'page-cached', 'page-uncached', 'default-find', 'category-list', 'category-deep', 'channel-deep', 'admin-list', 'search', 'graphql', 'views', 'page-during-views'] as const
export type ApiBenchmarkName = (typeof API_BENCHMARKS)[number]

export type ApiOptions = { articles: number; durationSeconds: number; connections: number; reuse: boolean; keep: boolean }

/**
 * `cache`: what the newsroom's response-cache header said of a request made after the run (hit, miss,
 * bypass), or null when it sent none (the plain baseline, or a build without the cache).
 */
export type Measurement = { name: ApiBenchmarkName; description: string; request: string } & (
  | { result: LoadResult; cache: string | null; alongside?: Awaited<ReturnType<typeof steadyLoad>> }
  | { failed: string }
)

/**
 * One size of the growing corpus, measured: how it was seeded (this stage's articles only), the
 * database's size, and each server's resident memory once its requests were done.
 */
export type StageReport = {
  articles: number
  comments: number
  seeding: SeedReport | { reused: true }
  databaseBytes: number
  serverMemoryMiB: { cached: number | null; uncached: number | null }
  measurements: Measurement[]
}

export type ApiReport = {
  postgres: string
  database: { name: string; kept: boolean }
  /** Smallest first; the last is the corpus asked for. */
  stages: StageReport[]
}

/** The sizes a growing benchmark measures on its way to `--articles`. */
const GROWTH_STAGES = [10_000, 100_000, 1_000_000]
export const stagesFor = (articles: number): number[] => [...GROWTH_STAGES.filter((size) => size < articles), articles]

const WARM_UP_SECONDS = 2

/** What every measurement needs to know about the seeded corpus. */
type Corpus = { ids: number[]; slugs: string[]; pageSlug: string; sectionSlug: string; deepPageAfter: { id: number; publishedAt: string } }

/** The deep page measured: the 2,000th of the section's list at 20 a page, or its middle when it has fewer. */
const DEEP_PAGE = 2_000

type Scenario = {
  name: ApiBenchmarkName
  description: string
  /** With the response cache, or without (every request reaches PostgreSQL), or the baseline. */
  server: 'cached' | 'uncached' | 'plain'
  target: (baseUrl: string, corpus: Corpus) => LoadTarget | Promise<LoadTarget>
  /** A shown example of the request. */
  request: (corpus: Corpus) => string
  /** Checked on one response before the run: a target that answers wrongly is not measured. */
  check: (status: number, body: string) => string | null
  /** Another request sent at a steady rate throughout the run (its warm-up included). */
  alongside?: { perSecond: number; target: (baseUrl: string, corpus: Corpus) => LoadTarget }
}

export async function benchmarkContentApi(options: ApiOptions, wanted: ApiBenchmarkName[]): Promise<ApiReport> {
  const teardown = new Teardown()
  try {
    const postgres = await openPostgres()
    teardown.add('stopping the embedded PostgreSQL', postgres.stop)
    const database = await benchDatabase(postgres, options.reuse)
    if (!options.reuse && !options.keep) teardown.add(`dropping ${database.name}`, database.drop)
    const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-media-'))
    teardown.add('removing the media folder', () => rm(mediaDir, { recursive: true, force: true }))

    const seedFrom = await corpusToSeed(postgres, database, options)
    const reused = seedFrom === 'whole'
    // Started first: it applies the migrations the seed then writes through.
    let cached: RunningServer | null = await startNewsroomFor(teardown, { databaseUrl: database.url, mediaDir, responseCache: true })
    const settings: LoadSettings = { connections: options.connections, durationSeconds: options.durationSeconds, warmUpSeconds: WARM_UP_SECONDS }
    const stages: StageReport[] = []
    // A fresh corpus grows through the stages, measured at each; a reused one is measured at its size
    // only, and so is one cut short, which goes on with its last stage.
    let seeded = typeof seedFrom === 'number' ? seedFrom : 0
    let seeder: Seeder | null = null
    for (const size of seedFrom === 'empty' ? stagesFor(options.articles) : [options.articles]) {
      if (!reused && !seeder) {
        const opened: Seeder = await openSeeder({ databaseUrl: database.url, mediaDir })
        teardown.add('closing the seeding connections', opened.close)
        seeder = opened
      }
      const seeding = seeder ? await seeder.seed({ from: seeded, to: size, total: options.articles }) : { reused: true as const }
      seeded = size
      await settleDatabase(database.url)
      const corpus = await loadCorpus(database.url)
      process.stderr.write(`measuring at ${size.toLocaleString('en')} articles…\n`)
      const memory: StageReport['serverMemoryMiB'] = { cached: null, uncached: null }
      const measurements = await measureScenarios(SCENARIOS.filter((scenario) => wanted.includes(scenario.name)), corpus, settings, {
        cached: cached ?? (await startNewsroomFor(teardown, { databaseUrl: database.url, mediaDir, responseCache: true })),
        startUncached: () => startNewsroomFor(teardown, { databaseUrl: database.url, mediaDir, responseCache: false }),
        memory,
      })
      cached = null
      const [footprint] = await query(database.url, 'select pg_database_size(current_database())::bigint as bytes, (select count(*) from comments)::int as comments')
      stages.push({ articles: size, comments: Number(footprint.comments), seeding, databaseBytes: Number(footprint.bytes), serverMemoryMiB: memory, measurements })
    }
    const kept = options.reuse || options.keep
    if (kept) console.error(`kept the database ${database.name}: ${redactPassword(database.url)}`)
    return { postgres: postgres.description, database: { name: database.name, kept }, stages }
  } finally {
    await teardown.run()
  }
}

async function startNewsroomFor(teardown: Teardown, options: Parameters<typeof startNewsroom>[0]): Promise<RunningServer> {
  const server = await startNewsroom(options)
  const stop = teardown.add(`stopping the newsroom (${options.responseCache ? 'cached' : 'uncached'})`, server.stop)
  return { ...server, stop }
}

/**
 * With --reuse, a database holding exactly the corpus asked for is measured as it is (`whole`); one
 * whose seed of it was cut short in its last stage (the bulk import's checkpoint says where) goes on
 * from that stage's start, the import skipping what it had written (the stage's first article, a
 * number); one holding anything else (another size) is emptied and seeded again (`empty`).
 */
async function corpusToSeed(postgres: PostgresServer, database: BenchDatabase, options: ApiOptions): Promise<'whole' | 'empty' | number> {
  if (!options.reuse) return 'empty'
  const wanted = corpusSizeFor(options.articles)
  if (database.holds.articles === wanted.articles && database.holds.comments === wanted.comments) {
    console.error(`reusing ${database.name}: ${wanted.articles.toLocaleString('en')} articles, ${wanted.comments.toLocaleString('en')} comments`)
    return 'whole'
  }
  const lastStageFrom = stagesFor(options.articles).at(-2) ?? 0
  if (database.holds.articles > lastStageFrom && (await query(database.url, 'select 1 from payload_kv where key = $1', [seedKey({ from: lastStageFrom, to: options.articles, total: options.articles })])).length > 0) {
    console.error(`${database.name} holds ${database.holds.articles.toLocaleString('en')} articles of a seed cut short: going on with it`)
    return lastStageFrom
  }
  if (database.holds.articles > 0) console.error(`${database.name} holds another corpus (${database.holds.articles} articles): seeding it again`)
  await recreateDatabase(postgres, database)
  return 'empty'
}

/**
 * Every published slug (the uncached runs pick among them), the most-commented article (the page
 * measured with the cache: the heaviest, with the most 精彩评论) and the first top-level channel.
 */
async function loadCorpus(databaseUrl: string): Promise<Corpus> {
  const published = await query(databaseUrl, `select id, slug from articles where _status = 'published' order by id`)
  const slugs = published.map((row) => String(row.slug))
  const [page] = await query(databaseUrl, `select slug from articles where _status = 'published' order by approved_comment_count desc, id limit 1`)
  const [section] = await query(databaseUrl, `select slug from categories where parent_id is null order by id limit 1`)
  const inSection = `from articles a join categories_breadcrumbs b on b._parent_id = a.category_id where b.slug = $1 and a._status = 'published'`
  const [{ size }] = await query(databaseUrl, `select count(*)::int as size ${inSection}`, [section.slug])
  const depth = Math.min((DEEP_PAGE - 1) * 20 - 1, Math.floor(Number(size) / 2))
  const [deep] = await query(databaseUrl, `select a.id, a.published_at ${inSection} order by a.published_at desc, a.id desc offset $2 limit 1`, [section.slug, depth])
  const deepPageAfter = { id: Number(deep.id), publishedAt: (deep.published_at as Date).toISOString() }
  return { ids: published.map((row) => Number(row.id)), slugs, pageSlug: String(page.slug), sectionSlug: String(section.slug), deepPageAfter }
}

/**
 * One server at a time, so none takes CPU from another: the plain baseline, the cached newsroom's
 * scenarios, then the uncached newsroom's.
 */
async function measureScenarios(
  scenarios: Scenario[],
  corpus: Corpus,
  settings: LoadSettings,
  servers: { cached: RunningServer; startUncached: () => Promise<RunningServer>; memory: StageReport['serverMemoryMiB'] },
): Promise<Measurement[]> {
  const measurements: Measurement[] = []
  const needs = (kind: Scenario['server']) => scenarios.some((scenario) => scenario.server === kind)
  const runOn = async (server: RunningServer, kind: Scenario['server']) => {
    for (const scenario of scenarios.filter((candidate) => candidate.server === kind)) {
      measurements.push(await runScenario(scenario, server, corpus, settings))
    }
  }
  if (needs('plain')) {
    const plain = await startPlainServer(await captureResponse(`${servers.cached.url}${articlePagePath(corpus.pageSlug)}`))
    await runOn(plain, 'plain').finally(plain.stop)
  }
  await runOn(servers.cached, 'cached')
  servers.memory.cached = await residentMiB(servers.cached.pid)
  await servers.cached.stop()
  if (needs('uncached')) {
    const uncached = await servers.startUncached()
    await runOn(uncached, 'uncached')
    servers.memory.uncached = await residentMiB(uncached.pid)
    await uncached.stop()
  }
  return sortLike(measurements, API_BENCHMARKS)
}

/** The response as the newsroom sent it, minus what belongs to one connection or moment. */
async function captureResponse(url: string): Promise<CapturedResponse> {
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`the article page answered ${response.status}: ${await response.text()}`)
  const perConnection = new Set(['connection', 'keep-alive', 'date', 'content-length', 'transfer-encoding'])
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (!perConnection.has(name)) headers[name] = value
  })
  return { status: response.status, headers, bodyBase64: Buffer.from(await response.arrayBuffer()).toString('base64') }
}

async function runScenario(scenario: Scenario, server: RunningServer, corpus: Corpus, settings: LoadSettings): Promise<Measurement> {
  const base = { name: scenario.name, description: scenario.description, request: scenario.request(corpus) }
  const target = await scenario.target(server.url, corpus)
  process.stderr.write(`measuring ${scenario.name} (${settings.durationSeconds} s, ${settings.connections} connections)…\n`)
  const before = await requestOnce(target)
  const problem = 'error' in before ? before.error : scenario.check(before.status, before.body)
  if (problem) return { ...base, failed: problem }
  const alongside = scenario.alongside && steadyLoad(scenario.alongside.target(server.url, corpus), scenario.alongside.perSecond, settings.warmUpSeconds + settings.durationSeconds)
  const result = await measure(target, settings, server.pid)
  const after = await requestOnce(target)
  return { ...base, result, cache: scenario.server === 'plain' || 'error' in after ? null : after.cache, ...(alongside && { alongside: await alongside }) }
}

const CACHE_STATUS_HEADER = 'x-newsroom-cache'

async function requestOnce(target: LoadTarget): Promise<{ status: number; body: string; cache: string | null } | { error: string }> {
  const url = target.nextPath ? new URL(target.nextPath(), target.url).toString() : target.url
  try {
    const response = await fetch(url, { method: target.method ?? 'GET', headers: target.headers, body: target.body })
    return { status: response.status, body: await response.text(), cache: response.headers.get(CACHE_STATUS_HEADER) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** A random pick for every request, from a seeded generator: each run asks for the same sequence. */
function randomPick<T>(items: readonly T[], seed: number): () => T {
  const random = seededRandom(seed)
  return () => items[Math.floor(random() * items.length)]
}

/** `any` where a small `--articles` corpus rightly has fewer: a channel's list, a search for a word. */
function expectDocs(count: number | 'any'): Scenario['check'] {
  return (status, body) => {
    if (status !== 200) return `answered ${status}: ${body.slice(0, 300)}`
    const docs = (JSON.parse(body) as { docs?: unknown[] }).docs
    if (!Array.isArray(docs)) return `no docs in ${body.slice(0, 300)}`
    if (count !== 'any' && docs.length !== count) return `expected ${count} docs, got ${docs.length}`
    return null
  }
}

/** The article page endpoint answers with the page itself. */
const expectArticlePage: Scenario['check'] = (status, body) => {
  if (status !== 200) return `answered ${status}: ${body.slice(0, 300)}`
  const page = JSON.parse(body) as { id?: unknown; title?: unknown }
  return typeof page.id === 'number' && typeof page.title === 'string' ? null : `not an article page: ${body.slice(0, 300)}`
}

const graphQLIsGood = (body: string) => !body.includes('"errors"')

function viewOfRandomArticle(baseUrl: string, corpus: Corpus): LoadTarget {
  const id = randomPick(corpus.ids, 3)
  return { url: baseUrl, method: 'POST', nextPath: () => `/api/articles/${id()}/view` }
}
const VIEW_REQUEST = 'POST /api/articles/<random id>/view'
const expectViewCounted: Scenario['check'] = (status, body) => (status === 202 ? null : `answered ${status}: ${body.slice(0, 300)}`)

/** A busy portal's pace: a beacon for each of 1,000 pages read a second. */
const VIEWS_ALONGSIDE_PER_SECOND = 1_000

const SCENARIOS: Scenario[] = [
  {
    name: 'plain',
    description: "plain Express: the article page's bytes from memory (baseline)",
    server: 'plain',
    target: (baseUrl, corpus) => ({ url: `${baseUrl}${articlePagePath(corpus.pageSlug)}` }),
    request: (corpus) => articlePagePath(corpus.pageSlug),
    check: expectArticlePage,
  },
  {
    name: 'page-cached',
    description: 'article page by slug, one request, response cache on (one slug)',
    server: 'cached',
    target: (baseUrl, corpus) => ({ url: `${baseUrl}${articlePagePath(corpus.pageSlug)}` }),
    request: (corpus) => articlePagePath(corpus.pageSlug),
    check: expectArticlePage,
  },
  {
    name: 'page-uncached',
    description: 'article page by slug, cache off, a random slug each request',
    server: 'uncached',
    target: (baseUrl, corpus) => {
      const slug = randomPick(corpus.slugs, 1)
      return { url: baseUrl, nextPath: () => articlePagePath(slug()) }
    },
    request: () => articlePagePath('<random>'),
    check: expectArticlePage,
  },
  {
    name: 'default-find',
    description: "Payload's default REST find by slug (depth 2, all fields), cache off, random slug (baseline)",
    server: 'uncached',
    target: (baseUrl, corpus) => {
      const slug = randomPick(corpus.slugs, 1)
      return { url: baseUrl, nextPath: () => defaultFindPath(slug()) }
    },
    request: () => defaultFindPath('<random>'),
    check: expectDocs(1),
  },
  {
    name: 'category-list',
    description: 'channel list: 20 newest of a section and its sub-channels, list fields, cache on',
    server: 'cached',
    target: (baseUrl, corpus) => ({ url: `${baseUrl}${channelListPath(corpus.sectionSlug)}` }),
    request: (corpus) => channelListPath(corpus.sectionSlug),
    check: expectDocs('any'),
  },
  {
    name: 'category-deep',
    description: `the same channel list ${DEEP_PAGE.toLocaleString('en')} pages deep (or half-way), by keyset, cache off`,
    server: 'uncached',
    target: (baseUrl, corpus) => ({ url: `${baseUrl}${channelListAfterPath(corpus.sectionSlug, corpus.deepPageAfter)}` }),
    request: (corpus) => channelListAfterPath(corpus.sectionSlug, corpus.deepPageAfter),
    check: expectDocs(KEYSET_PAGE + 1),
  },
  {
    name: 'channel-deep',
    description: `the same deep page through the channel list endpoint (GET /api/articles/channel/:slug?after=…), cache off`,
    server: 'uncached',
    target: (baseUrl, corpus) => ({ url: `${baseUrl}${channelPagePath(corpus.sectionSlug, corpus.deepPageAfter)}` }),
    request: (corpus) => channelPagePath(corpus.sectionSlug, corpus.deepPageAfter),
    check: expectDocs(KEYSET_PAGE),
  },
  {
    name: 'admin-list',
    description: "the admin's article list, first page: latest versions, drafts included, last changed first, 10 (logged in as an admin), cache off",
    server: 'uncached',
    target: async (baseUrl) => ({ url: `${baseUrl}${ADMIN_LIST_PATH}`, headers: { authorization: `JWT ${await logIn(baseUrl)}` } }),
    request: () => ADMIN_LIST_PATH,
    check: expectDocs(10),
  },
  {
    name: 'search',
    description: 'search: a random word of the vocabulary each request, cache off',
    server: 'uncached',
    target: (baseUrl) => {
      const word = randomPick(TOPICS, 2)
      return { url: baseUrl, nextPath: () => searchPath(word()) }
    },
    request: () => '/api/search?q=<random word>',
    check: expectDocs('any'),
  },
  {
    name: 'graphql',
    description: 'article page through GraphQL (POST /api/graphql), cache on (one slug)',
    server: 'cached',
    target: (baseUrl, corpus) => ({
      url: `${baseUrl}/api/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ARTICLE_PAGE_GRAPHQL, variables: { slug: corpus.pageSlug } }),
      bodyIsGood: graphQLIsGood,
    }),
    request: () => 'POST /api/graphql { Articles(where: { slug: … }) { docs { …the page\'s fields… } } }',
    check: (status, body) => {
      if (status !== 200 || !graphQLIsGood(body)) return `answered ${status}: ${body.slice(0, 300)}`
      const docs = (JSON.parse(body) as { data?: { Articles?: { docs?: unknown[] } } }).data?.Articles?.docs
      return docs?.length === 1 ? null : `expected 1 article, got ${body.slice(0, 300)}`
    },
  },
  {
    name: 'views',
    description: "a view of a random article (POST /api/articles/:id/view), as the portal's beacon sends it",
    server: 'cached',
    target: viewOfRandomArticle,
    request: () => VIEW_REQUEST,
    check: expectViewCounted,
  },
  {
    name: 'page-during-views',
    description: `page-uncached while ${VIEWS_ALONGSIDE_PER_SECOND.toLocaleString('en')} views a second arrive (views: their written batches must not slow the reads)`,
    server: 'uncached',
    target: (baseUrl, corpus) => {
      const slug = randomPick(corpus.slugs, 1)
      return { url: baseUrl, nextPath: () => articlePagePath(slug()) }
    },
    request: () => `${articlePagePath('<random>')} beside ${VIEW_REQUEST}`,
    check: expectArticlePage,
    alongside: { perSecond: VIEWS_ALONGSIDE_PER_SECOND, target: viewOfRandomArticle },
  },
]

async function logIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) })
  if (response.status !== 200) throw new Error(`logging in as ${BENCH_ADMIN.email} answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

function sortLike<T extends { name: string }>(items: T[], order: readonly string[]): T[] {
  return [...items].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
}

function redactPassword(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
