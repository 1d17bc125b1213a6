import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Ranking a search used to read every matching article's whole body vector (a common word matches
 * a third of the archive) and join every match to `articles` for its date. Now each row carries its
 * date and a small vector of its title and summary words alone (weights A and B, kept by PostgreSQL),
 * which is all the ranking reads.
 *
 * `article_search_hits` runs the match with sequential scans off: the planner does not count the cost
 * of unpacking each compressed vector, so for a common word it prefers reading all of them to the GIN
 * index, about ten times slower.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "article_search"
    ADD COLUMN "published_at" timestamp(3) with time zone,
    ADD COLUMN "rank_vector" tsvector GENERATED ALWAYS AS (ts_filter("vector", '{a,b}')) STORED;
  UPDATE "article_search" s SET "published_at" = a."published_at" FROM "articles" a WHERE a."id" = s."article_id";
  CREATE FUNCTION "article_search_hits"(query tsquery)
    RETURNS TABLE ("article_id" integer, "published_at" timestamp(3) with time zone, "rank" real)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT s."article_id", s."published_at", ts_rank(s."rank_vector", query) FROM "article_search" s WHERE s."vector" @@ query $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION "article_search_hits"(tsquery);
  ALTER TABLE "article_search" DROP COLUMN "rank_vector", DROP COLUMN "published_at";`)
}
