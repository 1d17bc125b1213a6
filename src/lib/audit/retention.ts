export const DEFAULT_AUDIT_RETENTION_DAYS = 365

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A retention period from the environment: whole days to keep, 0 for ever. Anything else stops the
 * start rather than falling back to a default: a mistyped "keep for ever" must not become a purge.
 */
export function retentionDaysFrom(env: Record<string, string | undefined>, name: string, defaultDays: number): number {
  const raw = env[name]?.trim()
  if (!raw) return defaultDays
  const days = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(days)) {
    throw new Error(`${name} must be a whole number of days (0 keeps entries for ever), not "${raw}"`)
  }
  return days
}

/** AUDIT_LOG_RETENTION_DAYS: how long audit entries are kept. */
export const auditRetentionDaysFrom = (env: Record<string, string | undefined>): number =>
  retentionDaysFrom(env, 'AUDIT_LOG_RETENTION_DAYS', DEFAULT_AUDIT_RETENTION_DAYS)

/** Entries from before this moment are past the retention period; null when they are kept for ever. */
export function purgeCutoff(retentionDays: number, now: Date): Date | null {
  return retentionDays > 0 ? new Date(now.getTime() - retentionDays * DAY_MS) : null
}
