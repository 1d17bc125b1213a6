import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { correctionRequestTitle } from '../src/lib/corrections/title'

/** Correction requests titled per statement when filling in the stored ones. */
const BATCH = 1000

/**
 * What the admin shows in its pickers and lists, stored so it can be searched and kept current by the
 * collections' hooks: a channel's path (财经 > 宏观, from its breadcrumbs), a correction request's title
 * (number, day, error type, passage: made by the same function the hook uses) and the display name of
 * the reader who sent it (which editors read though they may not open readers' accounts).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "categories" ADD COLUMN "title" varchar;
  ALTER TABLE "correction_requests" ADD COLUMN "title" varchar;
  ALTER TABLE "correction_requests" ADD COLUMN "reader_name" varchar;
  UPDATE "categories" SET "title" = "path"."title"
    FROM (SELECT "_parent_id", string_agg(coalesce("name", ''), ' > ' ORDER BY "_order") AS "title" FROM "categories_breadcrumbs" GROUP BY "_parent_id") AS "path"
    WHERE "path"."_parent_id" = "categories"."id";
  UPDATE "categories" SET "title" = "name" WHERE "title" IS NULL;
  UPDATE "correction_requests" SET "reader_name" = "readers"."display_name"
    FROM "readers" WHERE "readers"."id" = "correction_requests"."reader_id";`)

  for (let after = 0; ; ) {
    const { rows } = (await db.execute(sql`
      SELECT "id", "created_at", "error_type", "quote" FROM "correction_requests" WHERE "id" > ${after} ORDER BY "id" LIMIT ${BATCH}`)) as unknown as {
      rows: { id: number; created_at: Date | string; error_type: string; quote: string }[]
    }
    if (rows.length === 0) break
    const titles = rows.map((row) => ({
      id: row.id,
      title: correctionRequestTitle({ id: row.id, createdAt: new Date(row.created_at).toISOString(), errorType: row.error_type, quote: row.quote }),
    }))
    await db.execute(sql`
      UPDATE "correction_requests" SET "title" = "titled"."title"
      FROM jsonb_to_recordset(${JSON.stringify(titles)}::jsonb) AS "titled"("id" integer, "title" varchar)
      WHERE "titled"."id" = "correction_requests"."id"`)
    after = rows[rows.length - 1].id
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "categories" DROP COLUMN "title";
  ALTER TABLE "correction_requests" DROP COLUMN "title";
  ALTER TABLE "correction_requests" DROP COLUMN "reader_name";`)
}
