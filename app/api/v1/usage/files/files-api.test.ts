import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeys } from "@/db/schema";
import { usageFileListQuery } from "@/lib/domain/usage-file-query";
import { deactivateUser } from "@/lib/server/admin/set-user-active";
import { listUsageFiles } from "@/lib/server/queries/usage-files";
import { acmeVendor, admin } from "@/test/admin-fixtures";
import { apiKeyOf, apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { usageFileRow } from "@/test/usage-file-state";
import * as file from "./[id]/route";
import * as deleteFile from "./[id]/delete/route";
import * as files from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's files -0001 Draft, -0002 Ready, -0003 Pending (Northwind's contract),
// -0004 Pending (Contoso's), -0005 Accepted, -0006 Rejected; Globex's -2001-0001 Pending (Northwind's).
const acmeDraft = "UF-2026-10-1001-0001";
const acmeReady = "UF-2026-10-1001-0002";
const acmePending = "UF-2026-10-1001-0003";
const globexPending = "UF-2026-10-2001-0001";

const keys = { acme: "", globex: "", northwind: "", admin: "" };

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(
    keys,
    await apiKeysOf({
      acme: seededKeyHolders.acme,
      globex: seededKeyHolders.globex,
      northwind: seededKeyHolders.northwind,
      admin: "admin@portal.test",
    }),
  );
});

const newFile = {
  product_id: "PRD-100-001",
  contract_id: "CRD-00001",
  name: "API file",
  currency: "usd",
  first_day: "2026-10-01",
  last_day: "2026-10-31",
};

describe("GET /usage/files", () => {
  it("pages the caller's files with a Content-Range, filtered and ordered", async () => {
    const all = await callApi(files.GET, { key: keys.acme, path: "/usage/files" });
    expect(all.status).toBe(200);
    expect(all.headers.get("content-range")).toBe("items 0-5/6");

    const page = await callApi(files.GET, { key: keys.acme, path: "/usage/files?limit=2&offset=1&order_by=-id" });
    expect((page.body as { id: string }[]).map((f) => f.id)).toEqual(["UF-2026-10-1001-0005", "UF-2026-10-1001-0004"]);
    expect(page.headers.get("content-range")).toBe("items 1-2/6");

    const pending = await callApi(files.GET, {
      key: keys.acme,
      path: "/usage/files?status=pending&contract=CRD-00001",
    });
    expect((pending.body as { id: string }[]).map((f) => f.id)).toEqual([acmePending]);

    const past = await callApi(files.GET, { key: keys.acme, path: "/usage/files?offset=50" });
    expect([past.body, past.headers.get("content-range")]).toEqual([[], "items */6"]);
  });

  it("shows a distributor only the files of its contracts from Pending on, without the vendor's note", async () => {
    const listed = await callApi(files.GET, { key: keys.northwind, path: "/usage/files?order_by=id" });
    const rows = listed.body as { id: string; internal_note: string | null }[];
    expect(rows.map((f) => f.id)).toEqual([acmePending, "UF-2026-10-1001-0005", "UF-2026-10-1001-0006", globexPending]);
    expect(rows.every((f) => f.internal_note === null)).toBe(true);
  });

  it.each([["limit=0"], ["limit=1001"], ["offset=-1"], ["order_by=colour"], ["status=lost"]])(
    "refuses %s with 400",
    async (query) => {
      const answer = await callApi(files.GET, { key: keys.acme, path: `/usage/files?${query}` });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error_code: "INVALID_INPUT" });
    },
  );
});

