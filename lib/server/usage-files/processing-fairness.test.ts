import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { lastFullMonth } from "@/lib/domain/usage-file-input";
import { processUsageFileJob } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { withTestDatabase } from "@/test/db";
import { usageFileRow } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  globexVendor,
  recordsHeader,
  uploadOf,
  validRow,
  xlsxOf,
} from "@/test/usage-workbooks";
import { createUsageFile } from "./create-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

const database = withTestDatabase();

// Every upload is queued before the worker starts (a file of its own, so that no worker from another
// test runs meanwhile): then only the order the worker takes them in decides what starts first.

describe("the processing queue under one account's backlog", () => {
  it(
    "gives another account's file a worker while one account's uploads wait their turn",
    { timeout: 180_000 },
    async () => {
      await seedDemoData(database.handle.db);
      // Acme's three uploadable files (draft, ready, rejected) queue first, each a few seconds' work.
      const acmeFiles = [acmeDraftFileId, "UF-2026-10-1001-0002", "UF-2026-10-1001-0006"];
      const rows = Array.from({ length: 60_000 }, (_, row) => validRow(`fair-${row}`, "1", row % 28));
      const acmeWorkbook = await xlsxOf({ records: [[...recordsHeader], ...rows] });
      for (const fileId of acmeFiles) {
        expect(await uploadUsageFile(acmeVendor, fileId, uploadOf("big.xlsx", acmeWorkbook))).toMatchObject({
          ok: true,
        });
      }
      const globexFile = await createUsageFile(globexVendor, {
        productId: "PRD-200-001",
        contractId: "CRD-00003",
        name: "Globex, queued last",
        description: "",
        externalId: null,
        currency: "USD",
        period: lastFullMonth(new Date()),
      });
      if (!globexFile.ok) throw new Error(globexFile.message);
      const globexWorkbook = await xlsxOf({ records: [[...recordsHeader], validRow("g-1")] });
      const globexUpload = uploadOf("small.xlsx", globexWorkbook);
      expect(await uploadUsageFile(globexVendor, globexFile.value.id, globexUpload)).toMatchObject({ ok: true });

      await startWorkers();
      const allFiles = [...acmeFiles, globexFile.value.id];
      await vi.waitFor(
        async () => {
          const statuses = await Promise.all(
            allFiles.map(async (id) => (await usageFileRow(database.handle.db, id)).status),
          );
          expect(statuses.every((status) => status === "ready" || status === "invalid")).toBe(true);
        },
        { timeout: 150_000, interval: 200 },
      );
      // Served in arrival order, Acme's last file would have started before Globex's, queued after it.
      const started = await database.handle.rows<{ file: string; started: number }>(
        `SELECT data->>'usageFileId' AS file, extract(epoch FROM started_on)::float8 AS started FROM pgboss.job WHERE name = '${processUsageFileJob.name}'`,
      );
      const startOf = (id: string) => started.find((job) => job.file === id)!.started;
      expect(startOf(globexFile.value.id)).toBeLessThan(startOf(acmeFiles[2]!));
    },
  );
});
