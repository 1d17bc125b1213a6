import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The full-text index of published articles, kept beside Payload's tables (Payload does not manage
 * tsvector columns): one row per published article, its text cut into words by jieba before it
 * reaches PostgreSQL, weighted title A, summary B, body C, under a GIN index.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "article_search" (
    "article_id" integer PRIMARY KEY NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE,
    "plain_text" text NOT NULL,
    "vector" tsvector NOT NULL,
    "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  CREATE INDEX "article_search_vector_idx" ON "article_search" USING gin ("vector");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE "article_search";`)
}
