import type { Request, Response } from 'express'
import type { Payload } from 'payload'

type Pool = { query: (sql: string) => Promise<{ rows: { name: string }[] }> }

/**
 * Ready means the database answers and every migration this build ships has been applied, so a
 * load balancer never sends traffic to an instance whose schema is behind its code.
 */
export function readinessCheck(payload: Payload, expectedMigrations: readonly string[]) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('cache-control', 'no-store')
    try {
      const pool = (payload.db as unknown as { pool: Pool }).pool
      const { rows } = await withTimeout(pool.query('select name from payload_migrations'), 3_000)
      const applied = new Set(rows.map((row) => row.name))
      const pending = expectedMigrations.filter((name) => !applied.has(name))
      if (pending.length > 0) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations pending', pending })
        return
      }
      res.json({ status: 'ready', migrations: applied.size })
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' })
    }
  }
}

export function livenessCheck(_req: Request, res: Response): void {
  res.setHeader('cache-control', 'no-store')
  res.json({ status: 'ok' })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
}
