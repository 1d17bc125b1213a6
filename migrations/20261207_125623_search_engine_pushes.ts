import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_webhook_deliveries_search_engine" AS ENUM('baidu', 'indexnow');
  ALTER TABLE "webhook_deliveries" ADD COLUMN "search_engine" "enum_webhook_deliveries_search_engine";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "webhook_deliveries" DROP COLUMN "search_engine";
  DROP TYPE "public"."enum_webhook_deliveries_search_engine";`)
}
