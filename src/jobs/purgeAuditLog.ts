import type { TaskConfig } from 'payload'

import { purgeCutoff } from '../lib/audit'
import { AUDIT_LOG_SLUG, PURGE_AUDIT_LOG_TASK } from '../slugs'

/**
 * Daily at 03:00 (server time). Payload queues one run at a time per queue across all instances,
 * and the `default` queue's runner starts it within seconds.
 */
const PURGE_SCHEDULE = '0 3 * * *'

/**
 * Deletes audit entries older than the retention period (0 days: keeps them for ever). Straight
 * from the database: the API itself can never delete an entry.
 */
export function purgeAuditLogTask(retentionDays: number): TaskConfig<typeof PURGE_AUDIT_LOG_TASK> {
  return {
    slug: PURGE_AUDIT_LOG_TASK,
    label: 'Purge old audit entries',
    schedule: [{ cron: PURGE_SCHEDULE, queue: 'default' }],
    handler: async ({ req }) => {
      const cutoff = purgeCutoff(retentionDays, new Date())
      if (!cutoff) return { output: {} }
      const where = { at: { less_than: cutoff.toISOString() } }
      const { totalDocs } = await req.payload.db.count({ collection: AUDIT_LOG_SLUG, where, req })
      if (totalDocs > 0) {
        await req.payload.db.deleteMany({ collection: AUDIT_LOG_SLUG, where, req })
        req.payload.logger.info({ deleted: totalDocs, before: cutoff.toISOString(), retentionDays }, 'audit log: purged entries past the retention period')
      }
      return { output: {} }
    },
  }
}
