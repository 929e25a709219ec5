import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  accountKinds,
  itemPrecisions,
  itemTypes,
  subscriptionStatuses,
  usageSchemas,
  userRoles,
} from "@/lib/domain/catalog";
import type { EventAction, EventObjectType } from "@/lib/domain/events";
import type { MailTopic } from "@/lib/domain/notification-mail";
import { notificationTypes, type Notification, type NotificationType } from "@/lib/domain/notifications";
import { commentTextMax } from "@/lib/domain/usage-comments";
import { usageFileStatuses } from "@/lib/domain/usage-file-status";
import type { ErrorDetail } from "@/lib/domain/error-detail";
import type { RecordError } from "@/lib/domain/record-errors";
import type { UsageFileStats } from "@/lib/domain/usage-stats";
import { overlapPolicies, usageWarningCodes, type WarningCounts } from "@/lib/domain/usage-warnings";
import { anomalyKinds, type AnomalyCounts, type AnomalyThresholds } from "@/lib/domain/usage-anomalies";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const utc = (name: string) => timestamp(name, { withTimezone: true });

/** `CHECK (column IN (...))` for a TypeScript string union kept in lib/domain. */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(", ")})`);
}

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: accountKinds }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("accounts_kind_check", oneOf("kind", accountKinds)), uniqueIndex("accounts_name_key").on(t.name)],
);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    role: text("role", { enum: userRoles }).notNull(),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** What mails this user; null for the defaults of the user's role (mailTopicsOf). */
    emailEvents: jsonb("email_events").$type<MailTopic[]>(),
    /** Bumped on deactivation and password change: sessions issued before stop working. */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_role_check", oneOf("role", userRoles)),
    check("users_email_lower_check", sql`email = lower(email)`),
    uniqueIndex("users_email_key").on(t.email),
    index("users_account_idx").on(t.accountId),
  ],
);

/** Failed sign-ins per email, kept for unknown emails too so the lockout reveals nothing. */
export const signInThrottles = pgTable("sign_in_throttles", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: utc("locked_until"),
  lastFailureAt: utc("last_failure_at").notNull().defaultNow(),
});

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: utc("last_used_at"),
    revokedAt: utc("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash), index("api_keys_user_idx").on(t.userId)],
);

export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    vendorAccountId: text("vendor_account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    usageSchema: text("usage_schema", { enum: usageSchemas }).notNull(),
    currency: text("currency").notNull(),
    /** `block` makes records overlapping other usage invalid instead of only warning about them. */
    overlapPolicy: text("overlap_policy", { enum: overlapPolicies }).notNull().default("warn"),
    /** Null: the defaults of lib/domain/usage-anomalies.ts. */
    anomalyThresholds: jsonb("anomaly_thresholds").$type<AnomalyThresholds>(),
    createdAt: createdAt(),
  },
  (t) => [
    check("products_usage_schema_check", oneOf("usage_schema", usageSchemas)),
    check("products_overlap_policy_check", oneOf("overlap_policy", overlapPolicies)),
    check("products_currency_check", sql`currency ~ '^[A-Z]{3}$'`),
    index("products_vendor_idx").on(t.vendorAccountId),
  ],
);

export const items = pgTable(
  "items",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    mpn: text("mpn").notNull(),
    localId: text("local_id").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    precision: text("precision", { enum: itemPrecisions }).notNull(),
    type: text("type", { enum: itemTypes }).notNull(),
  },
  (t) => [
    check("items_precision_check", oneOf("precision", itemPrecisions)),
    check("items_type_check", oneOf("type", itemTypes)),
    uniqueIndex("items_product_mpn_key").on(t.productId, t.mpn),
    uniqueIndex("items_product_local_id_key").on(t.productId, t.localId),
  ],
);

export const contracts = pgTable(
  "contracts",
  {
    id: text("id").primaryKey(),
    vendorAccountId: text("vendor_account_id")
      .notNull()
      .references(() => accounts.id),
    /** The distributor or reseller account that reviews this contract's usage files. */
    distributorAccountId: text("distributor_account_id")
      .notNull()
      .references(() => accounts.id),
    marketplace: text("marketplace").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("contracts_vendor_idx").on(t.vendorAccountId),
    index("contracts_distributor_idx").on(t.distributorAccountId),
  ],
);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    externalId: text("external_id").notNull(),
    externalUid: text("external_uid").notNull(),
    parameters: jsonb("parameters").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: subscriptionStatuses }).notNull(),
    activeFrom: utc("active_from"),
    activeTo: utc("active_to"),
    tier1AccountId: text("tier1_account_id").references(() => accounts.id),
    tier2AccountId: text("tier2_account_id").references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("subscriptions_status_check", oneOf("status", subscriptionStatuses)),
    check("subscriptions_window_check", sql`active_to IS NULL OR active_from IS NULL OR active_from < active_to`),
    index("subscriptions_product_contract_idx").on(t.productId, t.contractId),
  ],
);

export const usageFiles = pgTable(
  "usage_files",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The vendor's own note: never shown to distributors. */
    internalNote: text("internal_note").notNull().default(""),
    /** The vendor's own reference for the file, shown to everyone who sees it; not unique. */
    externalId: text("external_id"),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    vendorAccountId: text("vendor_account_id")
      .notNull()
      .references(() => accounts.id),
    distributorAccountId: text("distributor_account_id")
      .notNull()
      .references(() => accounts.id),
    periodFrom: utc("period_from").notNull(),
    periodTo: utc("period_to").notNull(),
    currency: text("currency").notNull(),
    usageSchema: text("usage_schema", { enum: usageSchemas }).notNull(),
    status: text("status", { enum: usageFileStatuses }).notNull().default("draft"),
    acceptanceNote: text("acceptance_note"),
    rejectionNote: text("rejection_note"),
    /** Why the workbook is unusable, or a capped summary of record errors. */
    errorDetail: jsonb("error_detail").$type<ErrorDetail>(),
    stats: jsonb("stats").$type<UsageFileStats>(),
    /** How many current records carry each warning; null until the file is first checked. */
    warningCounts: jsonb("warning_counts").$type<WarningCounts>(),
    /** How many subscription × item pairs are anomalous, by kind; null until the file is first checked. */
    anomalyCounts: jsonb("anomaly_counts").$type<AnomalyCounts>(),
    /** Records of this upload generation are the file's records; others are being written or removed. */
    generation: integer("generation").notNull().default(0),
    /**
     * The least and greatest record id of the current generation, null while it has none: finding a
     * record by its public id looks in the files whose range holds it instead of in every partition.
     * Ids of uploads processed at once interleave, so a range may hold another file's ids too.
     */
    firstRecordId: bigint("first_record_id", { mode: "number" }),
    lastRecordId: bigint("last_record_id", { mode: "number" }),
    /** The spreadsheet the current records came from (or are being read from). */
    uploadedFileId: text("uploaded_file_id").references((): AnyPgColumn => storedFiles.id),
    progressRows: integer("progress_rows").notNull().default(0),
    progressPercent: smallint("progress_percent").notNull().default(0),
    /**
     * The Accepted or Closed file this one amends (issue 21): its records replace, add to or cancel
     * the original's by record_id, and its acceptance writes reversals instead of editing billed records.
     */
    amends: text("amends_file_id").references((): AnyPgColumn => usageFiles.id),
    /** "Close all remaining records" in one row: applies to every record without its own billing id. */
    billingId: text("billing_id"),
    billingNote: text("billing_note"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: utc("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("usage_files_status_check", oneOf("status", usageFileStatuses)),
    check("usage_files_usage_schema_check", oneOf("usage_schema", usageSchemas)),
    check("usage_files_period_check", sql`period_from < period_to`),
    index("usage_files_vendor_status_idx").on(t.vendorAccountId, t.status),
    index("usage_files_distributor_status_idx").on(t.distributorAccountId, t.status),
    index("usage_files_external_id_idx").on(t.externalId),
    index("usage_files_amends_file_id_idx").on(t.amends),
    check(
      "usage_files_record_ids_check",
      sql`(first_record_id IS NULL) = (last_record_id IS NULL) AND (first_record_id IS NULL OR first_record_id <= last_record_id)`,
    ),
    // Serves "the files whose range holds this id" (listUsageFilesHoldingRecordIds, lib/server/queries/usage-files.ts).
    // Without the WHERE, a file without records, int8range(NULL, NULL), would hold every id.
    index("usage_files_record_ids_idx")
      .using("gist", sql`int8range(first_record_id, last_record_id, '[]')`)
      .where(sql`first_record_id IS NOT NULL`),
  ],
);

export const usageRecordIds = pgSequence("usage_records_id_seq");

/**
 * A record's status is mostly its file's (SPEC §3); a record stores only what differs:
 * its validation errors, and its own closing with a billing id.
 *
 * The table is partitioned by (usage_file_id, generation): each upload's records are loaded into a
 * table of their own, indexed in bulk and attached, and a replaced upload is dropped whole
 * (db/record-partitions.ts). drizzle-kit cannot express partitioning, so
 * the migration that creates the table says `PARTITION BY` by hand. Ids follow the sheet's row order.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: bigint("id", { mode: "number" })
      .notNull()
      .default(sql`nextval('usage_records_id_seq')`),
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    rowNumber: integer("row_number").notNull(),
    recordId: text("record_id").notNull(),
    note: text("note"),
    itemId: text("item_id"),
    subscriptionId: text("subscription_id"),
    quantity: numeric("quantity"),
    startTime: utc("start_time"),
    endTime: utc("end_time"),
    amount: numeric("amount"),
    tier: smallint("tier"),
    categoryId: text("category_id"),
    params: jsonb("params").$type<Record<string, string>>(),
    errors: jsonb("errors").$type<RecordError[]>(),
    /** An invalid record's cells by header name, as read: what the vendor edits and the server re-validates. */
    sheetCells: jsonb("sheet_cells").$type<Record<string, string>>(),
    /** The cells the vendor corrected in the browser, by header name: the downloads write them back. */
    correctedCells: jsonb("corrected_cells").$type<Record<string, string>>(),
    externalBillingId: text("external_billing_id"),
    externalBillingNote: text("external_billing_note"),
    closedAt: utc("closed_at"),
    closedBy: text("closed_by"),
    /**
     * In an amendment: the original record (of the amended file or an earlier amendment) this one
     * replaces or, for a reversal, takes back.
     */
    amendsRecordId: bigint("amends_record_id", { mode: "number" }),
    /** Written when an amendment is accepted: the amended record with its quantity and amount negated. */
    reversal: boolean("reversal").notNull().default(false),
  },
  (t) => [
    check("usage_records_quantity_check", sql`quantity IS NULL OR quantity >= 0 OR reversal`),
    check("usage_records_amount_check", sql`amount IS NULL OR amount >= 0 OR reversal`),
    check("usage_records_reversal_check", sql`NOT reversal OR amends_record_id IS NOT NULL`),
    check("usage_records_tier_check", sql`tier IS NULL OR tier IN (0, 1, 2)`),
    // Unique among valid records: a repeated record_id is itself an error, kept on its row. A
    // reversal repeats the record_id of the record it takes back.
    primaryKey({ columns: [t.usageFileId, t.generation, t.id] }),
    // Bytewise ("C") comparison: the same equality, and a much cheaper index to build for 1M ids.
    uniqueIndex("usage_records_file_record_id_key")
      .on(t.usageFileId, t.generation, sql`record_id COLLATE "C"`)
      .where(sql`errors IS NULL AND NOT reversal`),
  ],
);

/**
 * A file's exact sums per subscription and item, written when its records are processed and kept
 * right as records are corrected or closed: the billing figures and `/usage/aggregates` add these
 * few rows per file instead of a million records. `closed_*` sums the records closed one by one
 * (a file-level "close all remaining" reference, or a Closed file, closes them all).
 */
export const usageFileTotals = pgTable(
  "usage_file_totals",
  {
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    itemId: text("item_id").notNull(),
    records: integer("records").notNull(),
    quantity: numeric("quantity").notNull(),
    /** Null when none of the records has an amount. */
    amount: numeric("amount"),
    closedRecords: integer("closed_records").notNull().default(0),
    closedQuantity: numeric("closed_quantity").notNull().default("0"),
    closedAmount: numeric("closed_amount"),
  },
  (t) => [primaryKey({ columns: [t.usageFileId, t.generation, t.subscriptionId, t.itemId] })],
);

/**
 * A record's warnings (lib/domain/usage-warnings.ts), at most one per code, each naming the other
 * record it was found against. Kept per generation like the records, and replaced whole when the
 * file is checked again.
 */
export const usageRecordWarnings = pgTable(
  "usage_record_warnings",
  {
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    usageRecordId: bigint("usage_record_id", { mode: "number" }).notNull(),
    code: text("code", { enum: usageWarningCodes }).notNull(),
    otherFileId: text("other_file_id")
      .notNull()
      .references(() => usageFiles.id),
    otherRecordId: bigint("other_record_id", { mode: "number" }).notNull(),
    /** The other record's `record_id` (the vendor's), kept so a message never reads another file's partition. */
    otherRecordKey: text("other_record_key").notNull(),
  },
  (t) => [
    check("usage_record_warnings_code_check", oneOf("code", usageWarningCodes)),
    primaryKey({ columns: [t.usageFileId, t.generation, t.usageRecordId, t.code] }),
    // The record grid's "warning = <code>" filter: the records of one file with that code.
    index("usage_record_warnings_code_idx").on(t.usageFileId, t.generation, t.code, t.usageRecordId),
  ],
);

/**
 * A file's record ids as sorted keys (lib/domain/record-id-keys.ts), per generation like its records:
 * what the repeated-id check reads of the other files instead of their records. Written when the
 * file is processed, or the first time it is checked against; a superset of the ids its records
 * hold, so a correction that changes an id adds the new one.
 */
export const usageRecordIdKeys = pgTable(
  "usage_record_id_keys",
  {
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    keys: bytea("keys").notNull(),
  },
  (t) => [primaryKey({ columns: [t.usageFileId, t.generation] })],
);

/**
 * A subscription × item whose total in a file is far from its history (lib/domain/usage-anomalies.ts),
 * kept per generation like the totals it is computed from, and replaced whole when checked again.
 */
export const usageFileAnomalies = pgTable(
  "usage_file_anomalies",
  {
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    itemId: text("item_id").notNull(),
    kind: text("kind", { enum: anomalyKinds }).notNull(),
    quantity: numeric("quantity").notNull(),
    baseline: numeric("baseline").notNull(),
    /** Robust deviations from the baseline: what the anomalies table is sorted by. */
    deviation: doublePrecision("deviation").notNull(),
    /** The pair's total in each month of history, oldest first: the row's chart. */
    history: jsonb("history").$type<{ month: string; quantity: string }[]>().notNull(),
  },
  (t) => [
    check("usage_file_anomalies_kind_check", oneOf("kind", anomalyKinds)),
    primaryKey({ columns: [t.usageFileId, t.generation, t.subscriptionId, t.itemId] }),
  ],
);

/**
 * A rejection of a file (issue 21): the generation of records it judged, which processing keeps
 * (its partition is not dropped when a re-upload replaces it) so the next review can be compared
 * with it, matched by the vendor's record_id.
 */
export const usageFileRejections = pgTable(
  "usage_file_rejections",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    rejectedBy: text("rejected_by").references(() => users.id),
    rejectedAt: createdAt(),
    /** When the vendor sent the file again after this rejection; its changed records were written then. */
    resubmittedAt: utc("resubmitted_at"),
  },
  (t) => [index("usage_file_rejections_file_idx").on(t.usageFileId, t.id)],
);

/**
 * The records changed or added since a rejection, written when the file is submitted again: the
 * grid's "changed since last review" filter reads these few ids instead of comparing every record.
 */
export const usageChangedRecords = pgTable(
  "usage_changed_records",
  {
    rejectionId: bigint("rejection_id", { mode: "number" })
      .notNull()
      .references(() => usageFileRejections.id),
    usageRecordId: bigint("usage_record_id", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rejectionId, t.usageRecordId] })],
);

/** A record the reviewer disputed when rejecting, with the reason the vendor reads; found again by its record_id. */
export const usageDisputedRecords = pgTable(
  "usage_disputed_records",
  {
    rejectionId: bigint("rejection_id", { mode: "number" })
      .notNull()
      .references(() => usageFileRejections.id),
    usageRecordId: bigint("usage_record_id", { mode: "number" }).notNull(),
    recordId: text("record_id").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rejectionId, t.usageRecordId] }),
    index("usage_disputed_records_record_id_idx").on(t.rejectionId, sql`record_id COLLATE "C"`),
  ],
);

/**
 * A record's values at the rejection, kept when the vendor corrects it in the browser afterwards
 * (the rejected generation's partition then holds the corrected values): what "changed" compares with.
 */
export const usageRejectedRecords = pgTable(
  "usage_rejected_records",
  {
    rejectionId: bigint("rejection_id", { mode: "number" })
      .notNull()
      .references(() => usageFileRejections.id),
    usageRecordId: bigint("usage_record_id", { mode: "number" }).notNull(),
    recordId: text("record_id").notNull(),
    note: text("note"),
    itemId: text("item_id"),
    subscriptionId: text("subscription_id"),
    quantity: numeric("quantity"),
    startTime: utc("start_time"),
    endTime: utc("end_time"),
    amount: numeric("amount"),
    tier: smallint("tier"),
    categoryId: text("category_id"),
    params: jsonb("params").$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.rejectionId, t.usageRecordId] }),
    index("usage_rejected_records_record_id_idx").on(t.rejectionId, sql`record_id COLLATE "C"`),
  ],
);

/**
 * A distributor's rule for the clean cases: a Pending file of the contract and product with no
 * warnings and no anomalies is accepted by the rule once it has waited `delay_minutes`.
 */
export const usageRules = pgTable(
  "usage_rules",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    distributorAccountId: text("distributor_account_id")
      .notNull()
      .references(() => accounts.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    delayMinutes: integer("delay_minutes").notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("usage_rules_delay_check", sql`delay_minutes >= 0`),
    uniqueIndex("usage_rules_contract_product_key").on(t.contractId, t.productId),
    index("usage_rules_distributor_idx").on(t.distributorAccountId),
  ],
);

export const categories = pgTable(
  "categories",
  {
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    generation: integer("generation").notNull(),
    categoryId: text("category_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.usageFileId, t.generation, t.categoryId] })],
);

/** Uploaded and processed spreadsheets, stored in the database in chunks. */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: text("id").primaryKey(),
    usageFileId: text("usage_file_id").references(() => usageFiles.id),
    purpose: text("purpose", { enum: ["uploaded", "processed"] }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("stored_files_usage_file_idx").on(t.usageFileId)],
);

export const storedFileChunks = pgTable(
  "stored_file_chunks",
  {
    storedFileId: text("stored_file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** Stored uncompressed (STORAGE EXTERNAL, migration 0016): see there why. */
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storedFileId, t.seq] })],
);

/** The audit trail: every transition and administrative change. */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    objectType: text("object_type").$type<EventObjectType>().notNull(),
    objectId: text("object_id").notNull(),
    action: text("action").$type<EventAction>().notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    actorAccountId: text("actor_account_id").references(() => accounts.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("events_object_idx").on(t.objectType, t.objectId, t.at), index("events_at_idx").on(t.at)],
);

/**
 * The conversation on a usage file: what its vendor and the distributor or reseller of its contract
 * write on it, or on one of its records. A record is named by its public id and its `record_id` as
 * they were when the comment was written: a later upload replaces the records, never the comments.
 */
export const usageFileComments = pgTable(
  "usage_file_comments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    /** The record's number (its public id is `UR-` and it), or null for a comment on the whole file. */
    recordId: bigint("record_id", { mode: "number" }),
    /** That record's `record_id`, the vendor's name for it. */
    recordRef: text("record_ref"),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id),
    authorAccountId: text("author_account_id")
      .notNull()
      .references(() => accounts.id),
    text: text("text").notNull(),
    /** The file's status when it was written: a distributor reads only those written once the file was submitted to it. */
    fileStatus: text("file_status", { enum: usageFileStatuses }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("usage_file_comments_text_check", sql.raw(`length(text) BETWEEN 1 AND ${commentTextMax}`)),
    check("usage_file_comments_record_check", sql`(record_id IS NULL) = (record_ref IS NULL)`),
    check("usage_file_comments_file_status_check", oneOf("file_status", usageFileStatuses)),
    index("usage_file_comments_file_idx").on(t.usageFileId, t.id),
  ],
);

/** PostgreSQL's 64-bit transaction id: orders the outbox by commit-safe position (lib/server/notifications). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * The outbox: one notification per usage-file transition (and per batch of records closed),
 * written in the transition's transaction. `file` is the file as its vendor saw it right after.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The writing transaction: readers see a notification only once every older transaction has ended. */
    txid: xid8("txid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
    type: text("type").$type<NotificationType>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    usageFileId: text("usage_file_id")
      .notNull()
      .references(() => usageFiles.id),
    vendorAccountId: text("vendor_account_id")
      .notNull()
      .references(() => accounts.id),
    distributorAccountId: text("distributor_account_id")
      .notNull()
      .references(() => accounts.id),
    fileStatus: text("file_status", { enum: usageFileStatuses }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    file: jsonb("file").$type<Notification["file"]>().notNull(),
    records: jsonb("records").$type<NonNullable<Notification["records"]>>(),
    comment: jsonb("comment").$type<NonNullable<Notification["comment"]>>(),
  },
  (t) => [
    check("notifications_type_check", oneOf("type", notificationTypes)),
    index("notifications_position_idx").on(t.txid, t.id),
    index("notifications_vendor_idx").on(t.vendorAccountId, t.txid, t.id),
    index("notifications_distributor_idx").on(t.distributorAccountId, t.txid, t.id),
  ],
);

/** A receiver of signed webhooks (Standard Webhooks), owned by an account: it gets what that account's users may see. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: jsonb("event_types").$type<NotificationType[]>().notNull(),
    /** `whsec_…`: signs every delivery; shown once, at creation and at rotation. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    /** When its deliveries started failing with no success since; null while it answers. */
    failingSince: utc("failing_since"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: utc("updated_at").notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId)],
);

export const webhookDeliveryStatuses = ["pending", "succeeded", "failed"] as const;

/** One message to one endpoint: its `webhook-id` is the same on every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    /** Orders an endpoint's first attempts as the notifications were written. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    notificationId: bigint("notification_id", { mode: "number" }).references(() => notifications.id),
    eventType: text("event_type").notNull(),
    /** The body sent, `{type, timestamp, data}`, as the endpoint's account may see it. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: utc("next_attempt_at").defaultNow(),
    lastAttemptAt: utc("last_attempt_at"),
    lastResponseStatus: integer("last_response_status"),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    check("webhook_deliveries_status_check", oneOf("status", webhookDeliveryStatuses)),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.seq),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

/**
 * The in-app inbox: a notification for each user of the accounts it concerns (but its actor), or a
 * webhook endpoint of the user's account turned off. An item is also what a mail is sent for.
 */
export const inboxItems = pgTable(
  "inbox_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    notificationId: bigint("notification_id", { mode: "number" }).references(() => notifications.id),
    disabledEndpointId: text("disabled_endpoint_id").references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    readAt: utc("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("inbox_items_subject_check", sql`num_nonnulls(notification_id, disabled_endpoint_id) = 1`),
    index("inbox_items_user_idx").on(t.userId, t.id),
    index("inbox_items_unread_idx")
      .on(t.userId)
      .where(sql`read_at IS NULL`),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;
export type Product = typeof products.$inferSelect;
export type UsageRule = typeof usageRules.$inferSelect;
export type Item = typeof items.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type UsageFile = typeof usageFiles.$inferSelect;
export type UsageRecord = typeof usageRecords.$inferSelect;
export type Event = typeof events.$inferSelect;
export type StoredFile = typeof storedFiles.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type UsageFileComment = typeof usageFileComments.$inferSelect;

export const usersRelations = relations(users, ({ one }) => ({
  account: one(accounts, { fields: [users.accountId], references: [accounts.id] }),
}));

export const usageFilesRelations = relations(usageFiles, ({ one }) => ({
  product: one(products, { fields: [usageFiles.productId], references: [products.id] }),
  contract: one(contracts, { fields: [usageFiles.contractId], references: [contracts.id] }),
  vendorAccount: one(accounts, { fields: [usageFiles.vendorAccountId], references: [accounts.id] }),
  distributorAccount: one(accounts, { fields: [usageFiles.distributorAccountId], references: [accounts.id] }),
}));
