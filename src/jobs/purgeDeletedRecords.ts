import type { TaskConfig } from 'payload'

import { purgeCutoff } from '../lib/audit'
import { COMMENTS_SLUG, PURGE_DELETED_RECORDS_TASK, READERS_SLUG } from '../slugs'

/** Daily at 03:30 (server time), on the `default` queue, like the audit log's purge. */
const PURGE_SCHEDULE = '30 3 * * *'

/** The collections whose deleted documents wait in the trash for the retention period. */
const KEPT_AFTER_DELETION = [COMMENTS_SLUG, READERS_SLUG] as const

/**
 * Deletes for good what was moved to the trash longer ago than the retention period (0 days: keeps
 * it for ever). Through the Local API, so the collections' delete hooks (counts, webhooks, the audit
 * trail) see it go; the API itself can only move a document to the trash.
 */
export function purgeDeletedRecordsTask(retentionDays: number): TaskConfig<typeof PURGE_DELETED_RECORDS_TASK> {
  return {
    slug: PURGE_DELETED_RECORDS_TASK,
    label: 'Purge deleted records past the retention period',
    schedule: [{ cron: PURGE_SCHEDULE, queue: 'default' }],
    handler: async ({ req }) => {
      const cutoff = purgeCutoff(retentionDays, new Date())
      if (!cutoff) return { output: {} }
      for (const collection of KEPT_AFTER_DELETION) {
        const { docs } = await req.payload.delete({
          collection,
          where: { deletedAt: { less_than: cutoff.toISOString() } },
          trash: true,
          overrideAccess: true,
          depth: 0,
          req,
        })
        if (docs.length > 0) {
          req.payload.logger.info({ collection, purged: docs.length, deletedBefore: cutoff.toISOString(), retentionDays }, 'purged deleted records past the retention period')
        }
      }
      return { output: {} }
    },
  }
}
