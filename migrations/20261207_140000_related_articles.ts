import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The articles carrying a tag, newest first: an article page's 相关阅读 reads the latest few of
 * each of its tags (src/db/articlePage.ts). The tag index alone keeps a tag's entries in no useful
 * order, so a tag on a hundred thousand articles would be read whole to find its newest.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "articles_rels_tag_articles_idx" ON "articles_rels" ("tags_id", "parent_id" DESC) WHERE "tags_id" IS NOT NULL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "articles_rels_tag_articles_idx";`)
}
