import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { rebuildSearchIndex } from '../src/collections/Articles/search'

const PROGRESS_EVERY = 1000

/**
 * Search now cuts a few finance words jieba's dictionary lacks as words (src/lib/search/financeWords.ts):
 * 降准将 is 降准 / 将, where it was 降 / 准将. A query is cut the new way, so every published article is
 * re-indexed the new way too, or 城投债 would not find the articles stored as 城 / 投债. Nothing in the
 * schema changes.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const started = Date.now()
  const count = await rebuildSearchIndex(
    payload,
    (done, total) => {
      if (done % PROGRESS_EVERY === 0 && done < total) payload.logger.info(`re-indexing published articles for search: ${done}/${total}`)
    },
    req,
  )
  payload.logger.info(`re-indexed ${count} published articles for search in ${Date.now() - started} ms`)
}

/**
 * Nothing to undo in the schema. The previous release cuts these words as before, so after going back
 * to it, run its `npm run search:rebuild` for its searches to find them again.
 */
export async function down(_args: MigrateDownArgs): Promise<void> {}
