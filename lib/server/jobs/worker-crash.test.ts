import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { killWorkerProcesses, startWorkerProcess } from "@/test/worker-process";
import { rowsByGeneration, usageFileRow } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow } from "@/test/usage-workbooks";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import { processUsageFileJob } from "./queue";

const database = withTestDatabase();
const startWorker = () => startWorkerProcess(database.handle.url);

afterEach(killWorkerProcesses);

const recordCount = 300_000;

/** When the queue last handed the file's processing to a worker, in ms. */
async function lastStartOfProcessing(): Promise<number> {
  const [job] = await database.handle.rows<{ started: number }>(
    `SELECT extract(epoch FROM started_on)::float8 * 1000 AS started FROM pgboss.job WHERE name = '${processUsageFileJob.name}'`,
  );
  return job?.started ?? 0;
}

describe("a worker process killed while it processes a file", () => {
  it(
    "leaves the file to the next worker, which loads every record once, within 15 s of the kill",
    { timeout: 180_000 },
    async () => {
      await seedDemoData(database.handle.db);
      const rows = Array.from({ length: recordCount }, (_, row) => validRow(`crash-${row}`, "0.5", row % 28).join(","));
      const csv = [recordsHeader.join(","), ...rows].join("\n");
      expect(await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("crash.csv", csv))).toMatchObject({
        ok: true,
      });

      const first = startWorker();
      await vi.waitFor(
        async () => expect((await usageFileRow(database.handle.db, acmeDraftFileId)).progressRows).toBeGreaterThan(0),
        {
          timeout: 60_000,
          interval: 50,
        },
      );
      first.kill("SIGKILL");
      await once(first, "exit");
      const killedAt = Date.now();
      expect((await usageFileRow(database.handle.db, acmeDraftFileId)).status).toBe("processing");

      startWorker();
      // Taken up again: the heartbeat (10 s) is missed, noticed within 2 s, retried after 2 s.
      await vi.waitFor(async () => expect(await lastStartOfProcessing()).toBeGreaterThan(killedAt), {
        timeout: 30_000,
        interval: 100,
      });
      expect((await lastStartOfProcessing()) - killedAt).toBeLessThan(15_000);
      await vi.waitFor(
        async () => expect((await usageFileRow(database.handle.db, acmeDraftFileId)).status).toBe("ready"),
        {
          timeout: 90_000,
          interval: 200,
        },
      );
      const file = await usageFileRow(database.handle.db, acmeDraftFileId);
      expect(file.stats).toMatchObject({
        records: recordCount,
        valid: recordCount,
        byItem: [{ quantity: String(recordCount / 2) }],
      });
      expect(await rowsByGeneration(database.handle.db, acmeDraftFileId)).toEqual({
        records: { [file.generation]: recordCount },
        categories: {},
      });
    },
  );
});
