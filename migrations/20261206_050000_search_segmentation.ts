import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Which way each search row's text was cut into words (`SEGMENTATION` in src/lib/search/segment.ts).
 * The rows already stored are the first way (1), as are the rows an instance of an earlier release
 * still writes during a rolling upgrade (it does not name the column). The server re-indexes rows
 * cut an earlier way in the background once it has started, so an upgrade that changes the cutting
 * (as the finance words did) neither needs a migration to re-index nor holds up start-up while
 * every article is cut again: meanwhile such a row is found by the words it was cut into before.
 * The index finds the outdated rows without reading the table.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "article_search" ADD COLUMN "segmentation" smallint DEFAULT 1 NOT NULL;
  CREATE INDEX "article_search_segmentation_idx" ON "article_search" ("segmentation");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "article_search_segmentation_idx";
  ALTER TABLE "article_search" DROP COLUMN "segmentation";`)
}
