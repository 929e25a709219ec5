CREATE TABLE "usage_file_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_file_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"usage_file_id" text NOT NULL,
	"record_id" bigint,
	"record_ref" text,
	"author_user_id" text NOT NULL,
	"author_account_id" text NOT NULL,
	"text" text NOT NULL,
	"file_status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_file_comments_text_check" CHECK (length(text) BETWEEN 1 AND 4000),
	CONSTRAINT "usage_file_comments_record_check" CHECK ((record_id IS NULL) = (record_ref IS NULL)),
	CONSTRAINT "usage_file_comments_file_status_check" CHECK (file_status IN ('draft', 'uploading', 'processing', 'invalid', 'ready', 'pending', 'accepted', 'rejected', 'closed', 'deleted'))
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_type_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "comment" jsonb;--> statement-breakpoint
ALTER TABLE "usage_file_comments" ADD CONSTRAINT "usage_file_comments_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_comments" ADD CONSTRAINT "usage_file_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_comments" ADD CONSTRAINT "usage_file_comments_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_file_comments_file_idx" ON "usage_file_comments" USING btree ("usage_file_id","id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_type_check" CHECK (type IN ('usage_file.created', 'usage_file.uploaded', 'usage_file.ready', 'usage_file.invalid', 'usage_file.submitted', 'usage_file.accepted', 'usage_file.rejected', 'usage_file.closed', 'usage_file.deleted', 'usage_records.closed', 'usage_file.commented'));