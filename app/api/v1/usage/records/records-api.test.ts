import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { openRecordPartition, recordIdRange } from "@/db/record-partitions";
import { usageFiles } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import * as closeRecord from "./[id]/close/route";
import * as record from "./[id]/route";
import * as closeRecords from "./close-records/route";
import * as records from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's -0005 is Accepted by Northwind (30 Acme Backup records), -0003 Pending.
const accepted = "UF-2026-10-1001-0005";
const pending = "UF-2026-10-1001-0003";

const keys = { acme: "", globex: "", northwind: "", contoso: "" };
let ids: string[] = [];

/** Another Accepted file of the same contract, with copies of `source`'s records under new ids. */
async function acceptedCopyOf(source: string, id: string): Promise<void> {
  const db = database.handle.db;
  const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, source));
  await db.insert(usageFiles).values({ ...file!, id, firstRecordId: null, lastRecordId: null });
  await openRecordPartition(db, id, file!.generation);
  await db.execute(sql`
    INSERT INTO usage_records (usage_file_id, generation, row_number, record_id, item_id, subscription_id, quantity, start_time, end_time)
    SELECT ${id}, generation, row_number, record_id, item_id, subscription_id, quantity, start_time, end_time
    FROM usage_records WHERE usage_file_id = ${source} AND generation = ${file!.generation} ORDER BY id`);
  await db
    .update(usageFiles)
    .set(await recordIdRange(db, id, file!.generation))
    .where(eq(usageFiles.id, id));
}

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(keys, await apiKeysOf(seededKeyHolders));
  ids = (await visibleRecords(database.handle.db, accepted)).map((r) => `UR-${r.id}`);
});

describe("GET /usage/records", () => {
  it("pages a file's records with a Content-Range, named by their public ids", async () => {
    const page = await callApi(records.GET, {
      key: keys.northwind,
      path: `/usage/records?usagefile.id=${accepted}&limit=10&offset=5`,
    });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-range")).toBe("items 5-14/30");
    expect((page.body as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(5, 15));
    expect((page.body as object[])[0]).toMatchObject({
      usage_file_id: accepted,
      status: "accepted",
      quantity: expect.any(String),
    });
  });

  it("filters by item MPN and status, and orders with order_by", async () => {
    const byMpn = await callApi(records.GET, {
      key: keys.acme,
      path: `/usage/records?usagefile.id=${accepted}&item.mpn=ACME-BKP-TB&order_by=-row`,
    });
    const rows = byMpn.body as { id: string; item_mpn: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.item_mpn === "ACME-BKP-TB")).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(ids.filter((id) => rows.some((r) => r.id === id)).reverse());
    const closed = await callApi(records.GET, {
      key: keys.acme,
      path: `/usage/records?usagefile.id=${accepted}&status=closed`,
    });
    expect([closed.body, closed.headers.get("content-range")]).toEqual([[], "items */0"]);
  });

  it("answers 400 with a bad filter, 404 for a file the caller may not see", async () => {
    expect(
      (await callApi(records.GET, { key: keys.acme, path: `/usage/records?usagefile.id=${accepted}&start_from=May` }))
        .status,
    ).toBe(400);
    expect(
      (await callApi(records.GET, { key: keys.globex, path: `/usage/records?usagefile.id=${accepted}` })).status,
    ).toBe(404);
    expect(
      (await callApi(records.GET, { key: keys.contoso, path: `/usage/records?usagefile.id=${accepted}` })).status,
    ).toBe(404);
  });
});

