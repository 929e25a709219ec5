CREATE TABLE "usage_file_anomalies" (
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"subscription_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" numeric NOT NULL,
	"baseline" numeric NOT NULL,
	"deviation" double precision NOT NULL,
	"history" jsonb NOT NULL,
	CONSTRAINT "usage_file_anomalies_usage_file_id_generation_subscription_id_item_id_pk" PRIMARY KEY("usage_file_id","generation","subscription_id","item_id"),
	CONSTRAINT "usage_file_anomalies_kind_check" CHECK (kind IN ('spike', 'drop', 'new', 'vanished'))
);
--> statement-breakpoint
CREATE TABLE "usage_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"distributor_account_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"product_id" text NOT NULL,
	"delay_minutes" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_rules_delay_check" CHECK (delay_minutes >= 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "overlap_policy" text DEFAULT 'warn' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "anomaly_thresholds" jsonb;--> statement-breakpoint
ALTER TABLE "usage_files" ADD COLUMN "anomaly_counts" jsonb;--> statement-breakpoint
ALTER TABLE "usage_file_anomalies" ADD CONSTRAINT "usage_file_anomalies_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rules" ADD CONSTRAINT "usage_rules_distributor_account_id_accounts_id_fk" FOREIGN KEY ("distributor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rules" ADD CONSTRAINT "usage_rules_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rules" ADD CONSTRAINT "usage_rules_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rules" ADD CONSTRAINT "usage_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_rules_contract_product_key" ON "usage_rules" USING btree ("contract_id","product_id");--> statement-breakpoint
CREATE INDEX "usage_rules_distributor_idx" ON "usage_rules" USING btree ("distributor_account_id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_overlap_policy_check" CHECK (overlap_policy IN ('warn', 'block'));