import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { poolOf } from './pool'

/**
 * Ready means the database answers and every migration this build ships has been applied, so a
 * load balancer never sends traffic to an instance whose schema is behind its code.
 */
export function readinessCheck(payload: Payload, expectedMigrations: readonly string[]) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('cache-control', 'no-store')
    try {
      const { rows } = await withTimeout(poolOf(payload).query<{ name: string }>('select name from payload_migrations'), 3_000)
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
