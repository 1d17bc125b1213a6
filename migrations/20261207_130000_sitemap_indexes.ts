import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The sitemaps list the published articles month by month (in Beijing time), at most 50,000 to a
 * file. With these two indexes of the published articles by month, the sitemap index costs a few
 * probes per month at a million articles instead of reading every article: the months themselves
 * (a walk that jumps from one month to the next), each month's first and last id (which split it
 * into files of at most 50,000 ids, so no count is needed) and its newest change (the `lastmod`);
 * and a month's file reads its articles by id, a range of the first index.
 *
 * The month is an expression, and PostgreSQL uses an expression index only for a query that spells
 * the expression the same way: `src/db/discovery.ts` does. About 2.5 seconds for both on a million
 * articles on the development machine, while saves of articles wait.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "articles_sitemap_month_id_idx" ON "articles" ((date_trunc('month', "published_at" at time zone 'Asia/Shanghai')), "id") WHERE "_status" = 'published';
  CREATE INDEX "articles_sitemap_month_updated_idx" ON "articles" ((date_trunc('month', "published_at" at time zone 'Asia/Shanghai')), "updated_at") WHERE "_status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "articles_sitemap_month_updated_idx";
  DROP INDEX "articles_sitemap_month_id_idx";`)
}
