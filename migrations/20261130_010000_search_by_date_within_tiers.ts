import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A search for a common word matched a third of the archive, and ranked every match from rows
 * about 800 bytes wide (each carried its compressed title-and-summary vector): about 200 searches
 * a second was all PostgreSQL could do on two cores.
 *
 * Results now come in two tiers, each newest first: articles with every word in the title or
 * summary (found by a GIN index on `rank_vector`), then the rest. Nothing is ranked, and a page
 * needs no vector read: only the matches' dates. The rows are kept narrow (`toast_tuple_target`:
 * the text and both vectors are stored out of line), so the matches are a hundred small pages
 * instead of a thousand wide ones. CLUSTER rewrites the rows already there that way; it locks the
 * table while it runs, a few seconds per 10,000 articles.
 *
 * `article_search_matches` (every match) takes over from `article_search_hits`, without the rank;
 * `article_search_count` counts the matches without reading a row (the pages are all-visible once
 * vacuumed); `article_search_headline_matches` finds the first tier. All three turn sequential
 * scans off: the planner does not count the cost of unpacking each vector, and prefers reading
 * every row (or every row in date order, for a page of a rare word) to the GIN index.
 * `article_search_hits` stays for instances of the previous release still serving during a rolling
 * upgrade; a later migration may drop it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "article_search" SET (toast_tuple_target = 128);
  CREATE INDEX "article_search_rank_vector_idx" ON "article_search" USING gin ("rank_vector");
  CLUSTER "article_search" USING "article_search_pkey";
  CREATE FUNCTION "article_search_matches"(query tsquery)
    RETURNS TABLE ("article_id" integer, "published_at" timestamp(3) with time zone)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT s."article_id", s."published_at" FROM "article_search" s WHERE s."vector" @@ query $$;
  CREATE FUNCTION "article_search_count"(query tsquery)
    RETURNS bigint
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT count(*) FROM "article_search" s WHERE s."vector" @@ query $$;
  CREATE FUNCTION "article_search_headline_matches"(query tsquery)
    RETURNS TABLE ("article_id" integer, "published_at" timestamp(3) with time zone)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT s."article_id", s."published_at" FROM "article_search" s WHERE s."rank_vector" @@ query $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION "article_search_headline_matches"(tsquery);
  DROP FUNCTION "article_search_count"(tsquery);
  DROP FUNCTION "article_search_matches"(tsquery);
  DROP INDEX "article_search_rank_vector_idx";
  ALTER TABLE "article_search" RESET (toast_tuple_target);`)
}
