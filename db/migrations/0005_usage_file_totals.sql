CREATE TABLE "usage_file_totals" (
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"subscription_id" text NOT NULL,
	"item_id" text NOT NULL,
	"records" integer NOT NULL,
	"quantity" numeric NOT NULL,
	"amount" numeric,
	"closed_records" integer DEFAULT 0 NOT NULL,
	"closed_quantity" numeric DEFAULT '0' NOT NULL,
	"closed_amount" numeric,
	CONSTRAINT "usage_file_totals_usage_file_id_generation_subscription_id_item_id_pk" PRIMARY KEY("usage_file_id","generation","subscription_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "usage_file_totals" ADD CONSTRAINT "usage_file_totals_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;