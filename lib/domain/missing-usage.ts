import { z } from "zod";
import type { SubscriptionStatus } from "./catalog";
import { usageFileScope, type Actor } from "./permissions";
import { periodMonth } from "./record-export";
import type { SubscriptionSortColumn } from "./subscription-query";
import { optionalText, pageParam, pageSizeParam, sortParam } from "./table-query";
import type { UsagePeriod } from "./usage-file-input";
import type { UsageFileStatus } from "./usage-file-status";
import { liveUsageFileStatuses } from "./usage-warnings";

/**
 * The subscriptions expected to report usage: Active ones only. A status is what a subscription is
 * now, and its active window says when it ran; a Suspended one has its service paused, and a
 * Terminated one is over, so neither is asked for usage (a subscription terminated within a month
 * drops out of that month's report too).
 */
export const usageExpectedStatuses = ["active"] as const satisfies readonly SubscriptionStatus[];

export interface SubscriptionActivity {
  status: SubscriptionStatus;
  activeFrom: Date | null;
  activeTo: Date | null;
}

/**
 * Whether a subscription should have reported usage in `period`: it is expected to report, and its
 * `[active_from, active_to)` window (a null end is open) overlaps the period. The missing-usage
 * query says the same in SQL (lib/server/queries/missing-usage.ts).
 */
export function expectsUsageIn(subscription: SubscriptionActivity, period: UsagePeriod): boolean {
  const { status, activeFrom, activeTo } = subscription;
  return (
    (usageExpectedStatuses as readonly SubscriptionStatus[]).includes(status) &&
    (activeFrom === null || activeFrom < period.to) &&
    (activeTo === null || activeTo > period.from)
  );
}

/**
 * The files whose usage a reader counts as reported: the live files (they are or will be billed)
 * that the reader may see. A distributor never sees a Ready file, so usage sent only in one is
 * still missing for it, as it is still missing from what it bills; for the vendor it is reported.
 */
export function usageReportingStatuses(actor: Actor): readonly UsageFileStatus[] {
  const seen = usageFileScope(actor).statuses;
  return liveUsageFileStatuses.filter((status) => seen.includes(status));
}

export const missingUsageSortColumns = [
  "externalId",
  "product",
  "contract",
  "activeFrom",
] as const satisfies readonly SubscriptionSortColumn[];
export type MissingUsageSortColumn = (typeof missingUsageSortColumns)[number];

/**
 * URL state of the missing-usage table. A period missing or not a month falls back to the page's
 * default (`dashboardPeriod`: the last full month), like the dashboards'.
 */
export const missingUsageListQuery = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(missingUsageSortColumns, { column: "externalId", desc: false }),
  period: periodMonth.optional().catch(undefined),
  product: optionalText,
  contract: optionalText,
});
export type MissingUsageListQuery = z.output<typeof missingUsageListQuery>;

/** What the report is asked for: a month, maybe one product or contract, and an order. */
export interface MissingUsageQuery {
  period: string;
  product?: string;
  contract?: string;
  sort: { column: MissingUsageSortColumn; desc: boolean };
}

/** A subscription that reported no usage for the period, and the last month it did (null: never). */
export const missingUsageSchema = z.object({
  subscriptionId: z.string(),
  externalId: z.string(),
  productId: z.string(),
  productName: z.string(),
  contractId: z.string(),
  activeFrom: z.date().nullable(),
  activeTo: z.date().nullable().describe("Exclusive; null while it runs"),
  lastReportedPeriod: z
    .string()
    .nullable()
    .describe(
      "The latest month (YYYY-MM, when the file's period starts) of a live file you may see that reports usage for it; null if none",
    ),
});
export type MissingUsage = z.infer<typeof missingUsageSchema>;
