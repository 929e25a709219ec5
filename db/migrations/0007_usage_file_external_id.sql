ALTER TABLE "usage_files" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "usage_files_external_id_idx" ON "usage_files" USING btree ("external_id");