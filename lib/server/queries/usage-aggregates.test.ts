import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { addDecimals, parseDecimal, type DecimalText } from "@/lib/domain/decimal";
import type { UsageAggregatesQuery } from "@/lib/domain/usage-aggregates";
import { formatExcelNumber } from "@/lib/server/spreadsheet/reader/excel-number";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { closeRemainingRecords, closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";
import { exportUsageFile, exportUsageRecords } from "@/lib/server/usage-records/export-usage-records";
import { withTestDatabase } from "@/test/db";
import { downloadedBytes, downloadedCsvRows } from "@/test/downloads";
import { setFilePeriod, uploadAndProcess } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  demoPeriodStart,
  globexVendor,
  northwindDistributor,
  recordsHeader,
} from "@/test/usage-workbooks";
import { listUsageAggregates } from "./usage-aggregates";

const database = withTestDatabase();
const admin = { userId: "USR-0001", accountId: "ACC-0001", role: "admin" as const };
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };
const period = demoPeriodStart().toISOString().slice(0, 7);
// A month of its own for the file of every precision, so that no seeded file adds to its sums.
const ownPeriod = { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", month: "2026-03" };

// Acme Compute's items, one of each precision, with quantities up to 15 significant digits.
const quantitiesByMpn: Record<string, string[]> = {
  "ACME-API-CALL": ["0", "7", "123456789012345"],
  "ACME-EGRESS-GB": ["0.1", "99999999999999.9", "3.5"],
  "ACME-VCPU-HR": ["0.01", "1234567890123.45", "162.59"],
  "ACME-STOR-GB": ["0.0001", "12345678901.2345", "2.5"],
  "ACME-AI-TOKEN": ["0.00000001", "1234567.12345678", "0.12345678"],
};

function usageCsv(): string {
  const day = (n: number) => new Date(Date.parse(ownPeriod.from) + n * 86_400_000).toISOString().slice(0, 19);
  const rows = Object.entries(quantitiesByMpn).flatMap(([mpn, quantities], itemIndex) =>
    quantities.map((quantity, index) => [
      `rec-${itemIndex}-${index}`,
      "item.mpn",
      mpn,
      quantity,
      day(index).replace("T", " "),
      day(index + 1).replace("T", " "),
      "asset.external_id",
      `EXT-10000100${index + 1}`,
    ]),
  );
  return [recordsHeader, ...rows].map((row) => row.join(",")).join("\n");
}

const exactSum = (values: readonly string[]) =>
  values.reduce<DecimalText>((sum, value) => addDecimals(sum, parseDecimal(value)!), "0" as DecimalText);

/** The export's quantity sums and record counts per item, as a spreadsheet's SUMIF and COUNTIF would make them. */
function sumsByItem(rows: readonly Record<string, string>[]) {
  const items = [...new Set(rows.map((row) => row.item_mpn!))].sort();
  return items.map((mpn) => {
    const ofItem = rows.filter((row) => row.item_mpn === mpn);
    return { mpn, records: ofItem.length, quantity: exactSum(ofItem.map((row) => row.quantity!)) };
  });
}

async function aggregates(actor = northwindDistributor, query: Partial<UsageAggregatesQuery> = {}) {
  return listUsageAggregates(actor, { period, groupBy: ["item"], status: ["pending", "accepted", "closed"], ...query });
}

/** The file of every precision's sums per item. */
async function ofOwnPeriod(part: "billable" | "awaitingReview", status?: UsageAggregatesQuery["status"]) {
  const groups = await aggregates(northwindDistributor, { period: ownPeriod.month, ...(status && { status }) });
  return groups
    .filter((group) => group[part].records > 0)
    .map((group) => ({ mpn: group.itemMpn, records: group[part].records, quantity: group[part].quantity }))
    .sort((a, b) => a.mpn!.localeCompare(b.mpn!));
}

/** The seeded draft with a record of every precision, processed, submitted and accepted. */
async function acceptedFileOfEveryPrecision() {
  const db = database.handle.db;
  await seedDemoData(db);
  await setFilePeriod(db, acmeDraftFileId, ownPeriod.from, ownPeriod.to);
  const file = await uploadAndProcess(db, acmeDraftFileId, "usage.csv", usageCsv());
  expect(file.status).toBe("ready");
  expect(await submitUsageFile(acmeVendor, acmeDraftFileId)).toMatchObject({ ok: true });
  return file;
}

describe("usage aggregates", () => {
  it("equal, to the last decimal, the sums of the billing export beside them, before and after records close", async () => {
    await acceptedFileOfEveryPrecision();
    const uploaded = Object.entries(quantitiesByMpn)
      .map(([mpn, quantities]) => ({ mpn, records: quantities.length, quantity: exactSum(quantities) }))
      .sort((a, b) => a.mpn.localeCompare(b.mpn));
    expect(await ofOwnPeriod("awaitingReview")).toEqual(uploaded);
    expect(await ofOwnPeriod("billable")).toEqual([]);

    expect(await acceptUsageFile(northwindDistributor, acmeDraftFileId, { acceptanceNote: "ok" })).toMatchObject({
      ok: true,
    });
    const exported = await downloadedCsvRows(await exportUsageFile(northwindDistributor, acmeDraftFileId, "csv"));
    expect(await ofOwnPeriod("billable")).toEqual(sumsByItem(exported));
    expect(await ofOwnPeriod("billable")).toEqual(uploaded);
    expect(await ofOwnPeriod("awaitingReview")).toEqual([]);

    const closing = exported.filter((_, index) => index % 2 === 0);
    await closeUsageRecords(
      northwindDistributor,
      acmeDraftFileId,
      closing.map((row) => ({ recordId: row.id!, externalBillingId: "INV-1", externalBillingNote: "" })),
      "selection",
    );
    const afterClosing = await downloadedCsvRows(await exportUsageFile(northwindDistributor, acmeDraftFileId, "csv"));
    for (const status of ["closed", "accepted"] as const) {
      const rows = afterClosing.filter((row) => row.status === status);
      expect(await ofOwnPeriod("billable", [status]), status).toEqual(sumsByItem(rows));
    }

    await closeRemainingRecords(northwindDistributor, acmeDraftFileId, {
      externalBillingId: "INV-2",
      externalBillingNote: "",
    });
    expect(await ofOwnPeriod("billable", ["accepted"])).toEqual([]);
    expect(await ofOwnPeriod("billable", ["closed"])).toEqual(uploaded);
  });

  it("match an XLSX export whose quantity cells are numbers, summing to the CSV's sum", async () => {
    await acceptedFileOfEveryPrecision();
    await acceptUsageFile(northwindDistributor, acmeDraftFileId, { acceptanceNote: "ok" });
    const csv = await downloadedCsvRows(await exportUsageFile(northwindDistributor, acmeDraftFileId, "csv"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await downloadedBytes(
        await exportUsageFile(northwindDistributor, acmeDraftFileId, "xlsx"),
      )) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet("records")!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const quantities = sheet
      .getColumn(header.indexOf("quantity") + 1)
      .values.slice(2)
      .filter((value) => value !== undefined && value !== null);
    expect(quantities).toHaveLength(csv.length);
    expect(quantities.every((value) => typeof value === "number")).toBe(true);
    // SUM as a spreadsheet shows it: each cell's number, exactly the decimal it displays, added up.
    const sum = exactSum(quantities.map((value) => formatExcelNumber(String(value))));
    expect(sum).toBe(exactSum(csv.map((row) => row.quantity!)));
    const [total] = await aggregates(northwindDistributor, { period: ownPeriod.month, groupBy: [] });
    expect(total!.billable.records).toBe(quantities.length);
  });

  it("total the billing export across files per currency, amounts exactly, and leave quantities of different items unadded", async () => {
    await seedDemoData(database.handle.db);
    const exported = await downloadedCsvRows(exportUsageRecords(northwindDistributor, { format: "csv", period }));
    const byCurrency = await aggregates(northwindDistributor, { groupBy: [] });
    const eur = byCurrency.find((group) => group.currency === "EUR");
    // The seeded accepted file, Acme Backup's, the only billable one, is in EUR; the pending ones are in USD.
    expect(byCurrency.map((group) => group.currency)).toEqual(["EUR", "USD"]);
    expect(byCurrency.find((group) => group.currency === "USD")!.billable).toEqual({
      records: 0,
      quantity: null,
      amount: null,
    });
    expect(eur).toMatchObject({
      currency: "EUR",
      billable: {
        records: exported.length,
        quantity: null,
        amount: exactSum(exported.map((row) => row.amount!).filter(Boolean)),
      },
    });
    expect(byCurrency.find((group) => group.currency === "USD")!.awaitingReview.records).toBeGreaterThan(0);
  });

  it("group by vendor, product, contract, subscription and item, scoped like every query", async () => {
    await seedDemoData(database.handle.db);
    const groupBy = ["vendor", "product", "contract", "subscription", "item"] as const;
    const northwind = await aggregates(northwindDistributor, { groupBy: [...groupBy] });
    expect(northwind[0]).toMatchObject({
      vendorId: "ACC-0002",
      vendorName: "Acme Cloud",
      productId: expect.any(String),
      contractId: expect.any(String),
      subscriptionId: expect.stringMatching(/^AS-/),
      subscriptionExternalId: expect.stringMatching(/^EXT-/),
      itemUnit: expect.any(String),
    });
    expect(new Set(northwind.map((group) => group.contractId))).toEqual(new Set(["CRD-00001", "CRD-00003"]));
    expect(new Set((await aggregates(contosoReseller, { groupBy: ["contract"] })).map((g) => g.contractId))).toEqual(
      new Set(["CRD-00002"]),
    );
    expect(new Set((await aggregates(globexVendor, { groupBy: ["vendor"] })).map((g) => g.vendorId))).toEqual(
      new Set(["ACC-0003"]),
    );
    const everyone = await aggregates(admin, { groupBy: ["vendor"] });
    expect(everyone.map((group) => [group.vendorId, group.currency])).toEqual([
      ["ACC-0002", "EUR"],
      ["ACC-0002", "USD"],
      ["ACC-0003", "USD"],
    ]);
    expect(await aggregates(admin, { period: "2020-01" })).toEqual([]);
  });
});
