import "server-only";
import { and, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import {
  aggregateGroupings,
  summedStatuses,
  type AggregateGrouping,
  type UsageAggregate,
  type UsageAggregatesQuery,
  type UsageSum,
} from "@/lib/domain/usage-aggregates";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import { visibleUsageFiles } from "./usage-files";

/** Each grouping's columns (named as the answer names them) and the join that brings them. */
const groupings: Record<AggregateGrouping, { columns: Record<string, SQL>; join?: SQL }> = {
  vendor: {
    columns: { vendorId: sql`vendor.id`, vendorName: sql`vendor.name` },
    join: sql`JOIN accounts AS vendor ON vendor.id = usage_files.vendor_account_id`,
  },
  product: {
    columns: { productId: sql`products.id`, productName: sql`products.name` },
    join: sql`JOIN products ON products.id = usage_files.product_id`,
  },
  contract: { columns: { contractId: sql`usage_files.contract_id` } },
  subscription: {
    columns: { subscriptionId: sql`totals.subscription_id`, subscriptionExternalId: sql`subscriptions.external_id` },
    join: sql`JOIN subscriptions ON subscriptions.id = totals.subscription_id`,
  },
  item: {
    columns: { itemId: sql`items.id`, itemMpn: sql`items.mpn`, itemName: sql`items.name`, itemUnit: sql`items.unit` },
    join: sql`JOIN items ON items.id = totals.item_id`,
  },
};

/**
 * The file's stored sums split by record status: a Pending file's records are pending; an Accepted
 * file's are closed as far as they were closed one by one, accepted otherwise; all are closed once
 * the file is, or once its "close all remaining" reference is set.
 */
const byStatus = sql`CROSS JOIN LATERAL (VALUES
    ('pending', CASE WHEN usage_files.status = 'pending' THEN totals.records ELSE 0 END, totals.quantity, totals.amount),
    ('closed',
      CASE WHEN usage_files.status = 'closed' OR usage_files.billing_id IS NOT NULL THEN totals.records
           WHEN usage_files.status = 'accepted' THEN totals.closed_records ELSE 0 END,
      CASE WHEN usage_files.status = 'closed' OR usage_files.billing_id IS NOT NULL THEN totals.quantity ELSE totals.closed_quantity END,
      CASE WHEN usage_files.status = 'closed' OR usage_files.billing_id IS NOT NULL THEN totals.amount ELSE totals.closed_amount END),
    ('accepted',
      CASE WHEN usage_files.status = 'accepted' AND usage_files.billing_id IS NULL THEN totals.records - totals.closed_records ELSE 0 END,
      totals.quantity - totals.closed_quantity, totals.amount - coalesce(totals.closed_amount, 0))
  ) AS part(status, records, quantity, amount)`;

/** A row as selected: the grouping's columns, the currency, and each part's records, quantity and amount. */
type AggregateRow = Record<string, string | null> & { currency: string };

/**
 * A period's usage of the files the actor may see, grouped as asked and by currency, billable and
 * awaiting review apart: exact sums of the files' stored totals (a few rows per file, written when
 * each was processed), never of their records. The period is the month the files' periods start in,
 * as for the billing export.
 */
export async function listUsageAggregates(actor: Actor, query: UsageAggregatesQuery): Promise<UsageAggregate[]> {
  const { from, to } = monthPeriod(query.period);
  const chosen = aggregateGroupings.filter((grouping) => query.groupBy.includes(grouping));
  const columns = Object.entries(Object.assign({}, ...chosen.map((g) => groupings[g].columns)) as Record<string, SQL>);
  const keys = [...columns.map(([, column]) => column), sql`usage_files.currency`];
  const billable = sql`part.status IN ('accepted', 'closed')`;
  const sums = (name: string, where: SQL) => sql`
    (sum(part.records) FILTER (WHERE ${where}))::int AS ${sql.identifier(`${name}Records`)},
    trim_scale(sum(part.quantity) FILTER (WHERE ${where}))::text AS ${sql.identifier(`${name}Quantity`)},
    trim_scale(sum(part.amount) FILTER (WHERE ${where}))::text AS ${sql.identifier(`${name}Amount`)}`;
  const where = and(
    visibleUsageFiles(actor),
    inArray(usageFiles.status, ["pending", "accepted", "closed"]),
    gte(usageFiles.periodFrom, from),
    lt(usageFiles.periodFrom, to),
    sql`part.status IN ${query.status} AND part.records > 0`,
  );
  const db = await getDb();
  const rows = await selectRows<AggregateRow>(
    db,
    sql`SELECT ${sql.join(
      columns.map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`),
      sql`, `,
    )}${columns.length > 0 ? sql`, ` : sql``} usage_files.currency AS currency,
        ${sums("billable", billable)}, ${sums("pending", sql`part.status = 'pending'`)}
      FROM usage_files
      JOIN usage_file_totals AS totals ON totals.usage_file_id = usage_files.id AND totals.generation = usage_files.generation
      ${sql.join(
        chosen.flatMap((g) => groupings[g].join ?? []),
        sql` `,
      )}
      ${byStatus}
      WHERE ${where}
      GROUP BY ${sql.join(keys, sql`, `)}
      ORDER BY ${sql.join(keys, sql`, `)}`,
  );
  const withQuantity = chosen.includes("item");
  return rows.map((row) => {
    const sum = (name: "billable" | "pending"): UsageSum => ({
      records: Number(row[`${name}Records`] ?? 0),
      quantity: withQuantity ? (row[`${name}Quantity`] ?? "0") : null,
      amount: row[`${name}Amount`] ?? null,
    });
    const keyValues = Object.fromEntries(columns.map(([name]) => [name, row[name]]));
    return { ...keyValues, currency: row.currency, billable: sum("billable"), awaitingReview: sum("pending") };
  });
}

/** A dashboard's figures for a period: billable and awaiting review per vendor, product and item, and per currency. */
export async function listPeriodUsage(actor: Actor, period: string): Promise<PeriodUsage> {
  const status = [...summedStatuses];
  const [byItem, byCurrency] = await Promise.all([
    listUsageAggregates(actor, { period, groupBy: ["vendor", "product", "item"], status }),
    listUsageAggregates(actor, { period, groupBy: [], status }),
  ]);
  return { period, byItem, byCurrency };
}

export interface PeriodUsage {
  period: string;
  byItem: UsageAggregate[];
  byCurrency: UsageAggregate[];
}
