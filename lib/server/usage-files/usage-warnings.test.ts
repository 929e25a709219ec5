import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { usageFiles, usageRecordIdKeys, usageRecords, usageRecordWarnings } from "@/db/schema";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import {
  processedFile as processedGuardFile,
  setAsideSeededAcmeFiles,
  usageWorkbook,
  type Usage,
} from "@/test/usage-guard";
import { acmeVendor } from "@/test/usage-workbooks";
import { correctUsageRecord } from "./correct-usage-record";
import { deleteUsageFile } from "./delete-usage-file";
import { submitUsageFile } from "./submit-usage-file";
import * as fileRoute from "@/app/api/v1/usage/files/[id]/route";
import * as recordsRoute from "@/app/api/v1/usage/records/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const fileA = "UF-2026-10-9001-0001";
const fileB = "UF-2026-10-9001-0002";
const fileC = "UF-2026-10-9001-0003";

beforeEach(async () => {
  const db = database.handle.db;
  await seedDemoData(db);
  await setAsideSeededAcmeFiles(db);
});

function processedFile(id: string, usage: Usage[]) {
  return processedGuardFile(database.handle.db, id, usage);
}

async function setStatus(id: string, status: UsageFileStatus) {
  await database.handle.db.update(usageFiles).set({ status }).where(eq(usageFiles.id, id));
}

/** A file's warnings, each record named by its vendor's record id, in record order. */
async function warningsOf(id: string) {
  const db = database.handle.db;
  const { generation } = await usageFileRow(db, id);
  const rows = await db
    .select({
      record: usageRecords.recordId,
      code: usageRecordWarnings.code,
      otherFile: usageRecordWarnings.otherFileId,
      otherRecordId: usageRecordWarnings.otherRecordId,
      otherRecord: usageRecordWarnings.otherRecordKey,
    })
    .from(usageRecordWarnings)
    .innerJoin(
      usageRecords,
      and(
        eq(usageRecords.usageFileId, usageRecordWarnings.usageFileId),
        eq(usageRecords.generation, usageRecordWarnings.generation),
        eq(usageRecords.id, usageRecordWarnings.usageRecordId),
      ),
    )
    .where(and(eq(usageRecordWarnings.usageFileId, id), eq(usageRecordWarnings.generation, generation)))
    .orderBy(asc(usageRecords.rowNumber), asc(usageRecordWarnings.code));
  const otherIds = await recordIdsByInternalId(rows.map((row) => row.otherRecordId));
  return rows.map(({ otherRecordId, ...row }) => {
    expect(otherIds.get(otherRecordId)).toBe(row.otherRecord);
    return row;
  });
}

async function recordIdsByInternalId(ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await database.handle.db
    .select({ id: usageRecords.id, recordId: usageRecords.recordId })
    .from(usageRecords)
    .where(inArray(usageRecords.id, ids));
  return new Map(rows.map((row) => [row.id, row.recordId]));
}

const noWarnings = { overlaps_other_file: 0, duplicate_record_id_other_file: 0, overlaps_in_file: 0 };

