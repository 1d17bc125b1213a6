export const DEFAULT_AUDIT_RETENTION_DAYS = 365

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * AUDIT_LOG_RETENTION_DAYS: whole days to keep entries, 0 for ever. Anything else stops the start
 * rather than falling back to a default: a mistyped "keep for ever" must not become a purge.
 */
export function auditRetentionDaysFrom(env: Record<string, string | undefined>): number {
  const raw = env.AUDIT_LOG_RETENTION_DAYS?.trim()
  if (!raw) return DEFAULT_AUDIT_RETENTION_DAYS
  const days = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(days)) {
    throw new Error(`AUDIT_LOG_RETENTION_DAYS must be a whole number of days (0 keeps entries for ever), not "${raw}"`)
  }
  return days
}

/** Entries from before this moment are past the retention period; null when they are kept for ever. */
export function purgeCutoff(retentionDays: number, now: Date): Date | null {
  return retentionDays > 0 ? new Date(now.getTime() - retentionDays * DAY_MS) : null
}
