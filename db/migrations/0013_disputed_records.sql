CREATE TABLE "usage_disputed_records" (
	"rejection_id" bigint NOT NULL,
	"usage_record_id" bigint NOT NULL,
	"record_id" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "usage_disputed_records_rejection_id_usage_record_id_pk" PRIMARY KEY("rejection_id","usage_record_id")
);
--> statement-breakpoint
CREATE TABLE "usage_file_rejections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_file_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"rejected_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_rejected_records" (
	"rejection_id" bigint NOT NULL,
	"usage_record_id" bigint NOT NULL,
	"record_id" text NOT NULL,
	"note" text,
	"item_id" text,
	"subscription_id" text,
	"quantity" numeric,
	"start_time" timestamp with time zone,
	"end_time" timestamp with time zone,
	"amount" numeric,
	"tier" smallint,
	"category_id" text,
	"params" jsonb,
	CONSTRAINT "usage_rejected_records_rejection_id_usage_record_id_pk" PRIMARY KEY("rejection_id","usage_record_id")
);
--> statement-breakpoint
ALTER TABLE "usage_disputed_records" ADD CONSTRAINT "usage_disputed_records_rejection_id_usage_file_rejections_id_fk" FOREIGN KEY ("rejection_id") REFERENCES "public"."usage_file_rejections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_rejections" ADD CONSTRAINT "usage_file_rejections_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_rejections" ADD CONSTRAINT "usage_file_rejections_rejected_by_users_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rejected_records" ADD CONSTRAINT "usage_rejected_records_rejection_id_usage_file_rejections_id_fk" FOREIGN KEY ("rejection_id") REFERENCES "public"."usage_file_rejections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_disputed_records_record_id_idx" ON "usage_disputed_records" USING btree ("rejection_id",record_id COLLATE "C");--> statement-breakpoint
CREATE INDEX "usage_file_rejections_file_idx" ON "usage_file_rejections" USING btree ("usage_file_id","id");--> statement-breakpoint
CREATE INDEX "usage_rejected_records_record_id_idx" ON "usage_rejected_records" USING btree ("rejection_id",record_id COLLATE "C");