// Record grid pages on a big file: random requests mixing sorts, filters, search and deep pages,
// through the same query the pages use (listUsageRecords), timed one at a time.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { subscriptions, usageRecords, type UsageFile } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import {
  usageRecordListQuery,
  usageRecordSortColumns,
  type UsageRecordSortColumn,
} from "@/lib/domain/usage-record-query";
import { listUsageRecords, recordCursor } from "@/lib/server/queries/usage-records";
import { p95 } from "./report";

/** A small deterministic generator, so that two runs ask the same requests. */
export function randomFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { next, pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]! };
}

/** The 95th percentile, in ms, of `requests` grid pages of `file` as `actor` sees them. */
export async function gridPageP95(db: Database, actor: Actor, file: UsageFile, requests = 200): Promise<number> {
  const random = randomFrom(20_261_129);
  const [bounds] = await db
    .select({ min: sql<number>`min(id)::float8`, max: sql<number>`max(id)::float8` })
    .from(usageRecords)
    .where(and(eq(usageRecords.usageFileId, file.id), eq(usageRecords.generation, file.generation)));
  const externalIds = (
    await db
      .select({ id: subscriptions.externalId })
      .from(subscriptions)
      .where(eq(subscriptions.productId, file.productId))
  ).map((s) => s.id);
  const itemIds = file.stats?.byItem.map((item) => item.itemId) ?? [];

  const filters: (() => Record<string, string>)[] = [
    () => ({}),
    () => ({}),
    () => ({ status: "pending" }),
    () => ({ item: random.pick(itemIds) }),
    () => ({ subscription: random.pick(externalIds) }),
    () => ({ from: dayOf(file.periodFrom, random.next()), to: dayOf(file.periodFrom, random.next() + 0.2) }),
    () => ({
      minQuantity: String(Math.floor(random.next() * 500)),
      maxQuantity: String(500 + Math.floor(random.next() * 500)),
    }),
    () => ({ q: `r${1 + Math.floor(random.next() * (bounds!.max - bounds!.min))}` }),
    () => ({ q: "migration" }),
  ];

  const timings: number[] = [];
  for (let request = 0; request < requests; request++) {
    const column = random.pick(usageRecordSortColumns);
    const params: Record<string, string> = {
      sort: `${random.next() < 0.5 ? "-" : ""}${column}`,
      size: random.pick(["25", "50", "100"]),
      ...random.pick(filters)(),
    };
    if (random.next() < 0.6) {
      const id = Math.floor(bounds!.min + random.next() * (bounds!.max - bounds!.min));
      const cursor = await cursorAt(db, file, id, column);
      if (cursor) params[random.next() < 0.8 ? "after" : "before"] = cursor;
    }
    const query = usageRecordListQuery.parse(params);
    const started = performance.now();
    const listed = await listUsageRecords(actor, file.id, query);
    timings.push(performance.now() - started);
    if (!listed) throw new Error(`${file.id} is not visible to the benchmark's actor`);
  }
  return p95(timings);
}

/** A deep position: just past the record with `id`, in the grid's order by `column`. */
async function cursorAt(
  db: Database,
  file: UsageFile,
  id: number,
  column: UsageRecordSortColumn,
): Promise<string | null> {
  const [record] = await db
    .select()
    .from(usageRecords)
    .where(
      and(eq(usageRecords.usageFileId, file.id), eq(usageRecords.generation, file.generation), eq(usageRecords.id, id)),
    );
  return record ? recordCursor(record, column) : null;
}

function dayOf(periodFrom: Date, fraction: number): string {
  return new Date(periodFrom.getTime() + Math.min(fraction, 0.99) * 30 * 86_400_000).toISOString().slice(0, 10);
}
