import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_webhooks_events" ADD VALUE 'articles.imported';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'articles.imported';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'import';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The older enums cannot hold these values: the rows that use them go first.
  await db.execute(sql`
  DELETE FROM "webhooks_events" WHERE "value" = 'articles.imported';
  DELETE FROM "webhook_deliveries" WHERE "event" = 'articles.imported';
  DELETE FROM "audit_log" WHERE "action" = 'import';
   ALTER TABLE "webhooks_events" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhooks_events";
  CREATE TYPE "public"."enum_webhooks_events" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'comment.approved', 'correction.published', 'site-settings.changed');
  ALTER TABLE "webhooks_events" ALTER COLUMN "value" SET DATA TYPE "public"."enum_webhooks_events" USING "value"::"public"."enum_webhooks_events";
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhook_deliveries_event";
  CREATE TYPE "public"."enum_webhook_deliveries_event" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'comment.approved', 'correction.published', 'site-settings.changed');
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE "public"."enum_webhook_deliveries_event" USING "event"::"public"."enum_webhook_deliveries_event";
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'delete', 'transition', 'publish', 'unpublish', 'override', 'role-change', 'login', 'login-failed');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";`)
}
