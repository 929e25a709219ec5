import { afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { getJobQueue, processUsageFileJob } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { recordPartitionName } from "@/db/record-partitions";
import { withTestDatabase } from "@/test/db";
import { rowsByGeneration, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow, xlsxOf } from "@/test/usage-workbooks";
import { uploadUsageFile } from "./upload-usage-file";

const database = withTestDatabase();

// The path an upload takes in the app: the request stores the file and queues a job; the worker
// (pg-boss on the same database) processes it. No call to processUsageFile here.

let workers: Promise<void> | undefined;
/** The worker, started once for this file's tests; test/db.ts stops the queue afterwards. */
const runWorkers = () => (workers ??= startWorkers());

const queueTimeoutMs = 30_000;

async function waitForStatus(status: UsageFileStatus) {
  await vi.waitFor(async () => expect((await usageFileRow(database.handle.db, acmeDraftFileId)).status).toBe(status), {
    timeout: queueTimeoutMs,
    interval: 100,
  });
  return usageFileRow(database.handle.db, acmeDraftFileId);
}

async function upload(fileName: string, recordIds: string[]) {
  const workbook = await xlsxOf({
    records: [[...recordsHeader], ...recordIds.map((id, day) => validRow(id, "1", day))],
  });
  expect(await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf(fileName, workbook))).toEqual({
    ok: true,
    value: { status: "uploading" },
  });
}

/** Every attempt fails where it points the file at its new records, as a database outage would. */
async function failEveryAttempt(): Promise<void> {
  await database.handle.rows(`
    CREATE OR REPLACE FUNCTION refuse_generation_swap() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated outage'; END $$`);
  await database.handle.rows(`
    CREATE OR REPLACE TRIGGER refuse_generation_swap BEFORE UPDATE ON usage_files FOR EACH ROW
    WHEN (NEW.generation IS DISTINCT FROM OLD.generation) EXECUTE FUNCTION refuse_generation_swap()`);
}

afterEach(async () => {
  vi.restoreAllMocks();
  await database.handle.rows("DROP TRIGGER IF EXISTS refuse_generation_swap ON usage_files");
  const { retryLimit, retryDelay, retryBackoff } = processUsageFileJob.options;
  await (await getJobQueue()).updateQueue(processUsageFileJob.name, { retryLimit, retryDelay, retryBackoff });
});

describe("the processing queue", () => {
  it("processes an upload on the worker, off the request", { timeout: 2 * queueTimeoutMs }, async () => {
    await seedDemoData(database.handle.db);

    await upload("first.xlsx", ["q-1", "q-2"]);
    // No worker runs yet: the upload is stored and waits, the request did not process it.
    expect(await usageFileRow(database.handle.db, acmeDraftFileId)).toMatchObject({
      status: "uploading",
      generation: 0,
    });
    expect(await rowsByGeneration(database.handle.db, acmeDraftFileId)).toEqual({ records: {}, categories: {} });

    await runWorkers();
    const first = await waitForStatus("ready");
    expect(first.stats).toMatchObject({ records: 2, valid: 2 });
    expect((await visibleRecords(database.handle.db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(["q-1", "q-2"]);

    // With the worker running, a re-upload is picked up as soon as it is queued.
    await upload("second.xlsx", ["q-3"]);
    await waitForStatus("ready").then((file) => expect(file.generation).toBe(2));
    expect((await visibleRecords(database.handle.db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(["q-3"]);
    // The replaced records are deleted just after the file turns Ready.
    await vi.waitFor(async () =>
      expect(await rowsByGeneration(database.handle.db, acmeDraftFileId)).toEqual({
        records: { 2: 1 },
        categories: {},
      }),
    );
  });

  it(
    "indexes the new records for the grid's sorts once the file is Ready",
    { timeout: 2 * queueTimeoutMs },
    async () => {
      await seedDemoData(database.handle.db);
      await runWorkers();
      await upload("indexed.xlsx", ["q-1"]);
      const file = await waitForStatus("ready");
      const partition = recordPartitionName(acmeDraftFileId, file.generation);
      await vi.waitFor(
        async () => {
          const indexes = await database.handle.rows<{ indexname: string }>(
            `SELECT indexname FROM pg_indexes WHERE tablename = '${partition}'`,
          );
          expect(indexes.map((i) => i.indexname)).toEqual(
            expect.arrayContaining([`${partition}_quantity`, `${partition}_note`, `${partition}_record_id_trgm`]),
          );
        },
        { timeout: queueTimeoutMs, interval: 200 },
      );
    },
  );

  it(
    "retries a failed attempt, then gives the file up as Invalid instead of leaving it in Processing",
    { timeout: 2 * queueTimeoutMs },
    async () => {
      await seedDemoData(database.handle.db);
      // The queue's own retry policy, with the 5 s backoff taken out so that the test stays short.
      await (
        await getJobQueue()
      ).updateQueue(processUsageFileJob.name, { retryLimit: 1, retryDelay: 0, retryBackoff: false });
      await failEveryAttempt();
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      await runWorkers();

      await upload("usage.xlsx", ["q-1"]);
      const file = await waitForStatus("invalid");

      expect(file.errorDetail).toEqual({
        kind: "workbook",
        errors: [
          {
            code: "unreadable_workbook",
            message: "Processing failed: the server could not read this file. Please upload the file again.",
            row: null,
            column: null,
          },
        ],
      });
      expect(logged.mock.calls.map(([message]) => message)).toEqual([
        `Processing ${acmeDraftFileId} failed (attempt 1):`,
        `Processing ${acmeDraftFileId} failed (attempt 2):`,
      ]);
      expect(await rowsByGeneration(database.handle.db, acmeDraftFileId)).toEqual({ records: {}, categories: {} });
    },
  );
});
