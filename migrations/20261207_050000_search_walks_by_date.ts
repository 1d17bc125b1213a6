import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * At a million articles a common word matches a third of them, and a search gathered every match
 * from the GIN indexes before its first row: the title and summary matches all sorted by date for
 * the first tier's page, and the body's all counted up to the limit.
 *
 * A page of a common word now walks the articles newest first (`article_search_published_at_idx`)
 * and stops at the page's last match; a word too rare to fill the page among the newest articles
 * keeps the GIN path. The walk tests each article's title-and-summary vector, which is now kept in
 * its row (storage MAIN, about 700 bytes): out of line, each test was a TOAST lookup, seven times
 * slower. The UPDATE rewrites the rows already there that way (it recomputes the generated column):
 * about two seconds per 10,000 articles, during which saves of those articles wait.
 *
 * `article_search_headline_count_up_to` counts the first tier up to the limit, from the smaller
 * GIN index: when that passes the limit, the body's matches are not counted.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "article_search" ALTER COLUMN "rank_vector" SET STORAGE MAIN;
  UPDATE "article_search" SET "vector" = "vector";
  CREATE INDEX "article_search_published_at_idx" ON "article_search" ("published_at" DESC NULLS LAST, "article_id" DESC);
  CREATE FUNCTION "article_search_headline_count_up_to"(query tsquery, up_to integer)
    RETURNS bigint
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT count(*) FROM (SELECT 1 FROM "article_search" s WHERE s."rank_vector" @@ query LIMIT up_to) m $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION "article_search_headline_count_up_to"(tsquery, integer);
  DROP INDEX "article_search_published_at_idx";
  ALTER TABLE "article_search" ALTER COLUMN "rank_vector" SET STORAGE EXTENDED;`)
}
