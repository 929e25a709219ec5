// The public API's record reads on a big file among others: a record by its public id, and the
// record list across every file the caller may see, through the queries the API routes call.
import type { UsageFile } from "@/db/schema";
import { usageRecordApiQuery } from "@/lib/server/api/api-query";
import type { Actor } from "@/lib/domain/permissions";
import { getUsageRecord, listVisibleUsageRecordWindow } from "@/lib/server/queries/usage-records";
import { randomFrom } from "./grid-pages";
import { p95 } from "./report";

async function timings(requests: number, request: () => Promise<void>): Promise<number[]> {
  const measured: number[] = [];
  for (let n = 0; n < requests; n++) {
    const started = performance.now();
    await request();
    measured.push(performance.now() - started);
  }
  return measured;
}

/** The 95th percentile, in ms, of `GET /usage/records/{id}` for random records of `file`. */
export async function recordByIdP95(actor: Actor, file: UsageFile, requests = 200): Promise<number> {
  const random = randomFrom(20_261_130);
  const [first, last] = [file.firstRecordId!, file.lastRecordId!];
  return p95(
    await timings(requests, async () => {
      const id = `UR-${Math.floor(first + random.next() * (last - first))}`;
      if (!(await getUsageRecord(actor, id))) throw new Error(`${id} is not visible to the benchmark's actor`);
    }),
  );
}

/** The 95th percentile, in ms, of `GET /usage/records` without a file: orders, filters and offsets mixed. */
export async function recordsAcrossFilesP95(actor: Actor, file: UsageFile, requests = 100): Promise<number> {
  const random = randomFrom(20_261_131);
  const subscriptionIds = file.stats?.bySubscription?.map((s) => s.subscriptionId) ?? [];
  const filters: (() => Record<string, string>)[] = [
    () => ({}),
    () => ({ status: "accepted" }),
    () => ({ "asset.id": random.pick(subscriptionIds) }),
    () => ({ "item.mpn": "ACME-VCPU-HR" }),
  ];
  return p95(
    await timings(requests, async () => {
      const query = usageRecordApiQuery.parse({
        ...random.pick(filters)(),
        order_by: random.pick(["", "-", ""]) + random.pick(["row", "start", "quantity"]),
        offset: String(random.next() < 0.5 ? 0 : Math.floor(random.next() * 10_000)),
      });
      await listVisibleUsageRecordWindow(actor, query.filters, query.sort, query.window);
    }),
  );
}
