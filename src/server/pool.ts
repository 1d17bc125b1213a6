import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { closeReadPool } from '../db/readRows'

/** The node-postgres pool behind Payload's Postgres adapter (not part of Payload's typed API). */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}

/**
 * A connection the database drops (restart, failover, the embedded database stopping) must not crash
 * the process: the pool opens a new one on next use. An idle one is the pool's to report; one checked
 * out between two queries (a transaction waiting on the server's work) reports on its own client, and
 * with no listener there Node would end the process. Its next query fails, and the pool discards it.
 */
export function tolerateDroppedConnections(payload: Payload, log: (error: unknown) => void): void {
  const pool = poolOf(payload)
  pool.on('error', log)
  pool.on('connect', (client) => client.on('error', log))
}

/**
 * Payload's destroy stops the crons but leaves the pool open, and the adapter holds one client for
 * good, so `pool.end()` alone would wait for ever: bound the wait.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  await Promise.race([Promise.all([poolOf(payload).end().catch(() => {}), closeReadPool(payload).catch(() => {})]), new Promise((resolve) => setTimeout(resolve, 2_000))])
}

/** An arbitrary constant naming the start-up lock among PostgreSQL's advisory locks. */
const STARTUP_LOCK_KEY = 7_305_011

/**
 * Runs start-up work (migrations, the first admin) while holding a PostgreSQL advisory lock, so
 * instances started together on one database take turns instead of racing to create the same
 * tables or the same first user.
 */
export async function exclusivelyAtStartup(payload: Payload, work: () => Promise<void>): Promise<void> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY])
    await work()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}

type TransactionRunner = (work: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>
type TransactionalAdapter = {
  drizzle: { transaction: TransactionRunner }
  sessions: Record<string, { db: object } | undefined>
  commitTransaction: (id: string | number | Promise<string | number>) => Promise<void>
}

/**
 * Payload's Postgres adapter ignores a failed COMMIT (the connection dropped at that moment, the
 * server shutting down): the request would be answered 201 for a write PostgreSQL rolled back. The
 * transaction's outcome is noted here, and a commit that failed fails the request (a 503, as any
 * other lost connection), so nothing acknowledged is missing.
 */
export function failWritesWhoseCommitFails(payload: Payload): void {
  const db = payload.db as unknown as TransactionalAdapter
  const failedCommits = new WeakMap<object, unknown>()
  const run = db.drizzle.transaction.bind(db.drizzle)
  db.drizzle.transaction = (work, config) => {
    let transaction: object | undefined
    const outcome = run((tx) => ((transaction = tx), work(tx)), config)
    outcome.catch((error: unknown) => transaction && failedCommits.set(transaction, error))
    return outcome
  }
  const commit = db.commitTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const session = db.sessions[String(await id)]
    await commit(id)
    if (session && failedCommits.has(session.db)) throw failedCommits.get(session.db)
  }
}
