import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * 点赞: one row per reader and comment (the primary key makes a second like impossible, whatever
 * races), and the comment's `like_count` kept by the database from those rows, in the transaction
 * that adds or removes one. A hot page reads the count as a column; an exact count(*) of a comment
 * with 100,000 likes on every read would not do. The rows go with their comment or reader (a deleted
 * reader's likes are taken back, and counted down).
 *
 * Payload writes every column of a comment it updates (a moderator featuring it, a report), with
 * the count it read beforehand: a like committed in between would be overwritten. So only the
 * counting trigger, one trigger level down, changes `like_count`; any other write keeps the row's.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" ADD COLUMN "like_count" numeric DEFAULT 0;
   CREATE TABLE "comment_likes" (
     "comment_id" integer NOT NULL REFERENCES "comments"("id") ON DELETE CASCADE,
     "reader_id" integer NOT NULL REFERENCES "readers"("id") ON DELETE CASCADE,
     "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
     PRIMARY KEY ("comment_id", "reader_id")
   );
   CREATE INDEX "comment_likes_reader_idx" ON "comment_likes" ("reader_id");
   CREATE FUNCTION "count_comment_likes"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       UPDATE "comments" SET "like_count" = coalesce("like_count", 0) + 1 WHERE "id" = NEW."comment_id";
     ELSE
       UPDATE "comments" SET "like_count" = greatest(coalesce("like_count", 0) - 1, 0) WHERE "id" = OLD."comment_id";
     END IF;
     RETURN NULL;
   END $$;
   CREATE TRIGGER "comment_likes_counted" AFTER INSERT OR DELETE ON "comment_likes"
     FOR EACH ROW EXECUTE FUNCTION "count_comment_likes"();
   CREATE FUNCTION "keep_comment_like_count"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF pg_trigger_depth() < 2 THEN NEW."like_count" := OLD."like_count"; END IF;
     RETURN NEW;
   END $$;
   CREATE TRIGGER "comments_like_count_kept" BEFORE UPDATE OF "like_count" ON "comments"
     FOR EACH ROW EXECUTE FUNCTION "keep_comment_like_count"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TRIGGER "comments_like_count_kept" ON "comments";
   DROP FUNCTION "keep_comment_like_count"();
   DROP TABLE "comment_likes";
   DROP FUNCTION "count_comment_likes"();
   ALTER TABLE "comments" DROP COLUMN "like_count";`)
}
