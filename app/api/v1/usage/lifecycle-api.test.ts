import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { lastFullMonth, periodDays } from "@/lib/domain/usage-file-input";
import { startWorkers } from "@/lib/server/jobs/worker";
import { apiKeyOf, callApi, type ApiAnswer } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { recordsHeader, validRow, xlsxOf } from "@/test/usage-workbooks";
import * as accept from "./files/[id]/accept/route";
import * as close from "./files/[id]/close/route";
import * as exportFile from "./files/[id]/export/route";
import * as reject from "./files/[id]/reject/route";
import * as reprocess from "./files/[id]/reprocess/route";
import * as processedFile from "./files/[id]/processed-file/route";
import * as file from "./files/[id]/route";
import * as submit from "./files/[id]/submit/route";
import * as upload from "./files/[id]/upload/route";
import * as uploadedFile from "./files/[id]/uploaded-file/route";
import * as files from "./files/route";
import * as closeRecords from "./records/close-records/route";
import * as records from "./records/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const queueTimeoutMs = 30_000;

function expectStatus(answer: ApiAnswer, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as Record<string, unknown>;
}

describe("a usage file's whole life through the API alone", () => {
  it(
    "is created, uploaded (invalid, then valid), reprocessed, rejected, re-uploaded, accepted, exported, its records closed, and closed",
    { timeout: 4 * queueTimeoutMs },
    async () => {
      await seedDemoData(database.handle.db);
      await startWorkers();
      const vendor = await apiKeyOf("vendor@acme.test");
      const distributor = await apiKeyOf("distributor@northwind.test");
      const { firstDay, lastDay } = periodDays(lastFullMonth(new Date()));

      const created = expectStatus(
        await callApi(files.POST, {
          key: vendor,
          path: "/usage/files",
          method: "POST",
          json: {
            product_id: "PRD-100-001",
            contract_id: "CRD-00001",
            name: "Through the API",
            currency: "USD",
            first_day: firstDay,
            last_day: lastDay,
          },
        }),
        201,
      );
      const id = created.id as string;
      const act = (route: typeof submit, key: string, action: string, json: unknown = {}) =>
        callApi(route.POST, { key, path: `/usage/files/${id}/${action}`, method: "POST", json, params: { id } });

      async function waitUntil(status: string) {
        await vi.waitFor(
          async () => {
            const polled = expectStatus(
              await callApi(file.GET, { key: vendor, path: `/usage/files/${id}`, params: { id } }),
              200,
            );
            expect([polled.status, polled.progress_percent]).toEqual([status, 100]);
          },
          { timeout: queueTimeoutMs, interval: 200 },
        );
      }
      const waitUntilReady = () => waitUntil("ready");

      async function uploadAndWaitUntil(status: string, recordIds: string[], quantity = "2.5") {
        const workbook = await xlsxOf({
          records: [[...recordsHeader], ...recordIds.map((recordId, day) => validRow(recordId, quantity, day))],
        });
        const form = new FormData();
        form.set("usage_file", new Blob([new Uint8Array(workbook)]), "usage.xlsx");
        expect(
          expectStatus(
            await callApi(upload.POST, {
              key: vendor,
              path: `/usage/files/${id}/upload`,
              method: "POST",
              form,
              params: { id },
            }),
            202,
          ),
        ).toEqual({
          status: "uploading",
        });
        await waitUntil(status);
      }
      const download = (route: typeof uploadedFile) =>
        callApi(route.GET, { key: vendor, path: `/usage/files/${id}/download`, params: { id } });

      await uploadAndWaitUntil("invalid", ["api-1"], "-1");
      const processed = await download(processedFile);
      expect([processed.status, processed.headers.get("content-disposition")]).toEqual([
        200,
        expect.stringContaining(".xlsx"),
      ]);
      await uploadAndWaitUntil("ready", ["api-1", "api-2"]);
      expect(expectStatus(await act(reprocess, vendor, "reprocess"), 202)).toEqual({ status: "uploading" });
      await waitUntilReady();
      expect(expectStatus(await act(submit, vendor, "submit"), 200)).toMatchObject({ status: "pending" });
      expect(
        expectStatus(await act(reject, distributor, "reject", { rejection_note: "Add the third day." }), 200),
      ).toMatchObject({
        status: "rejected",
        rejection_note: "Add the third day.",
      });

      await uploadAndWaitUntil("ready", ["api-1", "api-2", "api-3"]);
      expect((await download(uploadedFile)).status).toBe(200);
      // Only an upload with invalid (or corrected) records has a processed spreadsheet.
      expect((await download(processedFile)).status).toBe(404);
      expectStatus(await act(submit, vendor, "submit"), 200);
      expect(expectStatus(await act(accept, distributor, "accept", { acceptance_note: "Fine." }), 200)).toMatchObject({
        status: "accepted",
        acceptance_note: "Fine.",
      });

      const exported = await callApi(exportFile.GET, {
        key: distributor,
        path: `/usage/files/${id}/export?format=csv`,
        params: { id },
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-type")).toContain("text/csv");
      const csv = (exported.body as Buffer).toString("utf8");
      for (const recordId of ["api-1", "api-2", "api-3"]) expect(csv).toContain(recordId);

      const listed = await callApi(records.GET, { key: distributor, path: `/usage/records?usagefile.id=${id}` });
      expect(listed.headers.get("content-range")).toBe("items 0-2/3");
      const recordIds = (listed.body as { id: string }[]).map((r) => r.id);
      const closing = recordIds.map((recordId, n) => ({ id: recordId, external_billing_id: `INV-${n}` }));
      expect(
        expectStatus(
          await callApi(closeRecords.POST, {
            key: distributor,
            path: "/usage/records/close-records",
            method: "POST",
            json: { records: closing },
          }),
          200,
        ),
      ).toEqual({ closed: recordIds, refused: [] });

      expect(expectStatus(await act(close, distributor, "close"), 200)).toMatchObject({ id, status: "closed" });
      const closedRecords = await callApi(records.GET, {
        key: vendor,
        path: `/usage/records?usagefile.id=${id}&status=closed`,
      });
      expect(closedRecords.headers.get("content-range")).toBe("items 0-2/3");
    },
  );
});
