import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" ADD COLUMN "original_id" varchar;
  CREATE INDEX "comments_original_id_idx" ON "comments" USING btree ("original_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "comments_original_id_idx";
  ALTER TABLE "comments" DROP COLUMN "original_id";`)
}
