import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/domain/permissions";
import { usageRecordListQuery, type UsageRecordListQuery } from "@/lib/domain/usage-record-query";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { listUsageRecords } from "./usage-records";

const database = withTestDatabase();

// Seeded Acme files (db/seed.ts): -0002 Ready with 40 records, -0003 Pending with 60; every 7th has a note.
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";

function query(params: Record<string, string> = {}): UsageRecordListQuery {
  return usageRecordListQuery.parse(params);
}

async function page(actor: Actor, id: string, params: Record<string, string>) {
  const listed = await listUsageRecords(actor, id, query(params));
  if (!listed) throw new Error(`${id} is not visible`);
  return listed.page;
}

/** Every page from the first, following `next`; then back from the last, following `previous`. */
async function walk(actor: Actor, id: string, params: Record<string, string>) {
  const forwards: string[][] = [];
  let current = await page(actor, id, params);
  forwards.push(current.rows.map((r) => r.recordId));
  while (current.next) {
    current = await page(actor, id, { ...params, after: current.next });
    forwards.push(current.rows.map((r) => r.recordId));
  }
  const backwards: string[][] = [forwards.at(-1)!];
  while (current.previous) {
    current = await page(actor, id, { ...params, before: current.previous });
    backwards.unshift(current.rows.map((r) => r.recordId));
  }
  return { forwards, backwards };
}

describe("the record grid's pages", () => {
  it.each([
    ["note", "ascending: notes, then the empty ones, ties by id", false],
    ["-note", "descending: the empty ones first, then notes, ties by id", true],
  ] as const)("walks %s (%s) page by page, each record once, and back the same way", async (sort, _, descending) => {
    const db = database.handle.db;
    await seedDemoData(db);
    const records = await visibleRecords(db, pending);
    // PostgreSQL's order: an empty value is greater than any other.
    const ascending = [...records].sort((a, b) =>
      a.note === b.note ? a.id - b.id : a.note === null ? 1 : b.note === null ? -1 : a.note.localeCompare(b.note),
    );
    const expected = (descending ? ascending.reverse() : ascending).map((r) => r.recordId);

    const { forwards, backwards } = await walk(acmeVendor, pending, { sort, size: "10" });
    expect(forwards.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(forwards.flat()).toEqual(expected);
    expect(backwards).toEqual(forwards);
  });

  it("orders quantities as exact numbers, not as text", async () => {
    await seedDemoData(database.handle.db);
    const { forwards } = await walk(acmeVendor, pending, { sort: "quantity", size: "10" });
    const quantities = (await page(acmeVendor, pending, { sort: "quantity", size: "100" })).rows.map(
      (r) => r.quantity!,
    );
    expect(quantities).toEqual([...quantities].sort((a, b) => Number(a) - Number(b)));
    expect(forwards.flat()).toHaveLength(60);
  });

  it("counts a filtered result and takes the unfiltered total from the file's stats", async () => {
    await seedDemoData(database.handle.db);
    expect(await page(acmeVendor, pending, {})).toMatchObject({ total: 60, totalIsLowerBound: false, previous: null });
    const noted = await page(acmeVendor, pending, { q: "migration" });
    expect(noted.total).toBe(9);
    expect(noted.rows.every((r) => r.note?.includes("migration"))).toBe(true);
  });

  it("filters by subscription external id, quantity range and start day", async () => {
    await seedDemoData(database.handle.db);
    const all = (await page(acmeVendor, pending, { size: "100" })).rows;
    const subscription = all[0]!.subscriptionExternalId!;
    const bySubscription = await page(acmeVendor, pending, { subscription, size: "100" });
    expect(bySubscription.rows.map((r) => r.id)).toEqual(
      all.filter((r) => r.subscriptionExternalId === subscription).map((r) => r.id),
    );

    const ranged = await page(acmeVendor, pending, { minQuantity: "100", maxQuantity: "200", size: "100" });
    expect(ranged.rows.map((r) => r.id)).toEqual(
      all.filter((r) => Number(r.quantity) >= 100 && Number(r.quantity) <= 200).map((r) => r.id),
    );

    const firstDay = all[0]!.startTime!.toISOString().slice(0, 10);
    const onFirstDay = await page(acmeVendor, pending, { from: firstDay, to: firstDay, size: "100" });
    expect(onFirstDay.rows.map((r) => r.id)).toEqual(
      all.filter((r) => r.startTime!.toISOString().startsWith(firstDay)).map((r) => r.id),
    );
  });

  it("says where each page starts, and reads the last page lined up with the pages before it", async () => {
    await seedDemoData(database.handle.db);
    const params = { sort: "-quantity", size: "25" };
    const first = await page(acmeVendor, pending, params);
    expect(first.start).toBe(1);
    const second = await page(acmeVendor, pending, { ...params, after: first.next!, at: "25" });
    expect(second.start).toBe(26);
    const last = await page(acmeVendor, pending, { ...params, last: "1" });
    const all = (await page(acmeVendor, pending, { ...params, size: "100" })).rows.map((r) => r.recordId);
    // 60 records in pages of 25: the last page is rows 51-60, and it leads back to rows 26-50.
    expect(last).toMatchObject({ start: 51, next: null, total: 60 });
    expect(last.rows.map((r) => r.recordId)).toEqual(all.slice(50));
    const beforeLast = await page(acmeVendor, pending, { ...params, before: last.previous!, at: "51" });
    expect(beforeLast.start).toBe(26);
    expect(beforeLast.rows.map((r) => r.recordId)).toEqual(all.slice(25, 50));
    // A hand-made link without the position still gets its rows, with the position left unsaid.
    expect((await page(acmeVendor, pending, { ...params, after: first.next! })).start).toBeNull();
  });

  it("answers the first page for a link whose cursor cannot be a value of the sorted column", async () => {
    await seedDemoData(database.handle.db);
    const first = await page(acmeVendor, pending, { sort: "quantity", size: "10" });
    for (const cursor of ["5~not-a-number", "5~2026-13-45", "5~1e9"]) {
      const mangled = await page(acmeVendor, pending, { sort: "quantity", size: "10", after: cursor });
      expect(
        mangled.rows.map((r) => r.recordId),
        cursor,
      ).toEqual(first.rows.map((r) => r.recordId));
    }
  });

  it("filters by record status as the file gives it to its records", async () => {
    await seedDemoData(database.handle.db);
    expect((await page(acmeVendor, pending, { status: "pending" })).total).toBe(60);
    expect((await page(acmeVendor, pending, { status: "accepted" })).total).toBe(0);
    expect((await page(acmeVendor, pending, { status: "invalid" })).total).toBe(0);
  });
});

describe("who sees a file's records", () => {
  it("is not found for another vendor and for the distributor before submission", async () => {
    await seedDemoData(database.handle.db);
    expect(await listUsageRecords(globexVendor, pending, query())).toBeNull();
    expect(await listUsageRecords(northwindDistributor, ready, query())).toBeNull();
  });

  it("shows the distributor the records of a submitted file", async () => {
    await seedDemoData(database.handle.db);
    const seen = await page(northwindDistributor, pending, {});
    expect(seen.rows).toHaveLength(25);
    expect(seen.rows.every((r) => r.status === "pending")).toBe(true);
  });
});
