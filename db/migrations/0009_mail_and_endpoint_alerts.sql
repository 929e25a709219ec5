ALTER TABLE "inbox_items" ALTER COLUMN "notification_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "disabled_endpoint_id" text;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_events" jsonb;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_disabled_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("disabled_endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_subject_check" CHECK (num_nonnulls(notification_id, disabled_endpoint_id) = 1);