/**
 * States no access rule: each statement it runs states its own (see the header of its caller's module).
 */
import { createHash } from 'node:crypto'

import type { PostgresAdapter, sql } from '@payloadcms/db-postgres'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

const dialect = new PgDialect()

/**
 * Rows of a read-only statement that the public reads on every request (the article page, search),
 * outside any transaction, on the primary (as drizzle's `execute` is with read replicas).
 *
 * Sent as a named prepared statement, named after its text, and planned once per connection (a
 * generic plan): PostgreSQL otherwise plans it again for each request's values, which was a quarter
 * of a search's time there. Each statement is written so that the one plan suits every value (a
 * page's rows are looked up one by one, however many the planner expects). The setting that asks for
 * the generic plan holds for this statement alone, and is reset before the connection goes back to
 * the pool: PostgreSQL applies it to every statement a connection plans, Payload's own unnamed ones
 * included, and left on, it had the admin's article list at a million articles planned for no
 * particular `limit` (most of a second instead of a millisecond).
 *
 * Each distinct text stays prepared on every connection, so only for statements of a few texts, with
 * the values as parameters. A connection pooler in front of PostgreSQL must keep prepared statements
 * per client for this (PgBouncer 1.21 and later, max_prepared_statements).
 */
export async function readRows(payload: Payload, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const { sql: text, params } = dialect.sqlToQuery(query)
  const name = `newsroom_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`
  const client = await (payload.db as unknown as PostgresAdapter).pool.connect()
  try {
    // Queued at once, so the connection is never out of the pool with no query running on it: an
    // error there would be the connection's (and unhandled), not the read's.
    const [, { rows }] = await Promise.all([
      client.query('set plan_cache_mode = force_generic_plan'),
      client.query({ name, text, values: params }),
      client.query('reset plan_cache_mode'),
    ])
    client.release()
    return rows
  } catch (error) {
    // As the pool's own query does: a client that failed is not reused.
    client.release(error as Error)
    throw error
  }
}
