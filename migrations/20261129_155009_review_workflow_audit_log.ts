import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_history_action" AS ENUM('submit', 'request-changes', 'approve', 'withdraw', 'publish', 'unpublish', 'override', 'reset');
  CREATE TYPE "public"."enum_articles_review_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved');
  CREATE TYPE "public"."enum__articles_v_version_review_history_action" AS ENUM('submit', 'request-changes', 'approve', 'withdraw', 'publish', 'unpublish', 'override', 'reset');
  CREATE TYPE "public"."enum__articles_v_version_review_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'delete', 'transition', 'publish', 'unpublish', 'override', 'role-change', 'login', 'login-failed');
  CREATE TABLE "articles_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_articles_review_history_action",
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "_articles_v_version_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum__articles_v_version_review_history_action",
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"actor_collection" varchar,
  	"actor_id" varchar,
  	"actor_name" varchar,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"summary" varchar,
  	"changes" jsonb,
  	"ip" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "review_state" "enum_articles_review_state" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "approved_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "approved_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "screening_override_words" jsonb;
  ALTER TABLE "articles" ADD COLUMN "screening_override_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "screening_override_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "screening_override_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "imported_from_system" varchar;
  ALTER TABLE "articles" ADD COLUMN "imported_from_original_id" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_state" "enum__articles_v_version_review_state" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_approved_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_screening_override_words" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_screening_override_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_screening_override_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_screening_override_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_system" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_original_id" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "articles_review_history" ADD CONSTRAINT "articles_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_review_history" ADD CONSTRAINT "articles_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_review_history" ADD CONSTRAINT "_articles_v_version_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_review_history" ADD CONSTRAINT "_articles_v_version_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_review_history_order_idx" ON "articles_review_history" USING btree ("_order");
  CREATE INDEX "articles_review_history_parent_id_idx" ON "articles_review_history" USING btree ("_parent_id");
  CREATE INDEX "articles_review_history_by_idx" ON "articles_review_history" USING btree ("by_id");
  CREATE INDEX "_articles_v_version_review_history_order_idx" ON "_articles_v_version_review_history" USING btree ("_order");
  CREATE INDEX "_articles_v_version_review_history_parent_id_idx" ON "_articles_v_version_review_history" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_review_history_by_idx" ON "_articles_v_version_review_history" USING btree ("by_id");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_target_collection_idx" ON "audit_log" USING btree ("target_collection");
  CREATE INDEX "audit_log_target_id_idx" ON "audit_log" USING btree ("target_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_screening_override_by_id_users_id_fk" FOREIGN KEY ("screening_override_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_screening_override_by_id_users_id_fk" FOREIGN KEY ("version_screening_override_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_review_state_idx" ON "articles" USING btree ("review_state");
  CREATE INDEX "articles_approved_by_idx" ON "articles" USING btree ("approved_by_id");
  CREATE INDEX "articles_screening_override_screening_override_by_idx" ON "articles" USING btree ("screening_override_by_id");
  CREATE INDEX "articles_imported_from_imported_from_original_id_idx" ON "articles" USING btree ("imported_from_original_id");
  CREATE INDEX "_articles_v_version_version_review_state_idx" ON "_articles_v" USING btree ("version_review_state");
  CREATE INDEX "_articles_v_version_version_approved_by_idx" ON "_articles_v" USING btree ("version_approved_by_id");
  CREATE INDEX "_articles_v_version_screening_override_version_screening_idx" ON "_articles_v" USING btree ("version_screening_override_by_id");
  CREATE INDEX "_articles_v_version_imported_from_version_imported_from__idx" ON "_articles_v" USING btree ("version_imported_from_original_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");`)
  // What is live today was published by someone allowed to: it starts out approved.
  await db.execute(sql`
   UPDATE "articles" SET "review_state" = 'approved' WHERE "_status" = 'published';
  UPDATE "_articles_v" SET "version_review_state" = 'approved' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Dropping audit_log with CASCADE also drops the locked-documents foreign key to it.
  await db.execute(sql`
   ALTER TABLE "articles_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_review_history" CASCADE;
  DROP TABLE "_articles_v_version_review_history" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_approved_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_screening_override_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_approved_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_screening_override_by_id_users_id_fk";
  
  DROP INDEX "articles_review_state_idx";
  DROP INDEX "articles_approved_by_idx";
  DROP INDEX "articles_screening_override_screening_override_by_idx";
  DROP INDEX "articles_imported_from_imported_from_original_id_idx";
  DROP INDEX "_articles_v_version_version_review_state_idx";
  DROP INDEX "_articles_v_version_version_approved_by_idx";
  DROP INDEX "_articles_v_version_screening_override_version_screening_idx";
  DROP INDEX "_articles_v_version_imported_from_version_imported_from__idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "articles" DROP COLUMN "review_state";
  ALTER TABLE "articles" DROP COLUMN "approved_by_id";
  ALTER TABLE "articles" DROP COLUMN "approved_at";
  ALTER TABLE "articles" DROP COLUMN "screening_override_words";
  ALTER TABLE "articles" DROP COLUMN "screening_override_reason";
  ALTER TABLE "articles" DROP COLUMN "screening_override_by_id";
  ALTER TABLE "articles" DROP COLUMN "screening_override_at";
  ALTER TABLE "articles" DROP COLUMN "imported_from_system";
  ALTER TABLE "articles" DROP COLUMN "imported_from_original_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_articles_v" DROP COLUMN "version_approved_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_approved_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_screening_override_words";
  ALTER TABLE "_articles_v" DROP COLUMN "version_screening_override_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_screening_override_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_screening_override_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_system";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_original_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  DROP TYPE "public"."enum_articles_review_history_action";
  DROP TYPE "public"."enum_articles_review_state";
  DROP TYPE "public"."enum__articles_v_version_review_history_action";
  DROP TYPE "public"."enum__articles_v_version_review_state";
  DROP TYPE "public"."enum_audit_log_action";`)
}
