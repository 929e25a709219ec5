import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usageFiles } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { reprocessUsageFile } from "@/lib/server/usage-files/reprocess-usage-file";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, visibleRecords } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  globexVendor,
  northwindDistributor,
  recordsHeader,
  validRow,
} from "@/test/usage-workbooks";
import { fileOfRecord, filesOfRecords, getUsageRecord } from "./usage-records";

const database = withTestDatabase();

const csvOf = (rows: string[][]) => rows.map((row) => row.join(",")).join("\n");
const usage = (...recordIds: string[]) => csvOf([[...recordsHeader], ...recordIds.map((id) => validRow(id))]);

// Seeded (db/seed.ts): Acme's -0002 is Ready (40 records), -0003 Pending (60), reviewed by Northwind.
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";

async function rangeOf(id: string) {
  const [file] = await database.handle.db
    .select({ first: usageFiles.firstRecordId, last: usageFiles.lastRecordId })
    .from(usageFiles)
    .where(eq(usageFiles.id, id));
  return file;
}

async function publicIdsOf(id: string): Promise<string[]> {
  return (await visibleRecords(database.handle.db, id)).map((r) => `UR-${r.id}`);
}

describe("finding a record by its public id", () => {
  it("finds an uploaded record, and after a re-upload finds the new records and no longer the old ones", async () => {
    await seedDemoData(database.handle.db);
    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", usage("R-1", "R-2", "R-3"));
    const first = await visibleRecords(database.handle.db, acmeDraftFileId);
    expect(await rangeOf(acmeDraftFileId)).toEqual({ first: first[0]!.id, last: first[2]!.id });
    expect(await getUsageRecord(acmeVendor, `UR-${first[1]!.id}`)).toMatchObject({
      file: { id: acmeDraftFileId },
      record: { id: first[1]!.id, recordId: "R-2", status: "validated" },
    });

    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", usage("S-1", "S-2"));
    const second = await visibleRecords(database.handle.db, acmeDraftFileId);
    expect(await rangeOf(acmeDraftFileId)).toEqual({ first: second[0]!.id, last: second[1]!.id });
    for (const old of first) expect(await getUsageRecord(acmeVendor, `UR-${old.id}`)).toBeNull();
    for (const record of second) {
      expect(await getUsageRecord(acmeVendor, `UR-${record.id}`)).toMatchObject({
        record: { recordId: record.recordId },
      });
      expect((await fileOfRecord(acmeVendor, `UR-${record.id}`))?.id).toBe(acmeDraftFileId);
    }
  });

  it("moves the range with a reprocessed upload, and keeps it when an upload is unusable", async () => {
    await seedDemoData(database.handle.db);
    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", usage("R-1", "R-2"));
    const before = await rangeOf(acmeDraftFileId);
    expect(await reprocessUsageFile(acmeVendor, acmeDraftFileId)).toMatchObject({ ok: true });
    await processUsageFile(acmeDraftFileId);
    const reprocessed = await publicIdsOf(acmeDraftFileId);
    expect(await rangeOf(acmeDraftFileId)).toEqual({ first: before!.last! + 1, last: before!.last! + 2 });
    expect(await fileOfRecord(acmeVendor, `UR-${before!.first}`)).toBeNull();

    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", csvOf([[...recordsHeader]]));
    expect(await rangeOf(acmeDraftFileId)).toEqual({ first: before!.last! + 1, last: before!.last! + 2 });
    expect((await fileOfRecord(acmeVendor, reprocessed[0]!))?.id).toBe(acmeDraftFileId);
  });

  it("answers null to an actor who may not see the record's file, and for unknown or malformed ids", async () => {
    await seedDemoData(database.handle.db);
    const [readyRecord] = await publicIdsOf(ready);
    const [pendingRecord] = await publicIdsOf(pending);
    expect(await getUsageRecord(globexVendor, pendingRecord!)).toBeNull();
    // A Ready file is not yet the distributor's to see.
    expect(await getUsageRecord(northwindDistributor, readyRecord!)).toBeNull();
    expect(await fileOfRecord(northwindDistributor, readyRecord!)).toBeNull();
    expect((await getUsageRecord(northwindDistributor, pendingRecord!))?.file.id).toBe(pending);
    expect(await getUsageRecord(acmeVendor, "UR-99999999")).toBeNull();
    expect(await getUsageRecord(acmeVendor, "42")).toBeNull();
  });

  it("tells files apart when their ranges overlap, as concurrent uploads' ids do", async () => {
    await seedDemoData(database.handle.db);
    const readyIds = await publicIdsOf(ready);
    const pendingIds = await publicIdsOf(pending);
    const widest = { firstRecordId: 1, lastRecordId: 1_000_000 };
    await database.handle.db.update(usageFiles).set(widest).where(eq(usageFiles.id, ready));
    expect((await getUsageRecord(acmeVendor, pendingIds[0]!))?.file.id).toBe(pending);
    expect((await getUsageRecord(acmeVendor, readyIds[0]!))?.file.id).toBe(ready);
    const files = await filesOfRecords(
      acmeVendor,
      [readyIds[0]!, pendingIds[0]!, "UR-99999999"].map((id) => Number(id.slice(3))),
    );
    expect([...files].map(([id, file]) => [id, file.id]).sort()).toEqual(
      [
        [Number(readyIds[0]!.slice(3)), ready],
        [Number(pendingIds[0]!.slice(3)), pending],
      ].sort(),
    );
  });
});
