ALTER TABLE "usage_files" ADD COLUMN "first_record_id" bigint;--> statement-breakpoint
ALTER TABLE "usage_files" ADD COLUMN "last_record_id" bigint;--> statement-breakpoint
-- Backfill: each file's range over its current generation, read from that partition's primary key.
UPDATE "usage_files" SET
  "first_record_id" = (SELECT min(r.id) FROM "usage_records" r WHERE r.usage_file_id = "usage_files".id AND r.generation = "usage_files".generation),
  "last_record_id" = (SELECT max(r.id) FROM "usage_records" r WHERE r.usage_file_id = "usage_files".id AND r.generation = "usage_files".generation);--> statement-breakpoint
CREATE INDEX "usage_files_record_ids_idx" ON "usage_files" USING gist (int8range(first_record_id, last_record_id, '[]')) WHERE first_record_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_record_ids_check" CHECK ((first_record_id IS NULL) = (last_record_id IS NULL) AND (first_record_id IS NULL OR first_record_id <= last_record_id));