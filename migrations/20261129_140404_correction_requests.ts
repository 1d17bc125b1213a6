import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_corrections_kind" AS ENUM('correction', 'clarification', 'retraction');
  CREATE TYPE "public"."enum__articles_v_version_corrections_kind" AS ENUM('correction', 'clarification', 'retraction');
  CREATE TYPE "public"."enum_correction_requests_error_type" AS ENUM('typo', 'fact', 'figure', 'image', 'other');
  CREATE TYPE "public"."enum_correction_requests_status" AS ENUM('new', 'triaged', 'accepted', 'rejected', 'corrected', 'duplicate');
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum_articles_corrections_kind" DEFAULT 'correction',
  	"text" varchar,
  	"request_id" integer
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum__articles_v_version_corrections_kind" DEFAULT 'correction',
  	"text" varchar,
  	"request_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "correction_requests_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"from" varchar,
  	"to" varchar,
  	"note" varchar
  );
  
  CREATE TABLE "correction_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"error_type" "enum_correction_requests_error_type" NOT NULL,
  	"quote" varchar NOT NULL,
  	"suggestion" varchar,
  	"explanation" varchar,
  	"reporter_name" varchar,
  	"reporter_email" varchar,
  	"reader_id" integer,
  	"status" "enum_correction_requests_status" DEFAULT 'new' NOT NULL,
  	"assignee_id" integer,
  	"reply_to_reporter" varchar,
  	"internal_notes" varchar,
  	"no_notice_reason" varchar,
  	"quote_found" boolean,
  	"normalised_quote" varchar,
  	"duplicate_of_id" integer,
  	"screening" jsonb,
  	"lookup_token_hash" varchar,
  	"ip" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "correction_requests_id" integer;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_request_id_correction_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."correction_requests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_request_id_correction_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."correction_requests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "correction_requests_history" ADD CONSTRAINT "correction_requests_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_requests_history" ADD CONSTRAINT "correction_requests_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."correction_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_duplicate_of_id_correction_requests_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."correction_requests"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE INDEX "articles_corrections_request_idx" ON "articles_corrections" USING btree ("request_id");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_corrections_request_idx" ON "_articles_v_version_corrections" USING btree ("request_id");
  CREATE INDEX "correction_requests_history_order_idx" ON "correction_requests_history" USING btree ("_order");
  CREATE INDEX "correction_requests_history_parent_id_idx" ON "correction_requests_history" USING btree ("_parent_id");
  CREATE INDEX "correction_requests_history_by_idx" ON "correction_requests_history" USING btree ("by_id");
  CREATE INDEX "correction_requests_article_idx" ON "correction_requests" USING btree ("article_id");
  CREATE INDEX "correction_requests_error_type_idx" ON "correction_requests" USING btree ("error_type");
  CREATE INDEX "correction_requests_reader_idx" ON "correction_requests" USING btree ("reader_id");
  CREATE INDEX "correction_requests_status_idx" ON "correction_requests" USING btree ("status");
  CREATE INDEX "correction_requests_assignee_idx" ON "correction_requests" USING btree ("assignee_id");
  CREATE INDEX "correction_requests_normalised_quote_idx" ON "correction_requests" USING btree ("normalised_quote");
  CREATE INDEX "correction_requests_duplicate_of_idx" ON "correction_requests" USING btree ("duplicate_of_id");
  CREATE INDEX "correction_requests_lookup_token_hash_idx" ON "correction_requests" USING btree ("lookup_token_hash");
  CREATE INDEX "correction_requests_updated_at_idx" ON "correction_requests" USING btree ("updated_at");
  CREATE INDEX "correction_requests_created_at_idx" ON "correction_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_correction_requests_fk" FOREIGN KEY ("correction_requests_id") REFERENCES "public"."correction_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_correction_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("correction_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "correction_requests_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "correction_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "correction_requests_history" CASCADE;
  DROP TABLE "correction_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_correction_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_correction_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "correction_requests_id";
  DROP TYPE "public"."enum_articles_corrections_kind";
  DROP TYPE "public"."enum__articles_v_version_corrections_kind";
  DROP TYPE "public"."enum_correction_requests_error_type";
  DROP TYPE "public"."enum_correction_requests_status";`)
}
