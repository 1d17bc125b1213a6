import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Counting a common word's matches up to the limit cost more the larger the archive: a GIN index scan
 * builds the bitmap of every match before the limit applies, and a prefix query merges every lexeme
 * that starts with each word (a third of a million articles' worth of postings for a word in a third of
 * them). `article_search_count_up_to` now looks at the newest 128 articles first: when the word is in
 * enough of them to reach the limit within the newest 16,384, it walks those newest first
 * (`article_search_published_at_idx`) and stops at the limit, a cost set by how common the word is,
 * not by the size of the archive. A rarer word (or one the walk did not take to the limit) is
 * counted from the GIN index as before, which for a rare word is cheap. Either way the count is exact
 * up to the limit. The signature is unchanged, so instances of the previous release use it as well.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION "article_search_count_up_to"(query tsquery, up_to integer)
    RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET enable_seqscan = off
    AS $$
    DECLARE
      sampled constant integer := 128;
      most constant integer := 16384;
      found bigint;
    BEGIN
      SELECT count(*) INTO found FROM (
        SELECT s."vector" FROM "article_search" s ORDER BY s."published_at" DESC NULLS LAST, s."article_id" DESC LIMIT sampled) w
      WHERE w."vector" @@ query;
      IF found >= up_to THEN
        RETURN up_to;
      END IF;
      IF found * most >= up_to::bigint * sampled THEN
        found := found + (SELECT count(*) FROM (SELECT 1 FROM (
          SELECT s."vector" FROM "article_search" s ORDER BY s."published_at" DESC NULLS LAST, s."article_id" DESC OFFSET sampled LIMIT most - sampled) w
          WHERE w."vector" @@ query LIMIT up_to - found) m);
        IF found >= up_to THEN
          RETURN found;
        END IF;
      END IF;
      RETURN (SELECT count(*) FROM (SELECT 1 FROM "article_search" s WHERE s."vector" @@ query LIMIT up_to) m);
    END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION "article_search_count_up_to"(query tsquery, up_to integer)
    RETURNS bigint
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$ SELECT count(*) FROM (SELECT 1 FROM "article_search" s WHERE s."vector" @@ query LIMIT up_to) m $$;`)
}
