import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, recordsHeader, validRow } from "@/test/usage-workbooks";

const database = withTestDatabase();

const csvOf = (rows: string[][]) => [recordsHeader, ...rows].map((row) => row.join(",")).join("\n");

async function ingest(rows: string[][]) {
  const db = database.handle.db;
  await seedDemoData(db);
  const file = await uploadAndProcess(db, acmeDraftFileId, "usage.csv", csvOf(rows));
  return { file, records: await visibleRecords(db, acmeDraftFileId) };
}

const repeatedError = (recordId: string, row: number) => ({
  column: "record_id",
  code: "duplicate_record_id",
  message: `record_id "${recordId}" is already used on row ${row}.`,
});

describe("a record_id used on an earlier row of the file", () => {
  it("makes each later row invalid, naming the first row, out of the totals, with its cells to correct", async () => {
    const { file, records } = await ingest([
      validRow("R-1", "1"),
      validRow("R-2", "2"),
      validRow("R-1", "4"),
      validRow("R-1", "8"),
      validRow("r-1", "16"), // another id: the case counts
      validRow(" R-2 ", "32"), // the same id: cells are trimmed
    ]);

    expect(records.map((record) => record.errors)).toEqual([
      null,
      null,
      [repeatedError("R-1", 2)],
      [repeatedError("R-1", 2)],
      null,
      [repeatedError("R-2", 3)],
    ]);
    expect(records[2]!.sheetCells).toMatchObject({ record_id: "R-1", quantity: "4" });
    expect(records.filter((record) => record.errors === null).map((record) => record.sheetCells)).toEqual([
      null,
      null,
      null,
    ]);
    expect(file.status).toBe("invalid");
    expect(file.stats).toMatchObject({ records: 6, valid: 3, invalid: 3, byItem: [{ records: 3, quantity: "19" }] });
    expect(file.errorDetail).toMatchObject({
      summary: { total: 3, invalidRecords: 3, byCode: { duplicate_record_id: 3 } },
    });
  });

  it("is reported on a record invalid for other reasons too, after its unstorable characters", async () => {
    // A NUL is an unstorable character the file-type sniffer lets through past the first 4 KiB.
    const filler = Array.from({ length: 60 }, (_, index) => validRow(`F-${index}`, "1"));
    const { file, records } = await ingest([
      validRow("R-1", "1"),
      ...filler,
      validRow("R-1", "-1"),
      validRow("R-1", "2\u00003"),
    ]);

    expect(records[61]!.errors!.map((error) => error.code)).toEqual(["duplicate_record_id", "negative_number"]);
    expect(records[62]!.errors!.map((error) => error.code)).toEqual([
      "invalid_character",
      "duplicate_record_id",
      "not_a_number",
    ]);
    expect(file.stats).toMatchObject({ valid: 61, invalid: 2 });
    expect(file.errorDetail).toMatchObject({
      summary: { invalidRecords: 2, byCode: { duplicate_record_id: 2, negative_number: 1 } },
    });
  });

  it("is found among 20,000 ids, and only where it repeats", async () => {
    const ids = Array.from({ length: 20_000 }, (_, index) => `INV-2026-01-${index}`);
    const { records } = await ingest([...ids.map((id) => validRow(id, "1")), validRow("INV-2026-01-12345", "1")]);

    const invalid = records.filter((record) => record.errors !== null);
    expect(invalid.map((record) => [record.rowNumber, record.errors])).toEqual([
      [20_002, [repeatedError("INV-2026-01-12345", 12_347)]],
    ]);
    expect(records.filter((record) => record.sheetCells !== null).map((record) => record.rowNumber)).toEqual([20_002]);
  });

  it("is found in time however often one id repeats, each later row naming the first", async () => {
    const { file, records } = await ingest(Array.from({ length: 20_000 }, () => validRow("R-1", "1")));

    expect(records[0]!.errors).toBeNull();
    expect(records.slice(1).every((record) => record.errors?.[0]?.message === repeatedError("R-1", 2).message)).toBe(
      true,
    );
    expect(file.stats).toMatchObject({ records: 20_000, valid: 1, invalid: 19_999 });
  });
});
