ALTER TABLE "usage_records" ADD COLUMN "sheet_cells" jsonb;--> statement-breakpoint
ALTER TABLE "usage_records" ADD COLUMN "corrected_cells" jsonb;