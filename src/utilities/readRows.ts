import { createHash } from 'node:crypto'

import type { PostgresAdapter, sql } from '@payloadcms/db-postgres'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

const dialect = new PgDialect()

/**
 * Rows of a read-only statement that the public reads on every request (the article page, search),
 * outside any transaction, on the primary (as drizzle's `execute` is with read replicas).
 *
 * Sent as a named prepared statement, named after its text: each connection parses and plans it
 * once, not on every request (Payload's own queries are unnamed, planned each time; for these
 * statements the plan cost as much as running them). Each distinct text stays prepared on every
 * connection, so only for statements of a few texts, with the values as parameters. A connection
 * pooler in front of PostgreSQL must keep prepared statements per client for this (PgBouncer 1.21
 * and later, max_prepared_statements).
 */
export async function readRows(payload: Payload, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const { sql: text, params } = dialect.sqlToQuery(query)
  const name = `newsroom_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`
  const { rows } = await (payload.db as unknown as PostgresAdapter).pool.query({ name, text, values: params })
  return rows
}
