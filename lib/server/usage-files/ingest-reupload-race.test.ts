import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Result } from "@/lib/domain/errors";
import { deleteSupersededUploads } from "@/lib/server/storage/stored-files";
import { withTestDatabase } from "@/test/db";
import {
  rowsByGeneration,
  storedUploadCount,
  uploadAndProcess,
  usageFileRow,
  visibleRecords,
} from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow, xlsxOf } from "@/test/usage-workbooks";
import { processUsageFile } from "./process-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

// The storage as it is, wrapped so that a test can act at the moment the job removes old uploads.
vi.mock("@/lib/server/storage/stored-files", async (importOriginal) => {
  const storage = await importOriginal<typeof import("@/lib/server/storage/stored-files")>();
  return { ...storage, deleteSupersededUploads: vi.fn(storage.deleteSupersededUploads) };
});
const { deleteSupersededUploads: removeOldUploads } = await vi.importActual<
  typeof import("@/lib/server/storage/stored-files")
>("@/lib/server/storage/stored-files");

const database = withTestDatabase();

const workbookOf = (...recordIds: string[]) =>
  xlsxOf({ records: [[...recordsHeader], ...recordIds.map((id, day) => validRow(id, "1", day))] });

describe("a re-upload sent as soon as the file turns Ready", () => {
  it("is kept, although the previous job is still removing the uploads its records replaced", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    await uploadAndProcess(db, acmeDraftFileId, "first.xlsx", await workbookOf("first-1"));
    expect(
      await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("second.xlsx", await workbookOf("second-1"))),
    ).toMatchObject({ ok: true });

    // The second upload's job has made the file Ready; before it removes the old uploads, the vendor
    // (or an API client polling the status) sends a corrected workbook.
    const corrected = await workbookOf("third-1", "third-2");
    let reupload: Result<unknown> | undefined;
    vi.mocked(deleteSupersededUploads).mockImplementationOnce(async (...args) => {
      expect((await usageFileRow(db, acmeDraftFileId)).status).toBe("ready");
      reupload = await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("third.xlsx", corrected));
      return removeOldUploads(...args);
    });
    await processUsageFile(acmeDraftFileId);
    expect(reupload).toEqual({ ok: true, value: { status: "uploading" } });

    await processUsageFile(acmeDraftFileId);

    const file = await usageFileRow(db, acmeDraftFileId);
    expect(file).toMatchObject({ status: "ready", generation: 3, errorDetail: null });
    expect((await visibleRecords(db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(["third-1", "third-2"]);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 3: 2 }, categories: {} });
    expect(await storedUploadCount(db, acmeDraftFileId)).toBe(1);
  });
});
