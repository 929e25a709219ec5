ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_quantity_check";--> statement-breakpoint
ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_amount_check";--> statement-breakpoint
DROP INDEX "usage_records_file_record_id_key";--> statement-breakpoint
ALTER TABLE "usage_files" ADD COLUMN "amends_file_id" text;--> statement-breakpoint
ALTER TABLE "usage_records" ADD COLUMN "amends_record_id" bigint;--> statement-breakpoint
ALTER TABLE "usage_records" ADD COLUMN "reversal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_amends_file_id_usage_files_id_fk" FOREIGN KEY ("amends_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_files_amends_file_id_idx" ON "usage_files" USING btree ("amends_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_file_record_id_key" ON "usage_records" USING btree ("usage_file_id","generation",record_id COLLATE "C") WHERE errors IS NULL AND NOT reversal;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_reversal_check" CHECK (NOT reversal OR amends_record_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_quantity_check" CHECK (quantity IS NULL OR quantity >= 0 OR reversal);--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_amount_check" CHECK (amount IS NULL OR amount >= 0 OR reversal);