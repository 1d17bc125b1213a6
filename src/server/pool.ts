import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The node-postgres pool behind Payload's Postgres adapter (not part of Payload's typed API). */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}
