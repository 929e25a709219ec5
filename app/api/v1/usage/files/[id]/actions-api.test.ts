import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import * as productTemplate from "../../../products/[id]/template/route";
import * as exportRecords from "../../records/export/route";
import * as accept from "./accept/route";
import * as changes from "./changes/route";
import * as close from "./close/route";
import * as closeRecords from "./close-records/route";
import * as exportFile from "./export/route";
import * as processedFile from "./processed-file/route";
import * as reconciliation from "./reconciliation/route";
import * as closeRecord from "./records/[recordId]/close/route";
import * as reject from "./reject/route";
import * as reprocess from "./reprocess/route";
import * as submit from "./submit/route";
import * as template from "./template/route";
import * as upload from "./upload/route";
import * as uploadedFile from "./uploaded-file/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));
// A small upload limit, so that a small request shows the answer to a large one.
vi.mock("@/lib/server/usage-files/upload-limits", async (original) => ({
  ...(await original<typeof import("@/lib/server/usage-files/upload-limits")>()),
  uploadLimits: () => ({ maxBytes: 1000, maxRecords: 10 }),
}));

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's -0001 Draft, -0002 Ready, -0003 Pending and -0005 Accepted on Northwind's
// contract; -0004 Pending on Contoso's.
const draft = "UF-2026-10-1001-0001";
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";
const accepted = "UF-2026-10-1001-0005";

type Who = "acme" | "globex" | "northwind" | "contoso" | "nobody";
const keys: Record<Who, string | undefined> = { acme: "", globex: "", northwind: "", contoso: "", nobody: undefined };

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(keys, await apiKeysOf(seededKeyHolders));
});

type Route = { POST?: unknown; GET?: unknown };
type Handler = Parameters<typeof callApi>[0];

function post(route: Route, who: Who, id: string, json: unknown, recordId = "") {
  return callApi(route.POST as Handler, {
    key: keys[who],
    path: `/usage/files/${id}/x`,
    method: "POST",
    json,
    params: { id, recordId },
  });
}

function get(route: Route, who: Who, id: string, query = "") {
  return callApi(route.GET as Handler, { key: keys[who], path: `/usage/files/${id}/x${query}`, params: { id } });
}

function uploadForm(bytes: number): FormData {
  const form = new FormData();
  form.set("usage_file", new Blob([new Uint8Array(bytes)]), "usage.xlsx");
  return form;
}

const actions = { submit, accept, reject, close, reprocess };
const downloads = { template, "uploaded-file": uploadedFile, "processed-file": processedFile, export: exportFile };

describe("actions on a usage file", () => {
  it.each([
    ["submit", "acme", ready, {}, 200],
    ["submit", "nobody", ready, {}, 401],
    ["submit", "acme", pending, {}, 409],
    ["submit", "northwind", pending, {}, 403],
    ["submit", "globex", ready, {}, 404],
    ["accept", "northwind", pending, { acceptance_note: "ok" }, 200],
    ["accept", "northwind", pending, { acceptance_note: 5 }, 400],
    ["accept", "northwind", pending, { note: "the old name" }, 400],
    ["accept", "acme", pending, {}, 403],
    ["accept", "contoso", pending, {}, 404],
    ["accept", "northwind", accepted, {}, 409],
    ["reject", "northwind", pending, { rejection_note: "Wrong month." }, 200],
    ["reject", "northwind", pending, {}, 400],
    ["reject", "northwind", ready, { rejection_note: "x" }, 404],
    ["reprocess", "acme", draft, {}, 409],
    ["reprocess", "acme", pending, {}, 409],
    ["reprocess", "northwind", pending, {}, 403],
    ["reprocess", "globex", draft, {}, 404],
    ["close", "northwind", accepted, { external_billing_id: "INV-1" }, 200],
    ["close", "northwind", pending, { external_billing_id: "INV-1" }, 409],
    ["close", "acme", accepted, { external_billing_id: "INV-1" }, 403],
  ] as const)("%s by %s on %s answers %i", async (action, who, id, json, status) => {
    expect((await post(actions[action], who, id, json)).status).toBe(status);
  });

  it("closes records of the file, selected or one by one", async () => {
    const [first, second] = (await visibleRecords(database.handle.db, accepted)).map((r) => `UR-${r.id}`);
    expect(
      await post(closeRecords, "northwind", accepted, { ids: [first], external_billing_id: "INV-1" }),
    ).toMatchObject({
      status: 200,
      body: { closed: [first], refused: [] },
    });
    expect((await post(closeRecords, "northwind", accepted, { ids: [], external_billing_id: "INV-1" })).status).toBe(
      400,
    );
    expect((await post(closeRecord, "northwind", accepted, { external_billing_id: "INV-2" }, second)).status).toBe(200);
    expect((await post(closeRecord, "northwind", accepted, { external_billing_id: "INV-2" }, second)).status).toBe(409);
    expect((await post(closeRecord, "northwind", accepted, { external_billing_id: "INV-2" }, "UR-999999")).status).toBe(
      404,
    );
  });
});

