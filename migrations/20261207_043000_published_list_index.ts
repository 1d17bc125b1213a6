import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The public lists' order (newest first, id breaking ties: docs/api.md, "Lists"), over published
 * articles only, carrying what a list's `where` and Payload's paging query read besides (the
 * channel, and createdAt, Payload's own last sort key): a channel's first page and each keyset page
 * after it are one range of this index, read without the table.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "articles_published_list_idx" ON "articles" ("published_at" DESC, "id" DESC) INCLUDE ("category_id", "created_at") WHERE "_status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "articles_published_list_idx";`)
}