describe("warnings found when a file is processed", () => {
  it("flags overlaps with another live file's records of the same subscription and item, never touching windows", async () => {
    await processedFile(fileA, [
      { recordId: "a-1", from: 0, to: 24 },
      { recordId: "a-2", from: 48, to: 72 },
      { recordId: "a-3", from: 100, to: 110, subscription: "EXT-100001002" },
      { recordId: "a-4", from: 200, to: 210, item: "ACME-STOR-GB" },
    ]);
    await setStatus(fileA, "accepted");

    const file = await processedFile(fileB, [
      { recordId: "b-1", from: 12, to: 24 }, // overlaps a-1
      { recordId: "b-2", from: 24, to: 48 }, // touches a-1's (and b-1's) end and a-2's start
      { recordId: "b-3", from: 60, to: 61 }, // inside a-2
      { recordId: "b-4", from: 100, to: 110 }, // a-3's window, another subscription
      { recordId: "b-5", from: 200, to: 210 }, // a-4's window, another item
    ]);

    expect(file.status).toBe("ready");
    expect(await warningsOf(fileB)).toEqual([
      { record: "b-1", code: "overlaps_other_file", otherFile: fileA, otherRecord: "a-1" },
      { record: "b-3", code: "overlaps_other_file", otherFile: fileA, otherRecord: "a-2" },
    ]);
    expect(file.warningCounts).toEqual({ ...noWarnings, overlaps_other_file: 2 });
  });

  it("flags overlapping records within the file, each naming the other", async () => {
    const file = await processedFile(fileA, [
      { recordId: "a-1", from: 0, to: 10 },
      { recordId: "a-2", from: 5, to: 15 },
      { recordId: "a-3", from: 15, to: 20 }, // touches a-2
      { recordId: "a-4", from: 5, to: 15, subscription: "EXT-100001002" },
    ]);

    expect(await warningsOf(fileA)).toEqual([
      { record: "a-1", code: "overlaps_in_file", otherFile: fileA, otherRecord: "a-2" },
      { record: "a-2", code: "overlaps_in_file", otherFile: fileA, otherRecord: "a-1" },
    ]);
    expect(file.warningCounts).toEqual({ ...noWarnings, overlaps_in_file: 2 });
    expect(file.stats?.invalid).toBe(0);
  });

  it("flags a record id already used in another live file, whatever its window", async () => {
    await processedFile(fileA, [{ recordId: "shared-1", from: 0, to: 1 }]);
    await setStatus(fileA, "closed");

    const file = await processedFile(fileB, [
      { recordId: "shared-1", from: 300, to: 301 },
      { recordId: "own-1", from: 400, to: 401 },
    ]);

    expect(await warningsOf(fileB)).toEqual([
      { record: "shared-1", code: "duplicate_record_id_other_file", otherFile: fileA, otherRecord: "shared-1" },
    ]);
    expect(file.warningCounts).toEqual({ ...noWarnings, duplicate_record_id_other_file: 1 });
  });

  it("finds a repeated record id in a file whose id keys were never stored, and stores them", async () => {
    await processedFile(fileA, [{ recordId: "shared-1", from: 0, to: 1 }]);
    await database.handle.db.delete(usageRecordIdKeys).where(eq(usageRecordIdKeys.usageFileId, fileA));

    await processedFile(fileB, [{ recordId: "shared-1", from: 300, to: 301 }]);

    expect(await warningsOf(fileB)).toEqual([
      { record: "shared-1", code: "duplicate_record_id_other_file", otherFile: fileA, otherRecord: "shared-1" },
    ]);
    const stored = await database.handle.db
      .select()
      .from(usageRecordIdKeys)
      .where(eq(usageRecordIdKeys.usageFileId, fileA));
    expect(stored).toHaveLength(1);
  });

  it("finds a record id that a correction gave a record, when a later file repeats it", async () => {
    await processedFile(fileA, [{ recordId: "typo", from: 0, to: 1, item: "NO-SUCH-ITEM" }]);
    const [record] = await visibleRecords(database.handle.db, fileA);
    await correctUsageRecord(acmeVendor, {
      usageFileId: fileA,
      recordId: record!.id,
      cells: { record_id: "a-2", item_search_value: "ACME-VCPU-HR" },
    });

    await processedFile(fileB, [{ recordId: "a-2", from: 300, to: 301 }]);

    expect(await warningsOf(fileB)).toEqual([
      { record: "a-2", code: "duplicate_record_id_other_file", otherFile: fileA, otherRecord: "a-2" },
    ]);
  });

  it("counts Ready, Pending, Accepted and Closed files, never Deleted, Rejected or Invalid ones", async () => {
    const statuses: UsageFileStatus[] = ["ready", "pending", "accepted", "closed", "deleted", "rejected", "invalid"];
    const others = statuses.map((status, index) => ({ status, id: `UF-2026-10-9002-000${index}` }));
    for (const [index, other] of others.entries()) {
      await processedFile(other.id, [{ recordId: `${other.status}-1`, from: index * 10, to: index * 10 + 5 }]);
      await setStatus(other.id, other.status);
    }

    await processedFile(fileC, [
      ...others.map((_, index) => ({ recordId: `c-${index}`, from: index * 10 + 1, to: index * 10 + 2 })),
      { recordId: "rejected-1", from: 500, to: 501 },
    ]);

    expect(await warningsOf(fileC)).toEqual(
      others.slice(0, 4).map((other, index) => ({
        record: `c-${index}`,
        code: "overlaps_other_file",
        otherFile: other.id,
        otherRecord: `${other.status}-1`,
      })),
    );
  });
});

describe("warnings of a file uploaded again", () => {
  it("are the new upload's only: the replaced upload's warnings go with its records", async () => {
    await processedFile(fileA, [{ recordId: "a-1", from: 0, to: 24 }]);
    await processedFile(fileB, [{ recordId: "b-1", from: 12, to: 36 }]);
    const workbook = await usageWorkbook([{ recordId: "b-1", from: 48, to: 72 }]);

    const again = await uploadAndProcess(database.handle.db, fileB, "again.xlsx", workbook);

    expect(again.warningCounts).toEqual(noWarnings);
    const stored = await database.handle.db
      .select()
      .from(usageRecordWarnings)
      .where(eq(usageRecordWarnings.usageFileId, fileB));
    expect(stored).toEqual([]);
  });
});

describe("warnings checked when the last correction makes a file Ready", () => {
  it("finds the overlap of a record that was invalid when the file was processed", async () => {
    await processedFile(fileA, [{ recordId: "a-1", from: 0, to: 24 }]);
    const invalid = await processedFile(fileB, [{ recordId: "b-1", from: 12, to: 36, item: "NO-SUCH-ITEM" }]);
    expect(invalid).toMatchObject({ status: "invalid", warningCounts: noWarnings });
    const [record] = await visibleRecords(database.handle.db, fileB);

    const corrected = await correctUsageRecord(acmeVendor, {
      usageFileId: fileB,
      recordId: record!.id,
      cells: { item_search_value: "ACME-VCPU-HR" },
    });

    expect(corrected).toEqual({ ok: true, value: { fileReady: true } });
    expect(await usageFileRow(database.handle.db, fileB)).toMatchObject({
      status: "ready",
      warningCounts: { ...noWarnings, overlaps_other_file: 1 },
    });
    expect(await warningsOf(fileB)).toEqual([
      { record: "b-1", code: "overlaps_other_file", otherFile: fileA, otherRecord: "a-1" },
    ]);
  });
});