describe("disputed records", () => {
  it("rejects with disputed records and answers what changed since; refuses bad disputes with 400 and 422, changing nothing", async () => {
    const [first, second] = (await visibleRecords(database.handle.db, pending)).map((r) => `UR-${r.id}`);
    const [other] = (await visibleRecords(database.handle.db, accepted)).map((r) => `UR-${r.id}`);
    const rejecting = (disputed_records: unknown) =>
      post(reject, "northwind", pending, { rejection_note: "See the records.", disputed_records });

    expect(await rejecting([{ id: first, reason: " " }])).toMatchObject({
      status: 400,
      body: { error_code: "INVALID_INPUT" },
    });
    expect((await rejecting([{ id: "R-1", reason: "Doubled" }])).status).toBe(400);
    expect((await rejecting(Array.from({ length: 1001 }, (_, i) => ({ id: `UR-${i + 1}`, reason: "x" })))).status).toBe(
      400,
    );
    expect(await rejecting([{ id: other, reason: "Doubled" }])).toMatchObject({
      status: 422,
      body: { error_code: "VALIDATION_FAILED" },
    });
    expect(await get(changes, "northwind", pending)).toMatchObject({ status: 200, body: { rejected_at: null } });

    expect(
      await rejecting([
        { id: first, reason: "Doubled" },
        { id: second, reason: "Not ours" },
      ]),
    ).toMatchObject({ status: 200, body: { status: "rejected" } });
    const answer = await get(changes, "acme", pending);
    expect(answer).toMatchObject({
      status: 200,
      body: {
        counts: { changed: 0, added: 0, removed: 0, disputed_unchanged: 2, disputed: 2 },
        disputed_unchanged: [{ dispute_reason: expect.any(String) }, { dispute_reason: expect.any(String) }],
      },
    });
    expect((await get(changes, "contoso", pending)).status).toBe(404);
    expect((await get(changes, "globex", pending)).status).toBe(404);
  });
});

describe("uploads", () => {
  const send = (who: Who, id: string, form?: FormData) =>
    callApi(upload.POST as Handler, {
      key: keys[who],
      path: `/usage/files/${id}/upload`,
      method: "POST",
      form,
      params: { id },
    });

  it("answers 413 past the upload limit, 400 without the file, 409 once submitted, 403 and 404 to others", async () => {
    expect(await send("acme", draft, uploadForm(5000))).toMatchObject({
      status: 413,
      body: { error_code: "TOO_LARGE" },
    });
    expect((await send("acme", draft)).status).toBe(400);
    expect((await send("acme", pending, uploadForm(10))).status).toBe(409);
    expect((await send("northwind", pending, uploadForm(10))).status).toBe(403);
    expect((await send("globex", draft, uploadForm(10))).status).toBe(404);
  });

  it("closes the records a reconciliation sheet names, and says what came of each row", async () => {
    const [first, second] = (await visibleRecords(database.handle.db, accepted)).map((r) => `UR-${r.id}`);
    const sheet = new FormData();
    const csv = `id,external_billing_id,external_billing_note\n${first},INV-7,October\n${second},,\nUR-999999,INV-8,\n`;
    sheet.set("recon_file", new Blob([csv], { type: "text/csv" }), "billing.csv");
    const answer = await callApi(reconciliation.POST as Handler, {
      key: keys.northwind,
      path: `/usage/files/${accepted}/reconciliation`,
      method: "POST",
      form: sheet,
      params: { id: accepted },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { closed: [first], refused: [{ id: "UR-999999", reason: "not_found" }] },
    });
    const closed = (await visibleRecords(database.handle.db, accepted)).find((r) => `UR-${r.id}` === first);
    expect(closed).toMatchObject({ externalBillingId: "INV-7", externalBillingNote: "October" });
  });

  it("refuses a reconciliation sheet without the file (400), from the vendor (403), or on another's file (404)", async () => {
    const reconcile = (who: Who, form?: FormData) =>
      callApi(reconciliation.POST as Handler, {
        key: keys[who],
        path: `/usage/files/${accepted}/reconciliation`,
        method: "POST",
        form,
        params: { id: accepted },
      });
    const sheet = new FormData();
    sheet.set("recon_file", new Blob([new Uint8Array(10)]), "recon.xlsx");
    expect((await reconcile("northwind")).status).toBe(400);
    expect((await reconcile("acme", sheet)).status).toBe(403);
    expect((await reconcile("contoso", sheet)).status).toBe(404);
  });
});

describe("downloads", () => {
  it.each([
    ["template", "acme", draft, "", 200],
    ["template", "globex", draft, "", 404],
    ["uploaded-file", "globex", ready, "", 404],
    ["processed-file", "northwind", ready, "", 404],
    ["export", "northwind", accepted, "?format=xlsx", 200],
    ["export", "northwind", accepted, "?format=pdf", 400],
    ["export", "contoso", accepted, "?format=csv", 404],
    ["export", "nobody", accepted, "?format=csv", 401],
  ] as const)("%s by %s of %s%s answers %i", async (download, who, id, query, status) => {
    expect((await get(downloads[download], who, id, query)).status).toBe(status);
  });

  it("serves a product's template to its vendor, and the billing export across files to reviewers", async () => {
    const productGet = (who: Who, id: string) =>
      callApi(productTemplate.GET as Handler, { key: keys[who], path: `/products/${id}/template`, params: { id } });
    expect((await productGet("acme", "PRD-100-001")).status).toBe(200);
    expect((await productGet("globex", "PRD-100-001")).status).toBe(404);
    const billing = (who: Who, query: string) =>
      callApi(exportRecords.GET as Handler, { key: keys[who], path: `/usage/records/export${query}` });
    expect((await billing("northwind", "?format=csv")).status).toBe(200);
    expect((await billing("northwind", "?period=May")).status).toBe(400);
    const csvLines = async (query: string) =>
      String((await billing("northwind", query)).body)
        .trim()
        .split("\n").length;
    expect(await csvLines("?file_status=accepted")).toBeGreaterThan(1);
    expect(await csvLines("?file_status=closed")).toBe(1);
  });
});
