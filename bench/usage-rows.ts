import { requiredRecordColumns } from "@/lib/domain/usage-sheet";

/** Generated records for the seeded Acme Compute product on contract CRD-00001 (db/seed.ts). */
export const benchHeader = [...requiredRecordColumns("QT"), "record_note"];

const items = [
  { mpn: "ACME-VCPU-HR", decimals: 2 },
  { mpn: "ACME-STOR-GB", decimals: 4 },
  { mpn: "ACME-API-CALL", decimals: 0 },
  { mpn: "ACME-EGRESS-GB", decimals: 1 },
  { mpn: "ACME-AI-TOKEN", decimals: 8 },
];

const dayMs = 86_400_000;

function sheetTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");
}

/** The guard benchmark's subscriptions of Acme Compute on CRD-00001 (bench/guard.ts inserts them). */
export function guardSubscriptionId(number: number): string {
  return `AS-9200-${String(number).padStart(9, "0")}`;
}

/**
 * Where a row's usage falls. By default on the 11 seeded subscriptions, many rows of a subscription
 * and item on one day (their windows overlap); with `subscriptions`, on that many of the guard
 * benchmark's, each subscription and item on a day of its own (as long as the rows fit the days).
 */
function usageAt(index: number, days: number, subscriptions?: number) {
  if (!subscriptions) {
    return { day: index % days, subscription: `AS-1000-010${String((index % 11) + 1).padStart(2, "0")}` };
  }
  const pairs = subscriptions * items.length;
  return {
    day: Math.floor(index / pairs) % days,
    subscription: guardSubscriptionId((Math.floor(index / items.length) % subscriptions) + 1),
  };
}

/**
 * How many of the guard benchmark's subscriptions `count` rows of the period need for every
 * subscription and item to have its days apart: no two records' windows overlap, as in a real file.
 */
export function subscriptionsApart(count: number, periodFrom: Date, periodTo: Date): number {
  return Math.ceil(count / (items.length * daysOf(periodFrom, periodTo)));
}

function daysOf(periodFrom: Date, periodTo: Date): number {
  return Math.round((periodTo.getTime() - periodFrom.getTime()) / dayMs);
}

/**
 * `count` valid rows spread over the items, subscriptions and days of the period; short record ids
 * keep a million-row CSV small (the ingest benchmark admits 200 MB per million rows).
 */
export function* benchRows(
  count: number,
  periodFrom: Date,
  periodTo: Date,
  subscriptions?: number,
): Generator<string[]> {
  yield benchHeader;
  const days = daysOf(periodFrom, periodTo);
  for (let index = 0; index < count; index++) {
    const item = items[index % items.length]!;
    const at = usageAt(index, days, subscriptions);
    const start = periodFrom.getTime() + at.day * dayMs;
    const whole = String(1 + (index % 997));
    const quantity = item.decimals === 0 ? whole : `${whole}.${String(index % 10).repeat(item.decimals)}`;
    yield [
      `r${index + 1}`,
      "item.mpn",
      item.mpn,
      quantity,
      sheetTime(start),
      sheetTime(start + dayMs),
      "asset.id",
      at.subscription,
      index % 50 === 0 ? "includes a migration job" : "",
    ];
  }
}
