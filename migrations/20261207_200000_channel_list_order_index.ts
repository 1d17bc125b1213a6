import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A channel's published articles in the channel list's whole order, id included (publication time
 * then id, newest first), so a page of one channel is a range of the index with nothing to sort:
 * the channel list endpoint (src/db/channelList.ts) reads each channel of a section this way.
 * Without id, PostgreSQL sorted each run of equal times, and planned for no particular channel it
 * preferred to walk the index of every article's publication time and filter for the channel,
 * which for a channel with no article before the page's position (a section that holds none of
 * its own) meant the whole index: seven seconds at a million articles. At a million articles the
 * counts of a section read the new index as fast as the old (0.3 ms up to 1,001), and a count
 * with a keyset's conditions faster (1.4 ms; it had been a sequential scan of 350 ms).
 * About a second per million articles, during which saves of articles wait.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "articles_published_channel_order_idx" ON "articles" ("category_id", "published_at" DESC, "id" DESC) WHERE "_status" = 'published';
  DROP INDEX IF EXISTS "articles_published_channel_idx";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "articles_published_channel_idx" ON "articles" ("category_id", "published_at" DESC) WHERE "_status" = 'published';
  DROP INDEX "articles_published_channel_order_idx";`)
}
