import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * 后台实名: a reader's bound number as a keyed hash, a ciphertext and a masked form (the Readers
 * fields), and the code last sent to a reader, in a table of its own that no Payload API reaches:
 * one row per reader, the code and the number only as keyed hashes, with its expiry and the tries
 * spent on it (src/db/readerPhones.ts). An admin's reading of a number is an audit action.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'reveal-phone';
  ALTER TABLE "readers" ADD COLUMN "phone_masked" varchar;
  ALTER TABLE "readers" ADD COLUMN "phone_verified_at" timestamp(3) with time zone;
  ALTER TABLE "readers" ADD COLUMN "phone_hash" varchar;
  ALTER TABLE "readers" ADD COLUMN "phone_ciphertext" varchar;
  CREATE INDEX "readers_phone_hash_idx" ON "readers" USING btree ("phone_hash");
  CREATE TABLE "reader_phone_codes" (
    "reader_id" integer PRIMARY KEY REFERENCES "readers"("id") ON DELETE CASCADE,
    "code_hash" varchar NOT NULL,
    "expires_at" timestamp(3) with time zone NOT NULL,
    "tries" integer DEFAULT 0 NOT NULL,
    "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "reader_phone_codes";
   ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'delete', 'transition', 'publish', 'unpublish', 'override', 'role-change', 'login', 'login-failed', 'import');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  DROP INDEX "readers_phone_hash_idx";
  ALTER TABLE "readers" DROP COLUMN "phone_masked";
  ALTER TABLE "readers" DROP COLUMN "phone_verified_at";
  ALTER TABLE "readers" DROP COLUMN "phone_hash";
  ALTER TABLE "readers" DROP COLUMN "phone_ciphertext";`)
}
