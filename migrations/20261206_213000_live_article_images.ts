import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The images each published article's body shows (its Lexical upload nodes' media ids), indexed, so
 * that judging an edit of an image (src/hooks/keepLiveImagesToPublishers.ts) looks them up instead of
 * reading every published body: on a portal's archive that is a million bodies per reporter's edit.
 * The ids are read as the article page reads them (src/db/articlePage.ts). The
 * function reads nothing but its argument, so it may be IMMUTABLE and indexed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION "article_body_media_ids"(body jsonb) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    select coalesce(array_agg((v #>> '{}')::int), '{}')
    from jsonb_path_query(body, 'strict $.** ? (@.type == "upload" && @.relationTo == "media").value') v
    where v #>> '{}' ~ '^[0-9]{1,9}$'
  $$;
  CREATE INDEX "articles_published_body_media_idx" ON "articles" USING gin ("article_body_media_ids"("body")) WHERE "_status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "articles_published_body_media_idx";
  DROP FUNCTION "article_body_media_ids"(jsonb);`)
}
