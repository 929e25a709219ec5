import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { usageFiles, usageRecords } from "@/db/schema";
import { withTestDatabase } from "@/test/db";
import {
  acmeDraftFileId,
  acmeVendor,
  demoPeriodStart,
  recordsHeader,
  uploadOf,
  validRow,
  xlsxOf,
} from "@/test/usage-workbooks";
import { processUsageFile } from "./process-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

const database = withTestDatabase();

async function fileState(id = acmeDraftFileId) {
  const [file] = await database.handle.db.select().from(usageFiles).where(eq(usageFiles.id, id));
  return file!;
}

async function visibleRecords(id = acmeDraftFileId) {
  const file = await fileState(id);
  return database.handle.db
    .select()
    .from(usageRecords)
    .where(and(eq(usageRecords.usageFileId, id), eq(usageRecords.generation, file.generation)))
    .orderBy(asc(usageRecords.rowNumber));
}

async function uploadAndProcess(fileName: string, content: Buffer | string) {
  const uploaded = await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf(fileName, content));
  expect(uploaded).toEqual({ ok: true, value: { status: "uploading" } });
  await processUsageFile(acmeDraftFileId);
  return fileState();
}

describe("uploading and processing a usage spreadsheet", () => {
  it("makes a file with valid records Ready, with exact per-item totals", async () => {
    await seedDemoData(database.handle.db);
    const workbook = await xlsxOf({
      records: [
        [...recordsHeader],
        validRow("r-1", "0.1"),
        validRow("r-2", "0.2", 1),
        validRow("r-3", "1000000000.01", 2),
      ],
    });
    const file = await uploadAndProcess("usage.xlsx", workbook);
    expect(file.status).toBe("ready");
    expect(file.stats).toEqual({
      records: 3,
      valid: 3,
      invalid: 0,
      byItem: [{ itemId: "PRD-100-001-0001", records: 3, quantity: "1000000000.31", amount: null }],
      bySubscription: [
        {
          subscriptionId: "AS-1000-01001",
          itemId: "PRD-100-001-0001",
          records: 3,
          quantity: "1000000000.31",
          amount: null,
        },
      ],
      bySubscriptionOmitted: 0,
      byDay: [
        ["0.1", 0],
        ["0.2", 1],
        ["1000000000.01", 2],
      ].map(([quantity, day]) => ({
        day: new Date(demoPeriodStart().getTime() + Number(day) * 86_400_000).toISOString().slice(0, 10),
        itemId: "PRD-100-001-0001",
        records: 1,
        quantity,
        amount: null,
      })),
      byDayOmitted: 0,
    });
    const records = await visibleRecords();
    expect(records.map((r) => [r.recordId, r.quantity, r.subscriptionId, r.errors])).toEqual([
      ["r-1", "0.1", "AS-1000-01001", null],
      ["r-2", "0.2", "AS-1000-01001", null],
      ["r-3", "1000000000.01", "AS-1000-01001", null],
    ]);
  });

  it("makes a file with an invalid record Invalid, keeping every error on its record and a summary", async () => {
    await seedDemoData(database.handle.db);
    const csv = [recordsHeader.join(","), validRow("r-1").join(","), validRow("r-2", "1.234").join(",")].join("\r\n");
    const file = await uploadAndProcess("usage.csv", csv);
    expect(file.status).toBe("invalid");
    const records = await visibleRecords();
    expect(records[0]!.errors).toBeNull();
    expect(records[1]!.errors).toEqual([expect.objectContaining({ column: "quantity", code: "too_many_decimals" })]);
    expect(file.errorDetail).toMatchObject({
      kind: "records",
      summary: {
        total: 1,
        invalidRecords: 1,
        byCode: { too_many_decimals: 1 },
        first: [{ row: 3, column: "quantity" }],
      },
    });
  });

  it("replaces the previous upload's records only when the new ones are in, and keeps them when a workbook is unusable", async () => {
    await seedDemoData(database.handle.db);
    await uploadAndProcess("first.xlsx", await xlsxOf({ records: [[...recordsHeader], validRow("first-1")] }));
    const second = await uploadAndProcess(
      "second.xlsx",
      await xlsxOf({ records: [[...recordsHeader], validRow("second-1"), validRow("second-2", "2", 1)] }),
    );
    expect(second.status).toBe("ready");
    expect((await visibleRecords()).map((r) => r.recordId)).toEqual(["second-1", "second-2"]);

    const broken = await uploadAndProcess("broken.xlsx", Buffer.from("this is not a workbook"));
    expect(broken.status).toBe("invalid");
    expect(broken.errorDetail).toMatchObject({ kind: "workbook", errors: [{ code: "unreadable_workbook" }] });
    expect((await visibleRecords()).map((r) => r.recordId)).toEqual(["second-1", "second-2"]);
    const all = await database.handle.db
      .select()
      .from(usageRecords)
      .where(eq(usageRecords.usageFileId, acmeDraftFileId));
    expect(all).toHaveLength(2);
  });

  it("names a missing records sheet and a missing column", async () => {
    await seedDemoData(database.handle.db);
    const noSheet = await uploadAndProcess("a.xlsx", await xlsxOf({ instructions: [["fill me"]] }));
    expect(noSheet.errorDetail).toMatchObject({ kind: "workbook", errors: [{ code: "missing_records_sheet" }] });
    const noQuantity = await uploadAndProcess(
      "b.xlsx",
      await xlsxOf({ records: [recordsHeader.filter((c) => c !== "quantity"), validRow("r-1").slice(0, 3)] }),
    );
    expect(noQuantity.errorDetail).toMatchObject({
      kind: "workbook",
      errors: [expect.objectContaining({ code: "missing_column", column: "quantity" })],
    });
  });

  it("refuses uploads the file's state, its owner or its type do not allow, changing nothing", async () => {
    await seedDemoData(database.handle.db);
    const workbook = await xlsxOf({ records: [[...recordsHeader], validRow("r-1")] });
    expect(await uploadUsageFile(acmeVendor, "UF-2026-10-1001-0003", uploadOf("u.xlsx", workbook))).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    expect(await uploadUsageFile(acmeVendor, "UF-2026-10-2001-0001", uploadOf("u.xlsx", workbook))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("u.xls", workbook))).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: expect.stringContaining("save it as .xlsx"),
    });
    const tooLarge = await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("u.xlsx", workbook), {
      maxBytes: 100,
      maxRecords: 10,
    });
    expect(tooLarge).toMatchObject({ ok: false, code: "too_large", message: expect.stringContaining("0 KB") });
    expect((await fileState()).status).toBe("draft");
  });
});
