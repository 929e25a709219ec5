import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, validRow } from "@/test/usage-workbooks";
import { correctUsageRecord } from "./correct-usage-record";
import { reprocessUsageFile } from "./reprocess-usage-file";

const database = withTestDatabase();

const csvOf = (rows: string[][]) => rows.map((row) => row.join(",")).join("\n");

/** Row 3's quantity is not a number. */
async function invalidFile() {
  await seedDemoData(database.handle.db);
  const csv = csvOf([[...recordsHeader], validRow("R-1", "2"), validRow("R-2", "three")]);
  return uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", csv);
}

describe("reprocessing a usage file's upload", () => {
  it("reads the same upload again into a new generation of records", async () => {
    const before = await invalidFile();
    expect(await reprocessUsageFile(acmeVendor, acmeDraftFileId)).toEqual({ ok: true, value: { status: "uploading" } });
    await processUsageFile(acmeDraftFileId);
    const after = await usageFileRow(database.handle.db, acmeDraftFileId);
    expect(after).toMatchObject({
      status: "invalid",
      uploadedFileId: before.uploadedFileId,
      generation: before.generation + 1,
    });
    expect((await visibleRecords(database.handle.db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(["R-1", "R-2"]);
  });

  it("is refused once records were corrected in the browser, and before anything was uploaded", async () => {
    await invalidFile();
    const [, broken] = await visibleRecords(database.handle.db, acmeDraftFileId);
    await correctUsageRecord(acmeVendor, {
      usageFileId: acmeDraftFileId,
      recordId: broken!.id,
      cells: { quantity: "3" },
    });
    expect(await reprocessUsageFile(acmeVendor, acmeDraftFileId)).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    expect((await usageFileRow(database.handle.db, acmeDraftFileId)).status).toBe("ready");
    expect(await reprocessUsageFile(acmeVendor, "UF-2026-10-1001-0002")).toMatchObject({
      ok: false,
      code: "invalid_transition",
      message: "Nothing has been uploaded to this usage file yet.",
    });
  });
});
