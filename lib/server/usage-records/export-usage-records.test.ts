import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { usageRecords } from "@/db/schema";
import { withTestDatabase } from "@/test/db";
import { downloadedBytes, downloadedCsvRows } from "@/test/downloads";
import { visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, northwindDistributor } from "@/test/usage-workbooks";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";
import { closeUsageRecords } from "./close-usage-records";
import { exportUsageFile, exportUsageRecords } from "./export-usage-records";

const database = withTestDatabase();

const accepted = "UF-2026-10-1001-0005";
const pending = "UF-2026-10-1001-0003";
const contosoPending = "UF-2026-10-1001-0004";
const ready = "UF-2026-10-1001-0002";
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };

const formulaNotes = ['=HYPERLINK("http://evil")', "+1", "-2 units", "@SUM(A1)", "\tpadded", "plain", "a=b"];

async function setNotes(ids: number[], notes: string[]) {
  const db = database.handle.db;
  for (const [index, id] of ids.entries()) {
    await db
      .update(usageRecords)
      .set({ note: notes[index] })
      .where(and(eq(usageRecords.usageFileId, accepted), eq(usageRecords.id, id)));
  }
}

describe("exporting records for billing", () => {
  it("exports every record of an Accepted file as CSV, with status and billing columns and escaped formulas", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const records = await visibleRecords(db, accepted);
    await setNotes(
      records.slice(0, formulaNotes.length).map((r) => r.id),
      formulaNotes,
    );
    await closeUsageRecords(
      northwindDistributor,
      accepted,
      [{ recordId: `UR-${records[0]!.id}`, externalBillingId: "=INV-1", externalBillingNote: "paid" }],
      "selection",
    );

    const rows = await downloadedCsvRows(await exportUsageFile(northwindDistributor, accepted, "csv"));
    expect(rows).toHaveLength(records.length);
    expect(Object.keys(rows[0]!)).toEqual([
      "id",
      "usage_file_id",
      "record_id",
      "item_mpn",
      "subscription_external_id",
      "quantity",
      "start_time_utc",
      "end_time_utc",
      "amount",
      "tier",
      "category_id",
      "note",
      "status",
      "external_billing_id",
      "external_billing_note",
      "item_name",
      "item_unit",
      "subscription_id",
      "tier1_account_id",
      "tier1_account_name",
      "tier2_account_id",
      "tier2_account_name",
      "amends",
    ]);
    expect(rows.slice(0, formulaNotes.length).map((row) => row.note)).toEqual([
      `'=HYPERLINK("http://evil")`,
      "'+1",
      "'-2 units",
      "'@SUM(A1)",
      "'\tpadded",
      "plain",
      "a=b",
    ]);
    expect(rows[0]).toMatchObject({
      id: `UR-${records[0]!.id}`,
      status: "closed",
      external_billing_id: "'=INV-1",
      external_billing_note: "paid",
    });
    expect(rows[1]).toMatchObject({ status: "accepted", external_billing_id: "", quantity: records[1]!.quantity });
    expect(rows[1]!.start_time_utc).toMatch(/^\d{4}-\d{2}-\d{2} 00:00:00$/);
  });

  it("names each record's item with its unit, and its subscription's tier accounts", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [record] = await visibleRecords(db, accepted);
    await db.execute(
      sql`UPDATE subscriptions SET tier1_account_id = 'ACC-0004', tier2_account_id = 'ACC-0005' WHERE id = ${record!.subscriptionId}`,
    );
    const [row] = await downloadedCsvRows(await exportUsageFile(northwindDistributor, accepted, "csv"));
    expect(row).toMatchObject({
      item_name: "Backup storage",
      item_unit: "TB-month",
      subscription_id: record!.subscriptionId,
      tier1_account_id: "ACC-0004",
      tier1_account_name: "Northwind Distribution",
      tier2_account_id: "ACC-0005",
      tier2_account_name: "Contoso Reseller",
    });
  });

  it("writes the same rows as an .xlsx sheet, with number cells a spreadsheet sums and UTC date cells", async () => {
    await seedDemoData(database.handle.db);
    const csv = await downloadedCsvRows(await exportUsageFile(northwindDistributor, accepted, "csv"));
    const workbook = new ExcelJS.Workbook();
    const bytes = await downloadedBytes(await exportUsageFile(northwindDistributor, accepted, "xlsx"));
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("records")!;
    expect(sheet.rowCount).toBe(31);
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(Object.keys(csv[0]!));
    const cell = (rowNumber: number, column: string) => sheet.getRow(rowNumber).getCell(header.indexOf(column) + 1);
    expect(cell(2, "status").value).toBe("accepted");
    expect(cell(2, "quantity").value).toBe(Number(csv[0]!.quantity));
    expect(cell(2, "amount").value).toBe(Number(csv[0]!.amount));
    expect(cell(2, "start_time_utc").value).toEqual(new Date(`${csv[0]!.start_time_utc!.replace(" ", "T")}Z`));
    expect(cell(2, "start_time_utc").numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(cell(2, "record_id").value).toBe(csv[0]!.record_id);
    expect(workbook.getWorksheet("notes")).toBeUndefined();
  });

  it("keeps as text, and says why, a quantity a spreadsheet number would round", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [record] = await visibleRecords(db, accepted);
    await db
      .update(usageRecords)
      .set({ quantity: "12345678.12345678" })
      .where(and(eq(usageRecords.usageFileId, accepted), eq(usageRecords.id, record!.id)));
    const workbook = new ExcelJS.Workbook();
    const bytes = await downloadedBytes(await exportUsageFile(northwindDistributor, accepted, "xlsx"));
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const quantity = workbook.getWorksheet("records")!.getCell("F2");
    expect(quantity.value).toBe("12345678.12345678");
    expect(JSON.stringify(quantity.note)).toContain("more than 15 significant digits");
    expect(workbook.getWorksheet("records")!.getCell("F3").value).toEqual(expect.any(Number));
    expect(workbook.getWorksheet("notes")!.getCell("A1").value).toBe(
      "1 quantity or amount cells of the records sheet are text, the first at F2.",
    );
  });

  it("leaves the database usable: transactions after exports go through", async () => {
    await seedDemoData(database.handle.db);
    // A few thousand rows: enough for the COPY output to arrive in chunks that fill the stream's buffer.
    await database.handle.db.execute(sql`
      INSERT INTO usage_records (usage_file_id, generation, row_number, record_id, item_id, subscription_id, quantity, start_time, end_time)
      SELECT usage_file_id, generation, row_number + 100 * copy, record_id || '-' || copy, item_id, subscription_id, quantity, start_time, end_time
      FROM usage_records, generate_series(1, 100) AS copy WHERE usage_file_id = ${accepted}`);
    for (const format of ["csv", "xlsx", "csv"] as const)
      await downloadedBytes(await exportUsageFile(northwindDistributor, accepted, format));
    const closing = closeUsageFile(northwindDistributor, accepted, {
      externalBillingId: "INV-1",
      externalBillingNote: "",
    });
    expect(await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5000, "hung"))])).toMatchObject({
      ok: true,
    });
  });

  it("never exports the vendor's internal note", async () => {
    await seedDemoData(database.handle.db);
    const csv = (await downloadedBytes(await exportUsageFile(northwindDistributor, accepted, "csv"))).toString();
    const across = (await downloadedBytes(exportUsageRecords(northwindDistributor, { format: "csv" }))).toString();
    for (const text of [csv, across]) expect(text).not.toContain("metering warehouse");
  });

  it("exports only Accepted and Closed files, and only to their distributor", async () => {
    await seedDemoData(database.handle.db);
    expect(await exportUsageFile(northwindDistributor, pending, "csv")).toMatchObject({ code: "invalid_transition" });
    expect(await exportUsageFile(contosoReseller, accepted, "csv")).toMatchObject({ code: "not_found" });
    expect(await exportUsageFile(northwindDistributor, contosoPending, "csv")).toMatchObject({ code: "not_found" });
    expect(await exportUsageFile(northwindDistributor, ready, "csv")).toMatchObject({ code: "not_found" });
    expect(await exportUsageFile(acmeVendor, accepted, "csv")).toMatchObject({ code: "forbidden" });
    expect(exportUsageRecords(acmeVendor, { format: "csv" })).toMatchObject({ code: "forbidden" });
  });

  it("exports across files only the accepted records the distributor may see", async () => {
    await seedDemoData(database.handle.db);
    const rows = await downloadedCsvRows(exportUsageRecords(northwindDistributor, { format: "csv" }));
    expect(new Set(rows.map((row) => row.usage_file_id))).toEqual(new Set([accepted]));
    expect(await downloadedCsvRows(exportUsageRecords(contosoReseller, { format: "csv" }))).toEqual([]);
    expect(
      await downloadedCsvRows(exportUsageRecords(northwindDistributor, { format: "csv", fileStatus: "closed" })),
    ).toEqual([]);
  });
});