describe("POST /usage/files", () => {
  it("creates a Draft file for the vendor (201)", async () => {
    const created = await callApi(files.POST, { key: keys.acme, path: "/usage/files", method: "POST", json: newFile });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "API file",
      status: "draft",
      currency: "USD",
      product_name: expect.any(String),
      period_from: "2026-10-01T00:00:00.000Z",
    });
  });

  it("answers 400 for a malformed body, 422 for another vendor's product, 403 for a distributor", async () => {
    const create = (key: string, json: unknown) =>
      callApi(files.POST, { key, path: "/usage/files", method: "POST", json });
    const malformed = await create(keys.acme, { ...newFile, first_day: "October" });
    expect(malformed.status).toBe(400);
    // The body is a new file's (it names no `amends`): its own problem is told, not the amendment's.
    expect(malformed.body).toEqual({
      error_code: "INVALID_INPUT",
      errors: expect.arrayContaining(["Enter a date as YYYY-MM-DD."]),
    });
    expect(JSON.stringify(malformed.body)).not.toContain("UF-");
    const foreign = await create(keys.acme, { ...newFile, product_id: "PRD-200-001" });
    expect([foreign.status, foreign.body]).toEqual([
      422,
      { error_code: "VALIDATION_FAILED", errors: expect.any(Array) },
    ]);
    expect((await create(keys.northwind, newFile)).status).toBe(403);
  });
});

describe("POST /usage/files with amends", () => {
  const acmeAccepted = "UF-2026-10-1001-0005";
  const amend = (key: string, json: unknown) =>
    callApi(files.POST, { key, path: "/usage/files", method: "POST", json });

  it("opens a Draft amendment with the original's product, contract, period and currency (201)", async () => {
    const original = await usageFileRow(database.handle.db, acmeAccepted);
    const created = await amend(keys.acme, { amends: acmeAccepted, external_id: "AMD-1" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      amends: acmeAccepted,
      status: "draft",
      name: `${original.name} — amendment 1`,
      product_id: original.productId,
      contract_id: original.contractId,
      currency: original.currency,
      period_from: original.periodFrom.toISOString(),
      period_to: original.periodTo.toISOString(),
      external_id: "AMD-1",
    });
  });

  it("answers 409 for a file not accepted yet, 404 for another vendor's, 403 for its reviewer, 400 for a bad id", async () => {
    expect((await amend(keys.acme, { amends: acmeReady })).status).toBe(409);
    expect((await amend(keys.globex, { amends: acmeAccepted })).status).toBe(404);
    expect((await amend(keys.northwind, { amends: acmeAccepted })).status).toBe(403);
    const bad = await amend(keys.acme, { amends: "nope" });
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringContaining("Name the file to amend")]);
  });
});

describe("GET and PUT /usage/files/{id}", () => {
  it("answers the caller's file, and 404 for a foreign one", async () => {
    const own = await callApi(file.GET, {
      key: keys.acme,
      path: `/usage/files/${acmeDraft}`,
      params: { id: acmeDraft },
    });
    expect(own).toMatchObject({ status: 200, body: { id: acmeDraft, status: "draft", progress_percent: 0 } });
    const foreign = await callApi(file.GET, {
      key: keys.globex,
      path: `/usage/files/${acmeDraft}`,
      params: { id: acmeDraft },
    });
    expect([foreign.status, foreign.body]).toEqual([
      404,
      { error_code: "NOT_FOUND", errors: ["Usage file not found."] },
    ]);
  });

  it("updates the name of a file not yet submitted; 409 once it is, 404 for another vendor, 403 for its reviewer", async () => {
    const put = (key: string, id: string, json: unknown) =>
      callApi(file.PUT, { key, path: `/usage/files/${id}`, method: "PUT", json, params: { id } });
    expect(await put(keys.acme, acmeReady, { name: "Renamed" })).toMatchObject({
      status: 200,
      body: { id: acmeReady, name: "Renamed" },
    });
    expect((await put(keys.acme, acmePending, { name: "Late" })).status).toBe(409);
    expect((await put(keys.globex, acmeReady, { name: "Theirs" })).status).toBe(404);
    expect((await put(keys.northwind, acmePending, { internal_note: "x" })).status).toBe(403);
    expect((await put(keys.acme, acmeReady, { name: 7 })).status).toBe(400);
  });
});

