/**
 * States no access rule: each statement it runs states its own (see the header of its caller's module).
 */
import { createHash } from 'node:crypto'

import type { PostgresAdapter, sql } from '@payloadcms/db-postgres'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'
import pg from 'pg'

const dialect = new PgDialect()

/**
 * Generic plans (see `readRows`); and no incremental sort: with it, a plan made for no particular
 * value could take an index that gives only the first column of a statement's order for one that
 * gives all of it, and then walk far more of it than the values turn out to need. A channel's list
 * walked the index of every article's publication time, filtering for the channel, rather than the
 * channel's own index in the list's whole order (migration 20261207_200000): seven seconds instead
 * of two milliseconds for a section with no article of its own.
 */
const READ_SETTINGS = '-c plan_cache_mode=force_generic_plan -c enable_incremental_sort=off'

/** The public reads' own pools, one for each Payload (the tests and scripts may start several). */
const readPools = new WeakMap<Payload, pg.Pool>()

/**
 * The pool the public reads run on: connections like Payload's own (its pool's settings, the
 * primary's address and size), each asking PostgreSQL for its `READ_SETTINGS` once, when it opens. Asked
 * for each statement on Payload's connections, the setting took two more round trips per read (set
 * it, and reset it before the connection went back to Payload, whose own statements it would
 * otherwise plan for no particular value: the admin's list at a million articles took most of a
 * second instead of a millisecond), and each round trip is a write to the socket, which here cost
 * Node a third of an uncached page's time.
 */
function readPoolOf(payload: Payload): pg.Pool {
  let pool = readPools.get(payload)
  if (!pool) {
    const options = (payload.db as unknown as PostgresAdapter).poolOptions as pg.PoolConfig
    pool = new pg.Pool({ ...withReadSettings(options), allowExitOnIdle: true })
    // A connection the database drops while idle (a restart, a failover) is the pool's to replace, not a crash.
    pool.on('error', (error) => payload.logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'PostgreSQL closed a connection of the public reads'))
    pool.on('connect', (client) => client.on('error', () => undefined))
    readPools.set(payload, pool)
  }
  return pool
}

/**
 * The pool's settings with `READ_SETTINGS` added to any `options` the operator gave, in the pool's
 * settings or in DATABASE_URL's query string: pg reads the URL after the settings, so an `options`
 * there would otherwise replace ours. A URL that `URL` cannot read (pg takes a few more forms) keeps
 * pg's own rule.
 */
function withReadSettings(options: pg.PoolConfig): pg.PoolConfig {
  const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ')
  const url = options.connectionString && URL.canParse(options.connectionString) ? new URL(options.connectionString) : null
  if (!url) return { ...options, options: joined(options.options, READ_SETTINGS) }
  url.searchParams.set('options', joined(options.options, url.searchParams.get('options'), READ_SETTINGS))
  return { ...options, connectionString: url.toString() }
}

/** Closes the public reads' pool, when one was opened (src/server/pool.ts closePayload). */
export async function closeReadPool(payload: Payload): Promise<void> {
  const pool = readPools.get(payload)
  readPools.delete(payload)
  await pool?.end()
}

/**
 * Rows of a read-only statement that the public reads on every request (the article page, search,
 * a channel's list), outside any transaction, on the primary (as drizzle's `execute` is with read
 * replicas), on connections of their own (`readPoolOf`).
 *
 * Sent as a named prepared statement, named after its text, and planned once per connection (a
 * generic plan): PostgreSQL otherwise plans it again for each request's values, which was a quarter
 * of a search's time there. Each statement is written so that the one plan suits every value (a
 * page's rows are looked up one by one, however many the planner expects).
 *
 * Each distinct text stays prepared on every connection, so only for statements of a few texts, with
 * the values as parameters. A connection pooler in front of PostgreSQL must keep prepared statements
 * per client for this (PgBouncer 1.21 and later, max_prepared_statements).
 */
export async function readRows(payload: Payload, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const { sql: text, params } = dialect.sqlToQuery(query)
  const name = `newsroom_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`
  const { rows } = await readPoolOf(payload).query({ name, text, values: params })
  return rows
}
