CREATE SEQUENCE "public"."usage_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_kind_check" CHECK (kind IN ('vendor', 'distributor', 'reseller', 'platform'))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"category_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "categories_usage_file_id_generation_category_id_pk" PRIMARY KEY("usage_file_id","generation","category_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"vendor_account_id" text NOT NULL,
	"distributor_account_id" text NOT NULL,
	"marketplace" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" text,
	"actor_account_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"mpn" text NOT NULL,
	"local_id" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"precision" text NOT NULL,
	"type" text NOT NULL,
	CONSTRAINT "items_precision_check" CHECK (precision IN ('integer', 'decimal_1', 'decimal_2', 'decimal_4', 'decimal_8')),
	CONSTRAINT "items_type_check" CHECK (type IN ('ppu', 'reservation'))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"vendor_account_id" text NOT NULL,
	"name" text NOT NULL,
	"usage_schema" text NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_usage_schema_check" CHECK (usage_schema IN ('QT', 'TR', 'PR', 'CR')),
	CONSTRAINT "products_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunks" (
	"stored_file_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_stored_file_id_seq_pk" PRIMARY KEY("stored_file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" text PRIMARY KEY NOT NULL,
	"usage_file_id" text,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"external_id" text NOT NULL,
	"external_uid" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"active_from" timestamp with time zone,
	"active_to" timestamp with time zone,
	"tier1_account_id" text,
	"tier2_account_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_status_check" CHECK (status IN ('active', 'suspended', 'terminated')),
	CONSTRAINT "subscriptions_window_check" CHECK (active_to IS NULL OR active_from IS NULL OR active_from < active_to)
);
--> statement-breakpoint
CREATE TABLE "usage_files" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"internal_note" text DEFAULT '' NOT NULL,
	"product_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"vendor_account_id" text NOT NULL,
	"distributor_account_id" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"usage_schema" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"acceptance_note" text,
	"rejection_note" text,
	"error_detail" jsonb,
	"stats" jsonb,
	"generation" integer DEFAULT 0 NOT NULL,
	"uploaded_file_id" text,
	"progress_rows" integer DEFAULT 0 NOT NULL,
	"progress_percent" smallint DEFAULT 0 NOT NULL,
	"billing_id" text,
	"billing_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_files_status_check" CHECK (status IN ('draft', 'uploading', 'processing', 'invalid', 'ready', 'pending', 'accepted', 'rejected', 'closed', 'deleted')),
	CONSTRAINT "usage_files_usage_schema_check" CHECK (usage_schema IN ('QT', 'TR', 'PR', 'CR')),
	CONSTRAINT "usage_files_period_check" CHECK (period_from < period_to)
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigint DEFAULT nextval('usage_records_id_seq') NOT NULL,
	"usage_file_id" text NOT NULL,
	"generation" integer NOT NULL,
	"row_number" integer NOT NULL,
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
	"errors" jsonb,
	"external_billing_id" text,
	"external_billing_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	CONSTRAINT "usage_records_usage_file_id_generation_id_pk" PRIMARY KEY("usage_file_id","generation","id"),
	CONSTRAINT "usage_records_quantity_check" CHECK (quantity IS NULL OR quantity >= 0),
	CONSTRAINT "usage_records_amount_check" CHECK (amount IS NULL OR amount >= 0),
	CONSTRAINT "usage_records_tier_check" CHECK (tier IS NULL OR tier IN (0, 1, 2))
) PARTITION BY RANGE ("usage_file_id", "generation");
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK (role IN ('vendor', 'distributor', 'admin')),
	CONSTRAINT "users_email_lower_check" CHECK (email = lower(email))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_vendor_account_id_accounts_id_fk" FOREIGN KEY ("vendor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_distributor_account_id_accounts_id_fk" FOREIGN KEY ("distributor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_vendor_account_id_accounts_id_fk" FOREIGN KEY ("vendor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_stored_file_id_stored_files_id_fk" FOREIGN KEY ("stored_file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tier1_account_id_accounts_id_fk" FOREIGN KEY ("tier1_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tier2_account_id_accounts_id_fk" FOREIGN KEY ("tier2_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_vendor_account_id_accounts_id_fk" FOREIGN KEY ("vendor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_distributor_account_id_accounts_id_fk" FOREIGN KEY ("distributor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_uploaded_file_id_stored_files_id_fk" FOREIGN KEY ("uploaded_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_files" ADD CONSTRAINT "usage_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_usage_file_id_usage_files_id_fk" FOREIGN KEY ("usage_file_id") REFERENCES "public"."usage_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_name_key" ON "accounts" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "contracts_vendor_idx" ON "contracts" USING btree ("vendor_account_id");--> statement-breakpoint
CREATE INDEX "contracts_distributor_idx" ON "contracts" USING btree ("distributor_account_id");--> statement-breakpoint
CREATE INDEX "events_object_idx" ON "events" USING btree ("object_type","object_id","at");--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "items_product_mpn_key" ON "items" USING btree ("product_id","mpn");--> statement-breakpoint
CREATE UNIQUE INDEX "items_product_local_id_key" ON "items" USING btree ("product_id","local_id");--> statement-breakpoint
CREATE INDEX "products_vendor_idx" ON "products" USING btree ("vendor_account_id");--> statement-breakpoint
CREATE INDEX "stored_files_usage_file_idx" ON "stored_files" USING btree ("usage_file_id");--> statement-breakpoint
CREATE INDEX "subscriptions_product_contract_idx" ON "subscriptions" USING btree ("product_id","contract_id");--> statement-breakpoint
CREATE INDEX "usage_files_vendor_status_idx" ON "usage_files" USING btree ("vendor_account_id","status");--> statement-breakpoint
CREATE INDEX "usage_files_distributor_status_idx" ON "usage_files" USING btree ("distributor_account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_file_record_id_key" ON "usage_records" USING btree ("usage_file_id","generation",record_id COLLATE "C") WHERE errors IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_account_idx" ON "users" USING btree ("account_id");