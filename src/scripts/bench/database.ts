/**
 * Where the benchmark's database lives: on the PostgreSQL server at DATABASE_URL when given, else on
 * an embedded one kept under .data/bench-postgres (so a `--reuse`d corpus survives between runs).
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { setTimeout } from 'node:timers/promises'

import pg from 'pg'

import { PROJECT_ROOT } from '../../lib/runtime/projectRoot'
import { SEGMENTATION } from '../../lib/search'
import { startEmbeddedPostgres } from '../../server/embeddedPostgres'

/** The database `--reuse` keeps between runs. */
const REUSED_DATABASE = 'newsroom_bench_corpus'

export type PostgresServer = {
  /** A URL on this server with the given database name. */
  urlFor: (database: string) => string
  /** e.g. "17.5 (embedded)". */
  description: string
  stop: () => Promise<void>
}

export type CorpusSize = { articles: number; comments: number }

export type BenchDatabase = {
  url: string
  name: string
  /** What a reused database already holds (nothing for a fresh one). */
  holds: CorpusSize
  drop: () => Promise<void>
}

/**
 * The embedded server set up as a database server on this machine would be, rather than with
 * PostgreSQL's defaults for a small shared host: a quarter of the memory for its buffers (a million
 * articles are about 20 GB, their hot part must stay in memory), and room for a bulk seed's
 * write-ahead log between checkpoints.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=4GB', 'effective_cache_size=16GB', 'max_wal_size=16GB', 'checkpoint_timeout=30min']

export async function openPostgres(): Promise<PostgresServer> {
  const given = process.env.DATABASE_URL
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'), 'bench-postgres')
  const embedded = given ? null : await startEmbeddedPostgres(dataDir, (message) => console.warn(message), { settings: EMBEDDED_SETTINGS })
  const base = given ?? embedded!.url
  const urlFor = (database: string) => {
    const url = new URL(base)
    url.pathname = `/${database}`
    return url.toString()
  }
  const version = await query(urlFor('postgres'), 'show server_version').then(
    (rows) => String(rows[0].server_version),
    async (error: unknown) => {
      await embedded?.stop()
      throw error
    },
  )
  return {
    urlFor,
    description: `${version} (${embedded ? 'embedded' : 'DATABASE_URL'})`,
    stop: async () => embedded?.stop(),
  }
}

/**
 * A fresh, uniquely named database, or with `reuse` the kept corpus database (created when
 * missing): the caller seeds it unless it already holds the corpus asked for.
 */
export async function benchDatabase(server: PostgresServer, reuse: boolean): Promise<BenchDatabase> {
  const name = reuse ? REUSED_DATABASE : `newsroom_bench_${randomBytes(4).toString('hex')}`
  const admin = server.urlFor('postgres')
  const exists = (await query(admin, 'select 1 from pg_database where datname = $1', [name])).length > 0
  if (!exists) await query(admin, `create database "${name}"`)
  const url = server.urlFor(name)
  return {
    url,
    name,
    holds: exists ? await corpusSize(url) : { articles: 0, comments: 0 },
    drop: () => dropDatabase(server, name),
  }
}

/** Empties the reused database for a new corpus (a different `--articles`, or a half-seeded one). */
export async function recreateDatabase(server: PostgresServer, database: BenchDatabase): Promise<void> {
  await dropDatabase(server, database.name)
  await query(server.urlFor('postgres'), `create database "${database.name}"`)
}

async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  await query(server.urlFor('postgres'), `drop database if exists "${name}" with (force)`)
}

/**
 * Planner statistics and a vacuumed heap, as autovacuum keeps a live database: straight after a bulk
 * seed PostgreSQL still believes the tables nearly empty and plans accordingly. A corpus kept from an
 * earlier release may be cut for search an earlier way, which the server re-indexes in the background
 * once started: the measurements wait for that, or they would measure it too.
 */
export async function settleDatabase(url: string): Promise<void> {
  for (;;) {
    const [{ outdated }] = await query(url, 'select count(*)::int as outdated from article_search where segmentation < $1', [SEGMENTATION])
    if (outdated === 0) break
    console.error(`waiting for the server to re-index ${outdated} articles for search…`)
    await setTimeout(2_000)
  }
  await query(url, 'vacuum analyze')
}

/** Published articles and approved comments; a database never migrated holds neither. */
async function corpusSize(url: string): Promise<CorpusSize> {
  const sql = `select (select count(*) from articles where _status = 'published')::int as articles,
    (select count(*) from comments where status = 'approved')::int as comments`
  const [row] = await query(url, sql).catch(() => [{ articles: 0, comments: 0 }])
  return { articles: Number(row.articles), comments: Number(row.comments) }
}

export async function query(url: string, text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}
