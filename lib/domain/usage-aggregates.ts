import { z } from "zod";
import { periodMonth, requiredPeriodMonth } from "./record-export";
import { statusLabels, type UsageFileStatus } from "./usage-file-status";

/** What a period's usage may be grouped by (`group_by`), in the order the answer's keys come. */
export const aggregateGroupings = ["vendor", "product", "contract", "subscription", "item"] as const;
export type AggregateGrouping = (typeof aggregateGroupings)[number];

/**
 * The record statuses whose usage is summed (SPEC §7): billable, Accepted or Closed, and awaiting
 * review, Pending. The two are never added together.
 */
export const summedStatuses = ["pending", "accepted", "closed"] as const;
export type SummedStatus = (typeof summedStatuses)[number];
export const billableStatuses: readonly SummedStatus[] = ["accepted", "closed"];

export const billingFigureLabels = {
  billable: "Billable (accepted and closed)",
  awaitingReview: "Awaiting review (pending)",
} as const;

/** What a file's totals count towards: billable, awaiting review, or neither (not submitted, or rejected). */
export function billingFigureLabelOf(fileStatus: UsageFileStatus): string {
  if (fileStatus === "accepted" || fileStatus === "closed") return billingFigureLabels.billable;
  if (fileStatus === "pending") return billingFigureLabels.awaitingReview;
  return `Not billable: ${statusLabels[fileStatus]}`;
}

/** `a,b,c` over the given values, each at most once; empty or missing is the fallback. */
function commaList<Value extends string>(values: readonly [Value, ...Value[]], fallback: readonly Value[]) {
  const known = new Set<string>(values);
  return z
    .string()
    .optional()
    .transform((text, context): Value[] => {
      const listed = (text ?? "")
        .split(",")
        .map((value) => value.trim())
        .filter(Boolean);
      const unknown = listed.filter((value) => !known.has(value));
      if (unknown.length > 0) {
        context.addIssue({ code: "custom", message: `Use any of ${values.join(", ")}; not ${unknown.join(", ")}.` });
        return z.NEVER;
      }
      return listed.length === 0 ? [...fallback] : values.filter((value) => listed.includes(value));
    })
    .describe(`Comma-separated, any of ${values.join(", ")}`);
}

export const usageAggregatesQuery = z.object({
  period: requiredPeriodMonth.describe("The files whose period starts in this month, YYYY-MM"),
  groupBy: commaList(aggregateGroupings, []),
  status: commaList(summedStatuses, summedStatuses),
});
export type UsageAggregatesQuery = z.output<typeof usageAggregatesQuery>;

/** Records and exact sums; `quantity` only within one item (units are never added), `amount` within one currency. */
export const usageSumSchema = z.object({
  records: z.number().int(),
  quantity: z.string().nullable().describe("Exact decimal text; null unless grouped by item: units are never added"),
  amount: z.string().nullable().describe("Exact decimal text, in the row's currency; null when no record has one"),
});
export type UsageSum = z.infer<typeof usageSumSchema>;

export const usageAggregateSchema = z.object({
  vendorId: z.string().optional(),
  vendorName: z.string().optional(),
  productId: z.string().optional(),
  productName: z.string().optional(),
  contractId: z.string().optional(),
  subscriptionId: z.string().optional(),
  subscriptionExternalId: z.string().optional(),
  itemId: z.string().optional(),
  itemMpn: z.string().optional(),
  itemName: z.string().optional(),
  itemUnit: z.string().optional(),
  currency: z.string(),
  billable: usageSumSchema.describe(billingFigureLabels.billable),
  awaitingReview: usageSumSchema.describe(billingFigureLabels.awaitingReview),
});
export type UsageAggregate = z.infer<typeof usageAggregateSchema>;

/** Usage is reported after a month ends: a dashboard shows the last full month unless asked for another. */
export function dashboardPeriod(asked: unknown, now: Date): string {
  const parsed = periodMonth.safeParse(asked);
  if (parsed.success) return parsed.data;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
