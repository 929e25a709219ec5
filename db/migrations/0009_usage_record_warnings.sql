CREATE TABLE "usage_record_warnings" (
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"usage_record_id" bigint NOT NULL,
	"code" text NOT NULL,
	"other_file_id" text NOT NULL,
	"other_record_id" bigint NOT NULL,
	"other_record_key" text NOT NULL,
	CONSTRAINT "usage_record_warnings_usage_file_id_generation_usage_record_id_code_pk" PRIMARY KEY("usage_file_id","generation","usage_record_id","code"),
	CONSTRAINT "usage_record_warnings_code_check" CHECK (code IN ('overlaps_other_file', 'duplicate_record_id_other_file', 'overlaps_in_file'))
);
--> statement-breakpoint
ALTER TABLE "usage_files" ADD COLUMN "warning_counts" jsonb;--> statement-breakpoint
ALTER TABLE "usage_record_warnings" ADD CONSTRAINT "usage_record_warnings_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_record_warnings" ADD CONSTRAINT "usage_record_warnings_other_file_id_usage_files_id_fk" FOREIGN KEY ("other_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_record_warnings_code_idx" ON "usage_record_warnings" USING btree ("usage_file_id","generation","code","usage_record_id");