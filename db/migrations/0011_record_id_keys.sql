CREATE TABLE "usage_record_id_keys" (
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"keys" "bytea" NOT NULL,
	CONSTRAINT "usage_record_id_keys_usage_file_id_generation_pk" PRIMARY KEY("usage_file_id","generation")
);
--> statement-breakpoint
ALTER TABLE "usage_record_id_keys" ADD CONSTRAINT "usage_record_id_keys_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;