describe("GET /usage/records without a usage file", () => {
  const list = (key: string, query = "") => callApi(records.GET, { key, path: `/usage/records?${query}` });
  const filesOf = (body: unknown) =>
    [...new Set((body as { usage_file_id: string }[]).map((r) => r.usage_file_id))].sort();

  it("lists the records of every file the caller may see, each with its file and its status", async () => {
    const northwind = await list(keys.northwind, "limit=1000");
    expect(northwind.status).toBe(200);
    // Northwind reviews Acme's -0003 (Pending), -0005 (Accepted), -0006 (Rejected) and Globex's -0001; Acme's -0002 is only Ready.
    expect(filesOf(northwind.body)).toEqual([pending, accepted, "UF-2026-10-1001-0006", "UF-2026-10-2001-0001"]);
    expect(northwind.headers.get("content-range")).toBe("items 0-144/145");
    const rows = northwind.body as { usage_file_id: string; status: string }[];
    expect(rows.find((r) => r.usage_file_id === pending)?.status).toBe("pending");
    expect(rows.find((r) => r.usage_file_id === accepted)?.status).toBe("accepted");
    expect(filesOf((await list(keys.contoso, "limit=1000")).body)).toEqual(["UF-2026-10-1001-0004"]);
    expect(filesOf((await list(keys.globex, "limit=1000")).body)).toEqual(["UF-2026-10-2001-0001"]);
  });

  it("filters, orders and pages across files", async () => {
    const page = await list(keys.northwind, "status=accepted&order_by=-row&limit=10&offset=5");
    expect(page.headers.get("content-range")).toBe("items 5-14/30");
    expect((page.body as { id: string }[]).map((r) => r.id)).toEqual([...ids].reverse().slice(5, 15));
    const byMpn = await list(keys.acme, "item.mpn=ACME-BKP-TB");
    expect((byMpn.body as { item_mpn: string }[]).every((r) => r.item_mpn === "ACME-BKP-TB")).toBe(true);
    expect([
      (await list(keys.acme, "status=closed")).body,
      (await list(keys.acme, "status=closed")).headers.get("content-range"),
    ]).toEqual([[], "items */0"]);
    expect((await list(keys.acme, "start_to=someday")).status).toBe(400);
  });

  it("answers 400 naming a parameter it does not take, rather than every record", async () => {
    expect(await list(keys.acme, "product=PRD-100-001&limit=5")).toMatchObject({
      status: 400,
      body: { error_code: "INVALID_INPUT", errors: ["Unknown query parameter: product."] },
    });
    expect((await list(keys.acme, "Status=closed&usagefile_id=x")).body).toMatchObject({
      errors: ["Unknown query parameters: Status, usagefile_id."],
    });
  });
});

