import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { getUsageFileChanges } from "@/lib/server/queries/usage-file-changes";
import { listUsageRecords, matchingRecordIds } from "@/lib/server/queries/usage-records";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, northwindDistributor, recordsHeader, validRow } from "@/test/usage-workbooks";
import { correctUsageRecord } from "./correct-usage-record";
import { rejectUsageFile } from "./reject-usage-file";
import { submitUsageFile } from "./submit-usage-file";

const database = withTestDatabase();
const file = acmeDraftFileId;
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };
const otherPendingFile = "UF-2026-10-1001-0003";

const csvOf = (rows: string[][]) => [recordsHeader, ...rows].map((row) => row.join(",")).join("\n");
const rows = (...quantities: [string, string][]) => quantities.map(([id, quantity]) => validRow(id, quantity));

/** A Pending file of the given records (record_id, quantity), each on the period's first day. */
async function pendingFile(...records: [string, string][]) {
  const db = database.handle.db;
  await seedDemoData(db);
  expect(await uploadAndProcess(db, file, "usage.csv", csvOf(rows(...records)))).toMatchObject({ status: "ready" });
  expect(await submitUsageFile(acmeVendor, file)).toMatchObject({ ok: true });
  const ids = new Map((await visibleRecords(db, file)).map((record) => [record.recordId, record.id]));
  return { db, ids, publicId: (recordId: string) => usageRecordPublicId(ids.get(recordId)!) };
}

async function changes() {
  const found = await getUsageFileChanges(northwindDistributor, file);
  return found?.rejection;
}

async function gridRecordIds(review: "changed" | "disputed") {
  const listed = await listUsageRecords(northwindDistributor, file, usageRecordListQuery.parse({ review }));
  return listed!.page.rows.map((row) => row.recordId);
}

const startOfPeriod = validRow("x")[4];

