import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import {
  rowsByGeneration,
  setFilePeriod,
  uploadAndProcess,
  visibleCategories,
  visibleRecords,
} from "@/test/usage-file-state";
import { acmeDraftFileId, fixtureWorkbook, recordsHeader, validRow, xlsxOf } from "@/test/usage-workbooks";

const database = withTestDatabase();

// Usage spreadsheets written by LibreOffice Calc rather than exceljs (test/fixtures/workbooks/README.md):
// March 2026 usage of Acme Compute on the Northwind contract, with real date cells, dates as text,
// formulas and a categories sheet. The seeded draft's period is the last full month, so the test
// moves it to the fixture's month first.
describe.each(["libreoffice-usage.xlsx", "libreoffice-usage-1904.xlsx"])(
  "a usage workbook saved by LibreOffice (%s)",
  (fixture) => {
    it("becomes Ready with the exact quantities, the times in UTC, the categories and the custom column", async () => {
      const db = database.handle.db;
      await seedDemoData(db);
      await setFilePeriod(db, acmeDraftFileId, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");

      const file = await uploadAndProcess(db, acmeDraftFileId, "march.xlsx", await fixtureWorkbook(fixture));

      expect(file.status).toBe("ready");
      expect(file.errorDetail).toBeNull();
      // 12.25 + 0.3 + 7 + 24.5, summed as decimals.
      expect(file.stats).toMatchObject({
        records: 4,
        valid: 4,
        invalid: 0,
        byItem: [{ itemId: "PRD-100-001-0001", records: 4, quantity: "44.05", amount: null }],
      });
      const records = await visibleRecords(db, acmeDraftFileId);
      expect(
        records.map((r) => ({
          row: r.rowNumber,
          recordId: r.recordId,
          quantity: r.quantity,
          start: r.startTime?.toISOString(),
          end: r.endTime?.toISOString(),
          subscription: r.subscriptionId,
          category: r.categoryId,
          errors: r.errors,
        })),
      ).toEqual([
        // Date-time cells.
        {
          row: 2,
          recordId: "LO-1",
          quantity: "12.25",
          start: "2026-03-01T00:00:00.000Z",
          end: "2026-03-02T00:00:00.000Z",
          subscription: "AS-1000-01001",
          category: "compute",
          errors: null,
        },
        // =0.1+0.2, and date-time cells stored to 15 digits (46096.5208333333) that round to the second.
        {
          row: 3,
          recordId: "LO-2",
          quantity: "0.3",
          start: "2026-03-15T12:30:00.000Z",
          end: "2026-03-15T18:45:30.000Z",
          subscription: "AS-1000-01001",
          category: "compute",
          errors: null,
        },
        // Quantity and times typed as text, the end time in ISO 8601.
        {
          row: 4,
          recordId: "LO-3",
          quantity: "7",
          start: "2026-03-20T06:00:00.000Z",
          end: "2026-03-21T06:00:00.000Z",
          subscription: "AS-1000-01001",
          category: "batch",
          errors: null,
        },
        // =E2*2, a date-only cell shown as 31/03/2026, and the period's last instant as text.
        {
          row: 5,
          recordId: "LO-4",
          quantity: "24.5",
          start: "2026-03-31T00:00:00.000Z",
          end: "2026-04-01T00:00:00.000Z",
          subscription: "AS-1000-01001",
          category: null,
          errors: null,
        },
      ]);
      expect(records[0]).toMatchObject({ note: "Daily vCPU", params: { "v.region": "eu-west" } });
      expect(records[1]).toMatchObject({ note: null, params: null });

      expect(await visibleCategories(db, acmeDraftFileId)).toEqual([
        { categoryId: "batch", name: "Batch jobs", description: "" },
        { categoryId: "compute", name: "Compute", description: "On-demand vCPU hours" },
      ]);
      expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 4 }, categories: { 1: 2 } });
    });
  },
);

describe("formula cells as Excel stores them", () => {
  it("takes a formula's cached double as Excel shows it, so =0.1+0.2 passes a 2-decimal item as 0.3", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [recordId, criteria, mpn, , start, end, assetCriteria, asset] = validRow("r-1");
    // exceljs, like Excel, writes the full double: <f>0.1+0.2</f><v>0.30000000000000004</v>.
    const sum = { formula: "0.1+0.2", result: 0.1 + 0.2 };
    const workbook = await xlsxOf({
      records: [[...recordsHeader], [recordId, criteria, mpn, sum, start, end, assetCriteria, asset]],
    });

    const file = await uploadAndProcess(db, acmeDraftFileId, "usage.xlsx", workbook);

    expect(file.status).toBe("ready");
    expect((await visibleRecords(db, acmeDraftFileId)).map((r) => [r.recordId, r.quantity, r.errors])).toEqual([
      ["r-1", "0.3", null],
    ]);
  });
});
