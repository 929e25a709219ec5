import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { dailyUsageCharts } from "@/lib/domain/usage-charts";
import { listUsageFileItems } from "@/lib/server/queries/catalog";
import { withTestDatabase } from "@/test/db";
import { insertDraftFile, uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, xlsxOf } from "@/test/usage-workbooks";
import { correctUsageRecord } from "./correct-usage-record";

const database = withTestDatabase();

// A March 2026 file of Acme Backup (TR: amounts) on the Northwind contract.
const fileId = "UF-2026-03-1002-0001";
const header = [
  "record_id",
  "item_search_criteria",
  "item_search_value",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "asset_search_criteria",
  "asset_search_value",
  "amount",
  "tier",
];

function row(recordId: string, item: string, quantity: string, start: string, amount: string): string[] {
  return [
    recordId,
    "item.mpn",
    item,
    quantity,
    start,
    "2026-03-25 00:00:00",
    "asset.external_id",
    "EXT-100002001",
    amount,
    "1",
  ];
}

/** Sums of the file's valid current records per UTC day of their start (and item, unless `allItems`). */
async function recordSums(generation: number, { allItems = false } = {}) {
  const item = allItems ? sql`'all'` : sql`item_id`;
  return selectRows<{ item_id: string; day: string; quantity: string; amount: string }>(
    database.handle.db,
    sql`
    SELECT ${item} AS item_id, to_char(start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
           trim_scale(sum(quantity))::text AS quantity, trim_scale(sum(amount))::text AS amount
    FROM usage_records
    WHERE usage_file_id = ${fileId} AND generation = ${generation} AND errors IS NULL
    GROUP BY 1, 2
    ORDER BY 2`,
  );
}

describe("the review page's charts", () => {
  it("show per item and day the records' exact quantity sums, and per day their amount sums, after a correction too", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    await insertDraftFile(db, {
      id: fileId,
      productId: "PRD-100-002",
      usageSchema: "TR",
      currency: "EUR",
      periodFrom: new Date("2026-03-01T00:00:00Z"),
      periodTo: new Date("2026-04-01T00:00:00Z"),
    });
    const workbook = await xlsxOf({
      records: [
        header,
        row("tb-1", "ACME-BKP-TB", "1000000.01", "2026-03-10 00:00:00", "0.1"),
        row("tb-2", "ACME-BKP-TB", "0.99", "2026-03-10 23:59:59", "0.2"),
        row("tb-3", "ACME-BKP-TB", "12.5", "2026-03-11 08:00:00", "99999999.99"),
        row("restore-1", "ACME-BKP-RESTORE", "3", "2026-03-11 12:00:00", "10"),
        row("restore-2", "ACME-BKP-RESTORE", "2.5x", "2026-03-20 00:00:00", "7.25"),
      ],
    });
    const processed = await uploadAndProcess(db, fileId, "march.xlsx", workbook);
    expect(processed.status).toBe("invalid");
    const invalid = (await visibleRecords(db, fileId)).find((record) => record.recordId === "restore-2")!;
    const corrected = await correctUsageRecord(acmeVendor, {
      usageFileId: fileId,
      recordId: invalid.id,
      cells: { quantity: "2" },
    });
    expect(corrected).toEqual({ ok: true, value: { fileReady: true } });

    const file = await usageFileRow(db, fileId);
    const items = await listUsageFileItems(acmeVendor, fileId);
    const charts = dailyUsageCharts(
      file.stats!,
      { period: { from: file.periodFrom, to: file.periodTo }, currency: file.currency },
      items,
    )!;
    const sums = await recordSums(file.generation);

    const charted = charts.quantities.flatMap((series) =>
      series.bars.filter((bar) => bar.value !== "0").map((bar) => [series.itemId, bar.day, bar.value]),
    );
    expect(charted.sort()).toEqual(sums.map((sum) => [sum.item_id, sum.day, sum.quantity]).sort());
    expect(charts.quantities.map((series) => [series.title, series.unit, series.total])).toEqual([
      ["Backup storage", "TB-month", "1,000,013.5 TB-month"],
      ["Restores", "restore", "5 restore"],
    ]);

    const chartedAmounts = charts.amounts!.bars.filter((bar) => bar.value !== "0").map((bar) => [bar.day, bar.value]);
    const daySums = await recordSums(file.generation, { allItems: true });
    expect(chartedAmounts).toEqual(daySums.map((sum) => [sum.day, sum.amount]));
    expect(chartedAmounts).toEqual([
      ["2026-03-10", "0.3"],
      ["2026-03-11", "100000009.99"],
      ["2026-03-20", "7.25"],
    ]);
    expect(charts.amounts!.bars).toHaveLength(31);
    expect(charts.amounts!.total).toBe("100,000,017.54 EUR");
  });
});