describe("disputing records and what changed since the rejection", () => {
  it("after a browser correction: exactly the corrected record changed, the other disputed one unchanged", async () => {
    const { db, ids, publicId } = await pendingFile(["R-1", "1"], ["R-2", "2"], ["R-3", "3"], ["R-4", "4"]);
    const rejected = await rejectUsageFile(northwindDistributor, file, {
      rejectionNote: "Two records look wrong.",
      disputedRecords: [
        { id: publicId("R-2"), reason: "Doubled" },
        { id: publicId("R-3"), reason: "Not ours" },
      ],
    });
    expect(rejected).toMatchObject({ ok: true, value: { status: "rejected" } });

    expect(
      await correctUsageRecord(acmeVendor, { usageFileId: file, recordId: ids.get("R-2")!, cells: { quantity: "1" } }),
    ).toEqual({ ok: true, value: { fileReady: false } });
    const corrected = await usageFileRow(db, file);
    expect(corrected).toMatchObject({ status: "rejected", stats: { byItem: [{ records: 4, quantity: "9" }] } });
    // Before it is sent again, the grid compares every record with the rejected ones; after, it reads the ids written.
    expect(await gridRecordIds("changed")).toEqual(["R-2"]);
    const totals = await selectRows<{ records: number; quantity: string }>(
      db,
      sql`SELECT records, quantity::text FROM usage_file_totals WHERE usage_file_id = ${file} AND generation = ${corrected.generation}`,
    );
    expect(totals).toEqual([{ records: 4, quantity: "9" }]);
    expect(await submitUsageFile(acmeVendor, file)).toMatchObject({ ok: true, value: { status: "pending" } });

    expect(await changes()).toMatchObject({
      counts: { changed: 1, added: 0, removed: 0, disputedUnchanged: 1, disputed: 2 },
      changed: [
        {
          id: publicId("R-2"),
          recordId: "R-2",
          disputeReason: "Doubled",
          changes: [{ field: "quantity", old: "2", new: "1" }],
        },
      ],
      added: [],
      removed: [],
      disputedUnchanged: [{ id: publicId("R-3"), recordId: "R-3", disputeReason: "Not ours" }],
    });
    expect(await gridRecordIds("changed")).toEqual(["R-2"]);
    expect(await gridRecordIds("disputed")).toEqual(["R-2", "R-3"]);
  });

  it("after a full re-upload: changed, added, removed and disputed-unchanged, by record_id, from the rejected values", async () => {
    const { db, ids, publicId } = await pendingFile(["R-1", "1"], ["R-2", "2"], ["R-3", "3"], ["R-4", "4"]);
    await rejectUsageFile(northwindDistributor, file, {
      rejectionNote: "See the disputed records.",
      disputedRecords: [
        { id: publicId("R-1"), reason: "Too much" },
        { id: publicId("R-2"), reason: "Check" },
        { id: publicId("R-3"), reason: "Gone?" },
      ],
    });
    // A browser correction first, then an upload with the corrected value: still changed from the rejected one.
    await correctUsageRecord(acmeVendor, { usageFileId: file, recordId: ids.get("R-1")!, cells: { quantity: "7" } });
    const reuploaded = await uploadAndProcess(
      db,
      file,
      "usage.csv",
      csvOf([validRow("R-1", "7"), validRow("R-2", "2"), validRow("R-4", "4", 1), validRow("R-5", "5")]),
    );
    expect(reuploaded).toMatchObject({ status: "ready" });
    expect(await submitUsageFile(acmeVendor, file)).toMatchObject({ ok: true });

    const found = await changes();
    const current = new Map((await visibleRecords(db, file)).map((record) => [record.recordId, record.id]));
    const nextDay = validRow("x", "1", 1);
    expect(found).toMatchObject({
      counts: { changed: 2, added: 1, removed: 1, disputedUnchanged: 1, disputed: 3 },
      changed: [
        {
          id: usageRecordPublicId(current.get("R-1")!),
          recordId: "R-1",
          disputeReason: "Too much",
          changes: [{ field: "quantity", old: "1", new: "7" }],
        },
        {
          recordId: "R-4",
          disputeReason: null,
          changes: [
            { field: "start_time_utc", old: startOfPeriod, new: nextDay[4] },
            { field: "end_time_utc", old: nextDay[4], new: nextDay[5] },
          ],
        },
      ],
      added: [{ id: usageRecordPublicId(current.get("R-5")!), recordId: "R-5", disputeReason: null }],
      removed: [{ id: publicId("R-3"), recordId: "R-3", disputeReason: "Gone?" }],
      disputedUnchanged: [{ recordId: "R-2", disputeReason: "Check" }],
    });
    expect(await gridRecordIds("changed")).toEqual(["R-1", "R-4", "R-5"]);
    expect(await gridRecordIds("disputed")).toEqual(["R-1", "R-2"]);
  });

  it("finds the records a filter matches, for disputing them all, up to a limit", async () => {
    const { publicId } = await pendingFile(["R-1", "1"], ["R-2", "2"], ["R-3", "3"], ["S-1", "4"]);
    expect(await matchingRecordIds(northwindDistributor, file, { q: "R-" }, 5)).toEqual({
      ids: [publicId("R-1"), publicId("R-2"), publicId("R-3")],
      tooMany: false,
    });
    expect(await matchingRecordIds(northwindDistributor, file, { q: "R-" }, 2)).toMatchObject({ tooMany: true });
    expect(await matchingRecordIds(contosoReseller, file, {}, 5)).toBeNull();
  });

  it("refuses a vendor, another contract's distributor and a record of another file, and a refused rejection changes nothing", async () => {
    const { db, publicId } = await pendingFile(["R-1", "1"], ["R-2", "2"]);
    const [foreign] = await selectRows<{ id: number }>(
      db,
      sql`SELECT r.id FROM usage_records r JOIN usage_files f ON f.id = r.usage_file_id AND f.generation = r.generation
        WHERE f.id = ${otherPendingFile} LIMIT 1`,
    );
    const foreignId = usageRecordPublicId(Number(foreign!.id));
    const before = await usageFileRow(db, file);
    const input = (id: string) => ({ rejectionNote: "No", disputedRecords: [{ id, reason: "Wrong" }] });

    expect(await rejectUsageFile(acmeVendor, file, input(publicId("R-1")))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await rejectUsageFile(contosoReseller, file, input(publicId("R-1")))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await rejectUsageFile(northwindDistributor, file, input(foreignId))).toEqual({
      ok: false,
      code: "validation_failed",
      message: `Only records of this file can be disputed: ${foreignId} is not.`,
      fields: { disputedRecords: foreignId },
    });
    expect(await usageFileRow(db, file)).toEqual(before);
    const [stored] = await selectRows<{ rejections: number }>(
      db,
      sql`SELECT count(*)::int AS rejections FROM usage_file_rejections`,
    );
    expect(stored!.rejections).toBe(0);
    expect(await getUsageFileChanges(contosoReseller, file)).toBeNull();
    expect(await getUsageFileChanges(northwindDistributor, file)).toMatchObject({ rejection: null });
  });
});
