CREATE TABLE "usage_changed_records" (
	"rejection_id" bigint NOT NULL,
	"usage_record_id" bigint NOT NULL,
	CONSTRAINT "usage_changed_records_rejection_id_usage_record_id_pk" PRIMARY KEY("rejection_id","usage_record_id")
);
--> statement-breakpoint
ALTER TABLE "usage_file_rejections" ADD COLUMN "resubmitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "usage_changed_records" ADD CONSTRAINT "usage_changed_records_rejection_id_usage_file_rejections_id_fk" FOREIGN KEY ("rejection_id") REFERENCES "public"."usage_file_rejections"("id") ON DELETE no action ON UPDATE no action;