describe("warnings checked again at submit", () => {
  it("drops an overlap whose other file was deleted meanwhile, and finds one with a file that came meanwhile", async () => {
    await processedFile(fileA, [{ recordId: "a-1", from: 0, to: 24 }]);
    const first = await processedFile(fileB, [
      { recordId: "b-1", from: 12, to: 36 },
      { recordId: "b-2", from: 100, to: 101 },
    ]);
    expect(first.warningCounts).toEqual({ ...noWarnings, overlaps_other_file: 1 });
    await processedFile(fileC, [{ recordId: "c-1", from: 100, to: 101 }]);
    await setStatus(fileC, "pending");
    expect(await deleteUsageFile(acmeVendor, fileA)).toMatchObject({ ok: true });

    const submitted = await submitUsageFile(acmeVendor, fileB);

    expect(submitted).toMatchObject({
      ok: true,
      value: { status: "pending", warningCounts: { ...noWarnings, overlaps_other_file: 1 } },
    });
    expect(await warningsOf(fileB)).toEqual([
      { record: "b-2", code: "overlaps_other_file", otherFile: fileC, otherRecord: "c-1" },
    ]);
  });
});

describe("warnings a reviewer reads", () => {
  it("never name a file the reviewer may not see: at submit, the vendor's Ready files stop counting", async () => {
    await processedFile(fileA, [{ recordId: "a-1", from: 0, to: 24 }]);
    const ready = await processedFile(fileB, [{ recordId: "b-1", from: 12, to: 36 }]);
    expect(ready.warningCounts, "the vendor is told while the file is its own").toEqual({
      ...noWarnings,
      overlaps_other_file: 1,
    });

    const submitted = await submitUsageFile(acmeVendor, fileB);

    expect(submitted).toMatchObject({ ok: true, value: { status: "pending", warningCounts: noWarnings } });
    expect(await warningsOf(fileB)).toEqual([]);
    const asReviewer = await callApi(recordsRoute.GET, {
      key: await apiKeyOf("distributor@northwind.test"),
      path: `/usage/records?usagefile.id=${fileB}`,
    });
    expect(asReviewer.status).toBe(200);
    expect(JSON.stringify(asReviewer.body)).not.toContain(fileA);
  });
});

describe("warnings in the API", () => {
  it("lists a record's warnings with the other file and record, filters by code, and counts them on the file", async () => {
    await processedFile(fileA, [
      { recordId: "a-1", from: 0, to: 24 },
      { recordId: "dup", from: 300, to: 301 },
    ]);
    await setStatus(fileA, "accepted");
    await processedFile(fileB, [
      { recordId: "b-1", from: 12, to: 24 },
      { recordId: "b-2", from: 100, to: 101 },
      { recordId: "dup", from: 400, to: 401 },
    ]);
    const [a1, dup] = await visibleRecords(database.handle.db, fileA);
    const key = await apiKeyOf("vendor@acme.test");

    const overlapping = await callApi(recordsRoute.GET, {
      key,
      path: `/usage/records?usagefile.id=${fileB}&warning=overlaps_other_file`,
    });

    expect(overlapping.status).toBe(200);
    expect(overlapping.headers.get("content-range")).toBe("items 0-0/1");
    expect(overlapping.body).toMatchObject([
      {
        record_id: "b-1",
        status: "validated",
        warnings: [
          {
            code: "overlaps_other_file",
            message: `Overlaps record a-1 (${usageRecordPublicId(a1!.id)}) of usage file ${fileA}: same subscription and item, overlapping time window.`,
            other_file_id: fileA,
            other_record_id: usageRecordPublicId(a1!.id),
          },
        ],
      },
    ]);
    const all = await callApi(recordsRoute.GET, { key, path: `/usage/records?usagefile.id=${fileB}` });
    expect(
      (all.body as { record_id: string; warnings: { other_record_id: string }[] }[]).map((record) => [
        record.record_id,
        record.warnings.map((w) => w.other_record_id),
      ]),
    ).toEqual([
      ["b-1", [usageRecordPublicId(a1!.id)]],
      ["b-2", []],
      ["dup", [usageRecordPublicId(dup!.id)]],
    ]);
    const file = await callApi(fileRoute.GET, { key, path: `/usage/files/${fileB}`, params: { id: fileB } });
    expect(file.body).toMatchObject({
      warning_counts: { overlaps_other_file: 1, duplicate_record_id_other_file: 1, overlaps_in_file: 0 },
    });
    const unknownCode = await callApi(recordsRoute.GET, {
      key,
      path: `/usage/records?usagefile.id=${fileB}&warning=spike`,
    });
    expect(unknownCode.status).toBe(400);
  });
});
