/**
 * States no access rule: each statement it runs states its own (see the header of its caller's module).
 */
import { createHash } from 'node:crypto'

import type { PostgresAdapter, sql } from '@payloadcms/db-postgres'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

const dialect = new PgDialect()

/** Connections told to plan a prepared statement once, for whatever values it is given. */
const planningOnce = new WeakSet<object>()

/**
 * Rows of a read-only statement that the public reads on every request (the article page, search),
 * outside any transaction, on the primary (as drizzle's `execute` is with read replicas).
 *
 * Sent as a named prepared statement, named after its text, and planned once per connection (a
 * generic plan): PostgreSQL otherwise plans it again for each request's values, which was a quarter
 * of a search's time there. Each statement is written so that the one plan suits every value (a
 * page's rows are looked up one by one, however many the planner expects). The setting is the
 * connection's, so it reaches only named statements: Payload's own queries are unnamed and planned
 * each time, as before.
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
    // Both are queued at once, so the connection is never out of the pool with no query running on
    // it: an error there would be the connection's (and unhandled), not the read's.
    const settingUp = planningOnce.has(client) ? undefined : client.query('set plan_cache_mode = force_generic_plan')
    const [, { rows }] = await Promise.all([settingUp, client.query({ name, text, values: params })])
    planningOnce.add(client)
    client.release()
    return rows
  } catch (error) {
    // As the pool's own query does: a client that failed is not reused.
    client.release(error as Error)
    throw error
  }
}