describe("GET /usage/records paged by cursor", () => {
  const get = (key: string, path: string) => callApi(records.GET, { key, path });
  const idsOf = (body: unknown) => (body as { id: string }[]).map((r) => r.id);
  const nextOf = (answer: { headers: Headers }) =>
    /^<\/api\/v1(\/usage\/records\?[^>]*)>; rel="next"$/.exec(answer.headers.get("link") ?? "")?.[1];

  /** Every page from the first, following each `Link: rel="next"` to the end. */
  async function walk(key: string, query: string) {
    const seen: string[] = [];
    let path: string | undefined = `/usage/records?${query}`;
    const ranges: (string | null)[] = [];
    while (path) {
      const page = await get(key, path);
      expect(page.status).toBe(200);
      seen.push(...idsOf(page.body));
      ranges.push(page.headers.get("content-range"));
      path = nextOf(page);
    }
    return { seen, ranges };
  }

  // Orders with ties (item, note) and empty values (note, amount: the QT product's are all empty).
  for (const order of ["item", "-note", "-amount", "row", "-start"]) {
    it(`walks order_by=${order} by cursor through every record once, in the order offset paging gives`, async () => {
      const file = `usagefile.id=${pending}&order_by=${order}`;
      const all = idsOf((await get(keys.northwind, `/usage/records?${file}&limit=1000`)).body);
      const { seen, ranges } = await walk(keys.northwind, `${file}&limit=7`);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(60);
      // The first page has its offset; a page asked for by cursor does not know its place.
      expect(ranges).toEqual(["items 0-6/60", ...Array(8).fill("items */60")]);

      const across = `order_by=${order}&status=pending`;
      const allAcross = idsOf((await get(keys.northwind, `/usage/records?${across}&limit=1000`)).body);
      expect(allAcross).toHaveLength(60 + 35);
      expect((await walk(keys.northwind, `${across}&limit=9`)).seen).toEqual(allAcross);
    });
  }

  it("keeps the filters and the page size in the next page's link, and gives none after the last page", async () => {
    const filtered = `usagefile.id=${accepted}&item.mpn=ACME-BKP-TB`;
    const all = idsOf((await get(keys.acme, `/usage/records?${filtered}`)).body);
    const first = await get(keys.acme, `/usage/records?${filtered}&limit=2&offset=3`);
    const next = nextOf(first)!;
    const { after, ...kept } = Object.fromEntries(new URLSearchParams(next.split("?")[1]));
    expect([kept, after]).toEqual([
      { "usagefile.id": accepted, "item.mpn": "ACME-BKP-TB", limit: "2" },
      expect.any(String),
    ]);
    expect(idsOf((await get(keys.acme, next)).body)).toEqual(all.slice(5, 7));
    const last = await get(keys.acme, `/usage/records?usagefile.id=${accepted}&limit=30`);
    expect([idsOf(last.body).length, last.headers.get("link")]).toEqual([30, null]);
  });

  it("answers 400 for a cursor of another order, a cursor with an offset, and a cursor it did not hand out", async () => {
    const first = await get(keys.northwind, `/usage/records?usagefile.id=${pending}&order_by=-quantity&limit=5`);
    const after = new URLSearchParams(nextOf(first)!.split("?")[1]).get("after")!;
    const refused = async (query: string) => {
      const answer = await get(keys.northwind, `/usage/records?usagefile.id=${pending}&${query}`);
      expect(answer.status, query).toBe(400);
      return (answer.body as { errors: string[] }).errors.join(" ");
    };
    expect(await refused(`order_by=quantity&after=${after}`)).toContain("order_by=-quantity");
    expect(await refused(`after=${after}`)).toContain("order_by=-quantity");
    expect(await refused(`order_by=-quantity&offset=5&after=${after}`)).toContain("not both");
    expect(await refused(`order_by=-quantity&after=5~12`)).toContain("cursor");
    const forged = Buffer.from(JSON.stringify(["-quantity", pending, 1, 1, "'; DROP TABLE x"])).toString("base64url");
    expect(await refused(`order_by=-quantity&after=${forged}`)).toContain("cursor");
    expect(
      (await get(keys.northwind, `/usage/records?usagefile.id=${pending}&order_by=-quantity&after=${after}`)).status,
    ).toBe(200);
  });

  it("keeps a cursor to the caller's own records: another tenant gets 404 for the file and only its own records across files", async () => {
    const first = await get(keys.northwind, `/usage/records?usagefile.id=${pending}&limit=5`);
    const after = new URLSearchParams(nextOf(first)!.split("?")[1]).get("after")!;
    expect((await get(keys.globex, `/usage/records?usagefile.id=${pending}&after=${after}`)).status).toBe(404);
    expect((await get(keys.contoso, `/usage/records?usagefile.id=${pending}&after=${after}`)).status).toBe(404);
    const globexAcross = await get(keys.globex, `/usage/records?after=${after}&limit=1000`);
    expect(globexAcross.status).toBe(200);
    const globexFiles = new Set((globexAcross.body as { usage_file_id: string }[]).map((r) => r.usage_file_id));
    expect([...globexFiles]).toEqual(["UF-2026-10-2001-0001"]);
  });
});

describe("GET /usage/records/{id}", () => {
  it("answers the record to its file's vendor and reviewer, 404 to others and for unknown ids", async () => {
    const get = (key: string, id: string) => callApi(record.GET, { key, path: `/usage/records/${id}`, params: { id } });
    expect(await get(keys.northwind, ids[0]!)).toMatchObject({
      status: 200,
      body: { id: ids[0], usage_file_id: accepted },
    });
    expect((await get(keys.acme, ids[0]!)).status).toBe(200);
    expect((await get(keys.globex, ids[0]!)).status).toBe(404);
    expect((await get(keys.acme, "UR-999999")).status).toBe(404);
    expect((await get(keys.acme, "42")).status).toBe(404);
  });
});

