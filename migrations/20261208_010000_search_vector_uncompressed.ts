import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * An article's search vector does not compress (its words are sorted and each stored once): every
 * row written tried, and the try cost more than the write: copying the vectors of 10,000 benchmark
 * articles (none of them compressed) took 627 ms with the try and 233 ms without. Storage EXTERNAL
 * keeps it out of line, as it was, without the try. Rows already there are stored the same either
 * way, so nothing is rewritten.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "article_search" ALTER COLUMN "vector" SET STORAGE EXTERNAL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "article_search" ALTER COLUMN "vector" SET STORAGE EXTENDED;`)
}
