import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import {
  anomalyCountsOf,
  anomalyThresholdsSchema,
  baselineOf,
  classifyUsage,
  defaultAnomalyThresholds,
  historyMonths,
  median,
  type AnomalyCounts,
  type AnomalyKind,
  type AnomalyThresholds,
} from "@/lib/domain/usage-anomalies";

/** The file whose subscription × item totals are compared with their history. */
export interface AnomalyCheckedFile {
  id: string;
  generation: number;
  contractId: string;
  productId: string;
  periodFrom: Date;
  amends: string | null;
}

interface PairUsage {
  subscriptionId: string;
  itemId: string;
  /** The file's total, null when the pair is only in the history. */
  quantity: string | null;
  /** The pair's billable total by `YYYY-MM`, null when it has none in the history. */
  months: Record<string, string> | null;
  /** Whether the subscription is active in the file's period: only then is its silence an anomaly. */
  active: boolean;
}

const billableStatuses = sql`('accepted', 'closed')`;

/**
 * Compares each subscription × item total of the file (its stored totals, usage_file_totals) with the
 * same pair's totals in the billable files of the contract and product in the months before, and
 * replaces the file's anomalies. Runs in the caller's transaction; reads one row per pair.
 */
export async function checkUsageAnomalies(tx: Database, file: AnomalyCheckedFile): Promise<AnomalyCounts> {
  await tx.execute(
    sql`DELETE FROM usage_file_anomalies WHERE usage_file_id = ${file.id} AND generation = ${file.generation}`,
  );
  // An amendment holds a few corrections, not a month's usage: its own sums are no usage to judge.
  if (file.amends !== null) return anomalyCountsOf([]);
  const months = historyMonths(file.periodFrom);
  const covered = await coveredMonths(tx, file, months);
  if (covered.length === 0) return anomalyCountsOf([]);
  const pairs = await pairUsage(tx, file, months);
  const thresholds = await thresholdsOf(tx, file.productId);
  const anomalies = findAnomalies(pairs, covered, thresholds);
  await storeAnomalies(tx, file, anomalies);
  return anomalyCountsOf(anomalies.map((anomaly) => anomaly.kind));
}

function billableHistory(file: AnomalyCheckedFile, months: { from: Date; to: Date }) {
  return sql`f.contract_id = ${file.contractId} AND f.product_id = ${file.productId} AND f.id <> ${file.id}
    AND f.status IN ${billableStatuses}
    AND f.period_from >= ${months.from.toISOString()}::timestamptz
    AND f.period_from < ${months.to.toISOString()}::timestamptz`;
}

const monthOf = sql.raw(`to_char(f.period_from AT TIME ZONE 'UTC', 'YYYY-MM')`);

/** The months of history the contract has billable files for: a pair absent from one used nothing. */
async function coveredMonths(tx: Database, file: AnomalyCheckedFile, months: { from: Date; to: Date }) {
  const rows = await selectRows<{ month: string }>(
    tx,
    sql`SELECT DISTINCT ${monthOf} AS month FROM usage_files f WHERE ${billableHistory(file, months)} ORDER BY 1`,
  );
  return rows.map((row) => row.month);
}

async function pairUsage(tx: Database, file: AnomalyCheckedFile, months: { from: Date; to: Date }) {
  return selectRows<PairUsage>(
    tx,
    sql`WITH current_totals AS (
          SELECT subscription_id, item_id, quantity FROM usage_file_totals
          WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
        ),
        history AS (
          SELECT subscription_id, item_id, jsonb_object_agg(month, quantity::text) AS months
          FROM (
            SELECT ${monthOf} AS month, t.subscription_id, t.item_id, sum(t.quantity) AS quantity
            FROM usage_files f
            JOIN usage_file_totals t ON t.usage_file_id = f.id AND t.generation = f.generation
            WHERE ${billableHistory(file, months)}
            GROUP BY 1, 2, 3
          ) monthly
          GROUP BY subscription_id, item_id
        )
        SELECT p.subscription_id AS "subscriptionId", p.item_id AS "itemId", p.quantity::text AS quantity, p.months,
          coalesce(s.status = 'active', false) AS active
        FROM (
          SELECT subscription_id, item_id, c.quantity, h.months
          FROM current_totals c FULL JOIN history h USING (subscription_id, item_id)
        ) p
        LEFT JOIN subscriptions s ON s.id = p.subscription_id`,
  );
}

async function thresholdsOf(tx: Database, productId: string): Promise<AnomalyThresholds> {
  const [product] = await selectRows<{ thresholds: unknown }>(
    tx,
    sql`SELECT anomaly_thresholds AS thresholds FROM products WHERE id = ${productId}`,
  );
  const parsed = anomalyThresholdsSchema.safeParse(product?.thresholds);
  return parsed.success ? parsed.data : defaultAnomalyThresholds;
}

interface FoundAnomaly {
  subscriptionId: string;
  itemId: string;
  kind: AnomalyKind;
  quantity: string;
  baseline: string;
  deviation: number;
  history: { month: string; quantity: string }[];
}

function findAnomalies(pairs: readonly PairUsage[], covered: readonly string[], thresholds: AnomalyThresholds) {
  const histories = pairs.map((pair) => covered.map((month) => pair.months?.[month] ?? "0"));
  const amounts = histories.map((history) => history.map(Number));
  const typical = typicalUsageByItem(pairs, amounts);
  const found: FoundAnomaly[] = [];
  pairs.forEach((pair, at) => {
    const anomaly = classifyUsage(
      { quantity: Number(pair.quantity ?? 0), history: amounts[at]!, itemTypical: typical.get(pair.itemId) ?? null },
      thresholds,
    );
    if (!anomaly || (anomaly.kind === "vanished" && !pair.active)) return;
    found.push({
      subscriptionId: pair.subscriptionId,
      itemId: pair.itemId,
      kind: anomaly.kind,
      quantity: pair.quantity ?? "0",
      baseline: String(anomaly.baseline),
      deviation: anomaly.deviation,
      history: covered.map((month, index) => ({ month, quantity: histories[at]![index]! })),
    });
  });
  return found;
}

/**
 * What a subscription of each item typically uses: the median of the item's pairs' baselines with
 * usage. `histories` holds each pair's monthly totals, in the order of `pairs`.
 */
function typicalUsageByItem(pairs: readonly PairUsage[], histories: readonly number[][]) {
  const baselines = new Map<string, number[]>();
  pairs.forEach((pair, at) => {
    const baseline = baselineOf(histories[at]!);
    if (baseline <= 0) return;
    const ofItem = baselines.get(pair.itemId);
    if (ofItem) ofItem.push(baseline);
    else baselines.set(pair.itemId, [baseline]);
  });
  return new Map([...baselines].map(([itemId, values]) => [itemId, median(values)]));
}

const chunkRows = 5_000;

async function storeAnomalies(tx: Database, file: AnomalyCheckedFile, anomalies: readonly FoundAnomaly[]) {
  for (let start = 0; start < anomalies.length; start += chunkRows) {
    const rows = JSON.stringify(anomalies.slice(start, start + chunkRows));
    await tx.execute(sql`
      INSERT INTO usage_file_anomalies
        (usage_file_id, generation, subscription_id, item_id, kind, quantity, baseline, deviation, history)
      SELECT ${file.id}, ${file.generation}, a."subscriptionId", a."itemId", a.kind, a.quantity, a.baseline,
        a.deviation, a.history
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS a("subscriptionId" text, "itemId" text, kind text, quantity numeric, baseline numeric,
             deviation float8, history jsonb)`);
  }
}
