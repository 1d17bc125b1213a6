/**
 * States no access rule: it picks the connection a statement runs on; each caller states its own.
 */
import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export type SqlQuery = ReturnType<typeof sql>
export type Executor = { execute: (query: SqlQuery) => Promise<{ rows: Record<string, unknown>[] }> }
type Adapter = { drizzle: Executor; sessions?: Record<string, { db: Executor }> }

/**
 * The request's transaction when there is one, so a statement commits (or rolls back) with the
 * request's writes, and a request holding a connection for its transaction never waits on the pool
 * for a second one; else any connection of the pool.
 */
export async function executorFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Executor> {
  const adapter = payload.db as unknown as Adapter
  const transactionID = req?.transactionID ? await req.transactionID : null
  return (transactionID && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
}