describe("a usage file's external_id (the vendor's own reference)", () => {
  const put = (key: string, id: string, json: unknown) =>
    callApi(file.PUT, { key, path: `/usage/files/${id}`, method: "PUT", json, params: { id } });
  const listed = async (key: string, query: string) =>
    ((await callApi(files.GET, { key, path: `/usage/files?${query}` })).body as { id: string }[]).map((f) => f.id);

  it("is set on create, shown to its reviewer, and changed or cleared by PUT in any status", async () => {
    const created = await callApi(files.POST, {
      key: keys.acme,
      path: "/usage/files",
      method: "POST",
      json: { ...newFile, external_id: " RUN-2026-10 " },
    });
    expect(created).toMatchObject({ status: 201, body: { external_id: "RUN-2026-10" } });
    const plain = await callApi(files.POST, { key: keys.acme, path: "/usage/files", method: "POST", json: newFile });
    expect(plain.body).toMatchObject({ external_id: null });

    expect(await put(keys.acme, acmePending, { external_id: "PO-77" })).toMatchObject({
      status: 200,
      body: { id: acmePending, external_id: "PO-77" },
    });
    const reviewed = await callApi(file.GET, {
      key: keys.northwind,
      path: `/usage/files/${acmePending}`,
      params: { id: acmePending },
    });
    expect(reviewed.body).toMatchObject({ external_id: "PO-77" });
    expect(await put(keys.acme, acmePending, { external_id: "" })).toMatchObject({ body: { external_id: null } });
    expect((await put(keys.acme, acmeReady, { external_id: "x".repeat(201) })).status).toBe(400);
    expect((await put(keys.globex, acmeReady, { external_id: "Theirs" })).status).toBe(404);
    expect((await usageFileRow(database.handle.db, acmeReady)).externalId).toBeNull();
  });

  it("filters the lists exactly, and is searched with the name and id", async () => {
    await put(keys.acme, acmeReady, { external_id: "PO-77" });
    await put(keys.acme, acmePending, { external_id: "PO-770" });
    expect(await listed(keys.acme, "external_id=PO-77")).toEqual([acmeReady]);
    expect(await listed(keys.northwind, "external_id=PO-770")).toEqual([acmePending]);
    expect(await listed(keys.globex, "external_id=PO-77")).toEqual([]);
    expect((await listed(keys.acme, "external_id=PO-77&status=pending")).length).toBe(0);

    const searched = await listUsageFiles(acmeVendor, usageFileListQuery.parse({ q: "po-77", sort: "id" }));
    expect(searched.rows.map((f) => f.id)).toEqual([acmeReady, acmePending]);
    const exact = await listUsageFiles(acmeVendor, usageFileListQuery.parse({ externalId: "PO-770" }));
    expect(exact.rows.map((f) => f.id)).toEqual([acmePending]);
  });
});

describe("POST /usage/files/{id}/delete", () => {
  it("soft-deletes a Draft; 409 for a Pending file; 403 for an admin", async () => {
    const remove = (key: string, id: string) =>
      callApi(deleteFile.POST, { key, path: `/usage/files/${id}/delete`, method: "POST", params: { id } });
    expect(await remove(keys.acme, acmeDraft)).toMatchObject({
      status: 200,
      body: { id: acmeDraft, status: "deleted" },
    });
    expect((await usageFileRow(database.handle.db, acmeDraft)).status).toBe("deleted");
    expect((await remove(keys.acme, acmePending)).status).toBe(409);
    expect((await remove(keys.admin, acmeReady)).status).toBe(403);
  });
});

describe("API authentication", () => {
  const get = (key?: string) =>
    callApi(file.GET, { key, path: `/usage/files/${acmeDraft}`, params: { id: acmeDraft } });

  it("answers 401 without a key and for an unknown one", async () => {
    expect(await get()).toMatchObject({ status: 401, body: { error_code: "UNAUTHENTICATED" } });
    expect((await get("urp_unknown")).status).toBe(401);
  });

  it("answers 401 for a revoked key and for a deactivated user's key", async () => {
    await database.handle.db.update(apiKeys).set({ revokedAt: new Date() });
    expect((await get(keys.acme)).status).toBe(401);
    const fresh = await apiKeyOf("vendor@acme.test");
    expect((await get(fresh)).status).toBe(200);
    await deactivateUser(admin, acmeVendor.userId);
    expect((await get(fresh)).status).toBe(401);
  });
});
