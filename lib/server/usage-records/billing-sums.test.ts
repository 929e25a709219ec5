import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { parseDecimal, type DecimalText } from "@/lib/domain/decimal";
import { DecimalSum } from "@/lib/domain/decimal-sum";
import { withTestDatabase } from "@/test/db";
import { writtenBytes } from "@/test/written-workbooks";
import { northwindDistributor, uploadOf } from "@/test/usage-workbooks";
import { exportUsageFile } from "./export-usage-records";
import { reconcileUsageFile } from "./reconcile-usage-file";

const database = withTestDatabase();

const accepted = "UF-2026-10-1001-0005";

/** The accepted file grown to over 100,000 records with quantities of up to six decimals, a third with amounts. */
async function seedHundredThousandRecords(): Promise<void> {
  const db = database.handle.db;
  await seedDemoData(db);
  await db.execute(sql`
    INSERT INTO usage_records (usage_file_id, generation, row_number, record_id, item_id, subscription_id, quantity, amount, start_time, end_time)
    SELECT usage_file_id, generation, row_number + 100 * copy, record_id || '-' || copy, item_id, subscription_id,
      ((copy * 7919 + row_number * 104729) % 1000000007)::numeric / 1000000,
      CASE WHEN copy % 3 = 0 THEN ((copy * 31 + row_number) % 100000)::numeric / 100 END,
      start_time + make_interval(secs => copy), end_time
    FROM usage_records, generate_series(1, 3400) AS copy WHERE usage_file_id = ${accepted}`);
}

/** The file's valid records' ids and exact sums, added up from their stored values. */
async function sourceRecords(): Promise<{ ids: number[]; records: number; quantity: string; amount: string }> {
  const rows = await selectRows<{ id: number | string; quantity: string; amount: string | null }>(
    database.handle.db,
    sql`SELECT id, quantity::text AS quantity, amount::text AS amount
        FROM usage_records WHERE usage_file_id = ${accepted} AND errors IS NULL ORDER BY id`,
  );
  const quantity = new DecimalSum();
  const amount = new DecimalSum();
  for (const row of rows) {
    quantity.add(parseDecimal(row.quantity)!);
    if (row.amount !== null) amount.add(parseDecimal(row.amount)!);
  }
  return {
    ids: rows.map((row) => Number(row.id)),
    records: rows.length,
    quantity: quantity.value,
    amount: amount.value,
  };
}

/** The file's closed totals, summed over its subscriptions and items. */
async function closedTotals(): Promise<{ records: number; quantity: string; amount: string }> {
  const [totals] = await selectRows<{ records: number; quantity: string; amount: string }>(
    database.handle.db,
    sql`SELECT sum(closed_records)::int AS records, sum(closed_quantity)::text AS quantity, coalesce(sum(closed_amount), 0)::text AS amount
        FROM usage_file_totals AS t JOIN usage_files AS f ON f.id = t.usage_file_id AND f.generation = t.generation
        WHERE f.id = ${accepted}`,
  );
  return { ...totals!, quantity: parseDecimal(totals!.quantity)!, amount: parseDecimal(totals!.amount)! };
}

describe("billing sums at 100,000 records", () => {
  it("exports an .xlsx whose quantity and amount columns are numbers summing to the records' exact totals", async () => {
    await seedHundredThousandRecords();
    const source = await sourceRecords();
    expect(source.records).toBeGreaterThan(100_000);

    const download = await exportUsageFile(northwindDistributor, accepted, "xlsx");
    if (!download.ok) throw new Error(download.message);
    const bytes = await writtenBytes((out) => download.value.write(out));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {});
    const quantity = new DecimalSum();
    const amount = new DecimalSum();
    let rows = 0;
    let textCells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number === 1) continue;
        rows += 1;
        for (const [sum, column] of [
          [quantity, 6],
          [amount, 9],
        ] as const) {
          const value = row.getCell(column).value;
          if (value === null || value === undefined) continue;
          if (typeof value === "number") sum.add(parseDecimal(String(value)) as DecimalText);
          else textCells += 1;
        }
      }
    }
    expect({ rows, textCells, quantity: quantity.value, amount: amount.value }).toEqual({
      rows: source.records,
      textCells: 0,
      quantity: source.quantity,
      amount: source.amount,
    });
  }, 120_000);

  it("reconciles a sheet closing all of them, and the file's closed totals equal the records' exact sums", async () => {
    await seedHundredThousandRecords();
    const source = await sourceRecords();
    expect(await closedTotals()).toEqual({ records: 0, quantity: "0", amount: "0" });

    const sheet = [
      "id,external_billing_id,external_billing_note",
      ...source.ids.map((id) => `UR-${id},INV-${id % 97},October`),
    ].join("\n");
    const result = await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.csv", sheet));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.closed).toEqual(source.ids.map((id) => `UR-${id}`));
    expect(result.value.refused).toEqual([]);
    expect(await closedTotals()).toEqual({ records: source.records, quantity: source.quantity, amount: source.amount });
    const [records] = await selectRows<{ closedAsListed: number }>(
      database.handle.db,
      sql`SELECT count(*)::int AS "closedAsListed" FROM usage_records
          WHERE usage_file_id = ${accepted} AND closed_at IS NOT NULL
            AND external_billing_id = 'INV-' || (id % 97) AND external_billing_note = 'October'`,
    );
    expect(records!.closedAsListed).toBe(source.records);
    const after = await sourceRecords();
    expect({ quantity: after.quantity, amount: after.amount }).toEqual({
      quantity: source.quantity,
      amount: source.amount,
    });
  }, 120_000);
});
