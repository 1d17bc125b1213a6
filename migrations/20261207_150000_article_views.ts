import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * 阅读量: views counted by the hour (what 热门 ranks over its window, kept 31 days) and in total
 * (what an article shows), written a batch at a time by every instance (src/db/articleViews.ts),
 * never a row update per view. Outside Payload's schema, as the search rows are: no collection reads
 * or writes them.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "article_view_hours" (
    "article_id" integer NOT NULL REFERENCES "articles" ("id") ON DELETE CASCADE,
    "hour" timestamp(3) with time zone NOT NULL,
    "views" integer NOT NULL,
    PRIMARY KEY ("article_id", "hour")
  );
  CREATE INDEX "article_view_hours_hour_idx" ON "article_view_hours" ("hour");
  CREATE TABLE "article_view_totals" (
    "article_id" integer PRIMARY KEY REFERENCES "articles" ("id") ON DELETE CASCADE,
    "views" bigint NOT NULL
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "article_view_hours";
  DROP TABLE "article_view_totals";`)
}