describe("POST /usage/records/{id}/close", () => {
  const close = (key: string, id: string, json: unknown) =>
    callApi(closeRecord.POST, { key, path: `/usage/records/${id}/close`, method: "POST", json, params: { id } });

  it("closes an accepted record once (409 the second time) for the file's reviewer", async () => {
    expect(
      await close(keys.northwind, ids[0]!, { external_billing_id: "INV-1", external_billing_note: "October" }),
    ).toMatchObject({
      status: 200,
      body: { closed: [ids[0]], refused: [] },
    });
    expect((await close(keys.northwind, ids[0]!, { external_billing_id: "INV-2" })).status).toBe(409);
  });

  it("answers 400 without a billing id, 403 to the vendor, 404 to another reseller, 409 on a Pending file", async () => {
    expect((await close(keys.northwind, ids[0]!, {})).status).toBe(400);
    expect((await close(keys.acme, ids[0]!, { external_billing_id: "INV-1" })).status).toBe(403);
    expect((await close(keys.contoso, ids[0]!, { external_billing_id: "INV-1" })).status).toBe(404);
    const pendingId = `UR-${(await visibleRecords(database.handle.db, pending))[0]!.id}`;
    expect((await close(keys.northwind, pendingId, { external_billing_id: "INV-1" })).status).toBe(409);
  });
});

describe("POST /usage/records/close-records", () => {
  const closeMany = (key: string, json: unknown) =>
    callApi(closeRecords.POST, { key, path: "/usage/records/close-records", method: "POST", json });

  it("closes each record with its own billing id and says what came of each", async () => {
    const answer = await closeMany(keys.northwind, {
      records: [
        { id: ids[0], external_billing_id: "INV-1" },
        { id: ids[1], external_billing_id: "INV-2", external_billing_note: "second" },
        { id: "UR-999999", external_billing_id: "INV-3" },
      ],
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { closed: [ids[0], ids[1]], refused: [{ id: "UR-999999", reason: "not_found" }] },
    });
    const records = await visibleRecords(database.handle.db, accepted);
    expect(records.slice(0, 2).map((r) => r.externalBillingId)).toEqual(["INV-1", "INV-2"]);
  });

  it("closes records of two files at once, each in its own file", async () => {
    const otherFile = "UF-2026-10-1001-0007";
    await acceptedCopyOf(accepted, otherFile);
    const others = (await visibleRecords(database.handle.db, otherFile)).map((r) => `UR-${r.id}`);
    const answer = await closeMany(keys.northwind, {
      records: [
        { id: others[0], external_billing_id: "INV-B" },
        { id: ids[2], external_billing_id: "INV-A" },
        { id: ids[2], external_billing_id: "INV-A2" },
        { id: ids[3], external_billing_id: "INV-A" },
      ],
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { closed: [others[0], ids[3]], refused: [{ id: ids[2], reason: "duplicate" }] },
    });
    expect((await visibleRecords(database.handle.db, otherFile))[0]!.externalBillingId).toBe("INV-B");
    expect((await visibleRecords(database.handle.db, accepted))[3]!.externalBillingId).toBe("INV-A");
    const again = await closeMany(keys.northwind, { records: [{ id: others[0], external_billing_id: "INV-C" }] });
    expect(again.body).toEqual({ closed: [], refused: [{ id: others[0], reason: "already_closed" }] });
  });

  it("answers 400 for an empty list, 403 to the vendor; refuses another reseller's records as not found and a Pending file's as not open", async () => {
    const one = { records: [{ id: ids[0], external_billing_id: "INV-1" }] };
    expect((await closeMany(keys.northwind, { records: [] })).status).toBe(400);
    expect(await closeMany(keys.contoso, one)).toMatchObject({
      status: 200,
      body: { closed: [], refused: [{ id: ids[0], reason: "not_found" }] },
    });
    expect((await closeMany(keys.acme, one)).status).toBe(403);
    const pendingId = `UR-${(await visibleRecords(database.handle.db, pending))[0]!.id}`;
    const mixed = {
      records: [
        { id: ids[0], external_billing_id: "INV-1" },
        { id: pendingId, external_billing_id: "INV-1" },
      ],
    };
    expect(await closeMany(keys.northwind, mixed)).toMatchObject({
      status: 200,
      body: { closed: [ids[0]], refused: [{ id: pendingId, reason: "file_not_open" }] },
    });
    expect((await visibleRecords(database.handle.db, pending))[0]!.closedAt).toBeNull();
  });
});
