import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The node-postgres pool behind Payload's Postgres adapter (not part of Payload's typed API). */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}

/**
 * A connection the database drops while idle (restart, failover, the embedded database stopping)
 * must not crash the process: the pool opens a new one on next use.
 */
export function tolerateDroppedConnections(payload: Payload, log: (error: unknown) => void): void {
  poolOf(payload).on('error', log)
}

/**
 * Payload's destroy stops the crons but leaves the pool open, and the adapter holds one client for
 * good, so `pool.end()` alone would wait for ever: bound the wait.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  await Promise.race([poolOf(payload).end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000))])
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
