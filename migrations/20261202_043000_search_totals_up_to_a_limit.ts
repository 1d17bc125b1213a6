import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Counting every match was more than half of a search's work in PostgreSQL. `totalDocs` is now exact
 * up to a limit (SEARCH_TOTAL_LIMIT, 1,000 by default) and says so past it: the GIN index still finds
 * every match, but no more rows are counted than the limit. `article_search_count` stays for
 * instances of the previous release still serving during a rolling upgrade; a later migration may
 * drop it.
 *
 * `article_search_hits` goes: the release before the previous one was the last to call it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION "article_search_count_up_to"(query tsquery, up_to integer)
    RETURNS bigint
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT count(*) FROM (SELECT 1 FROM "article_search" s WHERE s."vector" @@ query LIMIT up_to) m $$;
  DROP FUNCTION "article_search_hits"(tsquery);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION "article_search_hits"(query tsquery)
    RETURNS TABLE ("article_id" integer, "published_at" timestamp(3) with time zone, "rank" real)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT s."article_id", s."published_at", ts_rank(s."rank_vector", query) FROM "article_search" s WHERE s."vector" @@ query $$;
  DROP FUNCTION "article_search_count_up_to"(tsquery, integer);`)
}
