import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { recordPartitionName } from "@/db/record-partitions";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow } from "@/test/usage-workbooks";
import { failProcessing, processUsageFile } from "./process-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

// The partitions as they are, except that a test can make the database lose a record between the
// load and the file's outcome: what a COPY whose refusal went unnoticed did (issue 13).
vi.mock("@/db/record-partitions", async (importOriginal) => {
  const partitions = await importOriginal<typeof import("@/db/record-partitions")>();
  return { ...partitions, attachRecordPartition: vi.fn(partitions.attachRecordPartition) };
});
const { attachRecordPartition } = await import("@/db/record-partitions");
const partitions = await vi.importActual<typeof import("@/db/record-partitions")>("@/db/record-partitions");

const database = withTestDatabase();

function loseOneRecordBeforeAttaching(): void {
  vi.mocked(attachRecordPartition).mockImplementationOnce(async (db, usageFileId, generation) => {
    const table = sql.identifier(recordPartitionName(usageFileId, generation));
    await db.execute(sql`DELETE FROM ${table} WHERE id = (SELECT max(id) FROM ${table})`);
    await partitions.attachRecordPartition(db, usageFileId, generation);
  });
}

describe("records that were read but not stored", () => {
  it("keep the file from Ready: the processing fails, naming both counts, and gives up as Invalid", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const csv = [recordsHeader, validRow("r-1"), validRow("r-2", "1", 1), validRow("r-3", "2", 2)]
      .map((row) => row.join(","))
      .join("\n");
    expect((await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("usage.csv", csv))).ok).toBe(true);
    loseOneRecordBeforeAttaching();

    await expect(processUsageFile(acmeDraftFileId)).rejects.toThrow(
      `Usage file ${acmeDraftFileId}: 3 records were read but 2 stored; it stays in Processing.`,
    );
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "processing", generation: 0, stats: null });

    await failProcessing(acmeDraftFileId, "the server could not read this file.");
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "invalid", generation: 0 });
    expect(await visibleRecords(db, acmeDraftFileId)).toEqual([]);
  });
});
