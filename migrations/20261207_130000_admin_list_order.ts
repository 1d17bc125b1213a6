import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The admin's article list reads the latest version of every article, newest first (by creation
 * unless an editor sorts by the last change), and Payload breaks ties by the version's own creation
 * time. With only the single-column indexes PostgreSQL walks the first key in order and sorts each run
 * of equal times whole, running the list's per-row subqueries for every row of the run: a bulk import
 * stamps its 500 articles a batch with one time, so the first page read 501 versions to show 10. These
 * hold both keys for the latest versions only, so the page is the first 10 entries.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "_articles_v_latest_created_idx" ON "_articles_v" ("version_created_at" DESC, "created_at" DESC) WHERE "latest";
  CREATE INDEX "_articles_v_latest_updated_idx" ON "_articles_v" ("version_updated_at" DESC, "created_at" DESC) WHERE "latest";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "_articles_v_latest_created_idx";
  DROP INDEX "_articles_v_latest_updated_idx";`)
}
