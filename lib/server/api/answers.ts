import "server-only";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import {
  accounts,
  contracts,
  items,
  products,
  subscriptions,
  usageFiles,
  usageRules,
  users,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import { accountKinds } from "@/lib/domain/catalog";
import { errorDetailSchema } from "@/lib/domain/error-detail";
import { missingUsageSchema } from "@/lib/domain/missing-usage";
import { notificationTypes } from "@/lib/domain/notifications";
import { closingRefusalReasons } from "@/lib/domain/record-closing";
import { recordErrorSchema } from "@/lib/domain/record-errors";
import { usageFileStatusSchema, usageRecordStatusSchema } from "@/lib/domain/usage-file-status";
import { usageFileStatsSchema } from "@/lib/domain/usage-stats";
import { usageWarningSchema, warningCountsSchema } from "@/lib/domain/usage-warnings";
import { anomalyCountsSchema, anomalyKinds } from "@/lib/domain/usage-anomalies";
import { aggregateGroupings, summedStatuses, usageAggregateSchema } from "@/lib/domain/usage-aggregates";
import { comparedRecordFields } from "@/lib/domain/usage-disputes";
import { amendmentRoles } from "@/lib/domain/usage-amendments";

/**
 * What the API answers, object by object. A route's value is written through its endpoint's
 * answer schema, so the answer holds exactly the fields the OpenAPI document lists (an internal
 * column added to a table stays internal), and TypeScript checks each use case's value against it.
 * Table-shaped objects start from their tables' columns (drizzle-zod).
 */

const textMap = z.record(z.string(), z.string());

const usageFile = createSelectSchema(usageFiles, {
  amends: (schema) => schema.describe("The Accepted or Closed file this one amends (UF-…); null for a file of its own"),
  errorDetail: errorDetailSchema.nullable(),
  stats: usageFileStatsSchema.nullable(),
  warningCounts: warningCountsSchema
    .nullable()
    .describe("How many of its records carry each warning code; null until the file is first processed"),
  anomalyCounts: anomalyCountsSchema
    .nullable()
    .describe("How many subscription × item totals are anomalous, by kind; null until the file is first processed"),
})
  .omit({ generation: true, uploadedFileId: true, firstRecordId: true, lastRecordId: true, internalNote: true })
  .extend({
    internalNote: z.string().nullable().describe("The vendor's own note; null for everyone else"),
    productName: z.string(),
    vendorName: z.string(),
    distributorName: z.string(),
  });

const listedRecord = z.object({
  id: z.string().describe("UR-…: the current record's; for a removed record, the rejected one's"),
  recordId: z.string().describe("The vendor's record_id, by which records are matched across uploads"),
  disputeReason: z.string().nullable().describe("The reason the last rejection disputed it with; null if it did not"),
});

const usageFileChanges = z.object({
  rejectedAt: z
    .date()
    .nullable()
    .describe("The last rejection; null (and nothing listed) if the file was never rejected"),
  counts: z.object({
    changed: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
    disputedUnchanged: z.number().int(),
    disputed: z.number().int().describe("How many records the last rejection disputed"),
  }),
  changed: z
    .array(
      listedRecord.extend({
        changes: z.array(
          z.object({
            field: z.enum(comparedRecordFields),
            old: z.string().nullable(),
            new: z.string().nullable(),
          }),
        ),
      }),
    )
    .describe("Records whose values differ from the rejected ones, field by field (the first `limit`, by record_id)"),
  added: z.array(listedRecord).describe("Records whose record_id the rejected file did not have"),
  removed: z.array(listedRecord).describe("Rejected records whose record_id the file no longer has"),
  disputedUnchanged: z.array(listedRecord).describe("Disputed records that did not change"),
});

const usageRecord = z.object({
  id: z.string().describe("The record's public id, UR-…"),
  usageFileId: z.string(),
  rowNumber: z.number().int(),
  recordId: z.string().describe("The vendor's record_id"),
  note: z.string().nullable(),
  status: usageRecordStatusSchema,
  itemId: z.string().nullable(),
  itemMpn: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  subscriptionExternalId: z.string().nullable(),
  quantity: z.string().nullable().describe("An exact decimal, as text"),
  startTime: z.date().nullable(),
  endTime: z.date().nullable(),
  amount: z.string().nullable().describe("An exact decimal, as text"),
  tier: z.number().int().nullable(),
  categoryId: z.string().nullable(),
  errors: z.array(recordErrorSchema).nullable(),
  sheetCells: textMap.nullable().describe("An invalid record's cells as read, by header: for its vendor only"),
  externalBillingId: z.string().nullable(),
  externalBillingNote: z.string().nullable(),
  warnings: z
    .array(usageWarningSchema)
    .describe("What a reviewer should look at before billing it; a warning never makes a record invalid"),
  amends: z
    .string()
    .nullable()
    .describe("In an amendment: UR-… of the billed record this one replaces or, as a reversal, takes back"),
  reversal: z
    .boolean()
    .describe("Written when an amendment is accepted: the amended record with its quantity and amount negated"),
  amendment: z
    .enum(amendmentRoles)
    .nullable()
    .describe("In an amendment, what the record does to the billed ones (a quantity of 0 cancels); null elsewhere"),
});

const closingReport = z.object({
  closed: z.array(z.string()).describe("The ids (UR-…) of the records closed"),
  refused: z.array(
    z.object({
      id: z.string().describe("The record's public id, UR-…, as asked for"),
      reason: z.enum(closingRefusalReasons),
    }),
  ),
});

const user = createSelectSchema(users)
  .pick({
    id: true,
    email: true,
    name: true,
    role: true,
    active: true,
    mustChangePassword: true,
    accountId: true,
    createdAt: true,
  })
  .extend({ accountName: z.string() });

const item = createSelectSchema(items);
const product = createSelectSchema(products).extend({ vendorName: z.string() });

const event = z.object({
  id: z.string().describe("The event's id, evt_…"),
  type: z.enum(notificationTypes),
  timestamp: z.string().describe("When it happened, ISO 8601"),
  data: z
    .record(z.string(), z.unknown())
    .describe(
      "The usage file as you may see it (as GET /usage/files/{id} shows it); for usage_records.closed, {usage_file, count, ids, all_remaining}; for usage_file.commented, {usage_file, comment: {id, text, author_name, author_account_id, author_account_name, created_at, record: {id, record_id} | null}}",
    ),
});

const webhookEndpoint = createSelectSchema(webhookEndpoints)
  .omit({ secret: true, eventTypes: true, createdBy: true })
  .extend({
    accountName: z.string(),
    events: z.array(z.enum(notificationTypes)).describe("The event types sent to it"),
    failingSince: z.date().nullable().describe("Since when every delivery failed; turned off after 5 days"),
  });

const webhookSecret = z.string().describe("The signing secret, whsec_…: shown this once");

const usageFileAnomaly = z.object({
  subscriptionId: z.string(),
  subscriptionExternalId: z.string().nullable(),
  itemId: z.string(),
  itemMpn: z.string().nullable(),
  itemName: z.string().nullable(),
  unit: z.string().nullable(),
  kind: z.enum(anomalyKinds),
  quantity: z.string().describe("The file's total for the subscription and item, an exact decimal as text"),
  baseline: z.string().describe("The median of its monthly totals in the history"),
  deviation: z.number().describe("Robust deviations (1.4826 × MAD) from the baseline; negative below it"),
  history: z
    .array(z.object({ month: z.string(), quantity: z.string() }))
    .describe("Its billable total in each month of history the contract has decided files for, oldest first"),
});

const usageRule = createSelectSchema(usageRules).extend({
  productName: z.string(),
  contractMarketplace: z.string(),
});

const usageFileComment = z.object({
  id: z.string().describe("The comment's id, UC-…"),
  usageFileId: z.string(),
  recordId: z.string().nullable().describe("The record it is about, UR-…; null for the whole file"),
  recordRef: z.string().nullable().describe("That record's record_id, as the vendor named it"),
  text: z.string(),
  authorName: z.string(),
  authorAccountId: z.string(),
  authorAccountName: z.string(),
  authorAccountKind: z.enum(accountKinds),
  createdAt: z.date(),
});

export const answers = {
  usageFileComment,
  usageFile,
  usageRule,
  deletedUsageRule: z.object({ id: z.string(), deleted: z.literal(true) }),
  usageFileAnomalies: z.object({ anomalies: z.array(usageFileAnomaly) }),
  usageFileChanges,
  usageFileStatus: z.object({ status: usageFileStatusSchema }),
  deletedUsageFile: z.object({ id: z.string(), status: usageFileStatusSchema }),
  usageRecord,
  closingReport,
  reconciliationReport: closingReport.extend({ rowsWithoutBillingId: z.number().int() }),
  account: createSelectSchema(accounts).extend({ users: z.number().int() }),
  user,
  createdUser: user.extend({ temporaryPassword: z.string().describe("Shown this once") }),
  temporaryPassword: z.object({ temporaryPassword: z.string().describe("Shown this once") }),
  contract: createSelectSchema(contracts).extend({ vendorName: z.string(), distributorName: z.string() }),
  productSummary: product.extend({ items: z.number().int().describe("How many items it has") }),
  product: product.extend({ items: z.array(item) }),
  item,
  subscription: createSelectSchema(subscriptions, { parameters: textMap }).extend({ productName: z.string() }),
  imported: z.object({ imported: z.number().int() }),
  missingUsage: missingUsageSchema,
  usageAggregates: z.object({
    period: z.string(),
    groupBy: z.array(z.enum(aggregateGroupings)),
    status: z.array(z.enum(summedStatuses)),
    groups: z.array(usageAggregateSchema),
  }),
  webhookEndpoint,
  createdWebhookEndpoint: webhookEndpoint.extend({ secret: webhookSecret }),
  webhookSecret: z.object({ secret: webhookSecret }),
  deletedWebhookEndpoint: z.object({ id: z.string(), deleted: z.literal(true) }),
  webhookDelivery: createSelectSchema(webhookDeliveries, {
    payload: z.record(z.string(), z.unknown()).describe("The body sent: {type, timestamp, data}"),
  })
    .omit({ seq: true, endpointId: true, notificationId: true })
    .extend({
      id: z.string().describe("The webhook-id header of every attempt, msg_…"),
      nextAttemptAt: z.date().nullable().describe("When it is tried next; null once delivered or given up"),
    }),
  eventsPage: z.object({
    events: z.array(event),
    nextCursor: z.string().nullable().describe("Pass as `after` to read on; unchanged while nothing is newer"),
  }),
};
