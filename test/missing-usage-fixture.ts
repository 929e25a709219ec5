import type { Database } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { subscriptions } from "@/db/schema";
import { createUsageFileInput } from "@/lib/domain/usage-file-input";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";
import { deleteUsageFile } from "@/lib/server/usage-files/delete-usage-file";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { uploadAndProcess } from "./usage-file-state";
import { acmeVendor, northwindDistributor, recordsHeader } from "./usage-workbooks";

// A month no seeded subscription is active in (they start in 2025), with subscriptions of its own
// on Acme Compute's contract with Northwind (CRD-00001) and one on Globex's (CRD-00003), and Acme's
// usage files reporting some of them in every state that matters.

export const missingUsageMonth = "2024-06";

/** The fixture's subscriptions by what happened to their usage; each one's external id sorts in this order. */
export const fixtureSubscriptions = {
  inPending: "AS-9000-00001",
  inAccepted: "AS-9000-00002",
  onlyRejected: "AS-9000-00003",
  onlyInvalid: "AS-9000-00004",
  onlyDeleted: "AS-9000-00005",
  onlyReady: "AS-9000-00006",
  onlyNextMonth: "AS-9000-00007",
  never: "AS-9000-00008",
  endedBefore: "AS-9000-00009",
  suspended: "AS-9000-00010",
  globex: "AS-9000-00011",
} as const;
type Name = keyof typeof fixtureSubscriptions;

const externalIdOf = (id: string) => `EXT-${id.slice(3)}`;

function subscription(name: Name, changes: Partial<typeof subscriptions.$inferInsert> = {}) {
  const id = fixtureSubscriptions[name];
  return {
    id,
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    externalId: externalIdOf(id),
    externalUid: `uid-${name}`,
    status: "active" as const,
    activeFrom: new Date("2024-01-01T00:00:00Z"),
    activeTo: null,
    ...changes,
  };
}

/** A CSV of one valid record per subscription, a day of `month`; `invalidToo` adds a record with a negative quantity. */
function usageCsv(month: string, names: Name[], invalidToo = false): string {
  const rows = names.map((name, index) => [
    `rec-${index}`,
    "item.mpn",
    "ACME-VCPU-HR",
    invalidToo && index > 0 ? "-1" : "2.5",
    `${month}-03 00:00:00`,
    `${month}-04 00:00:00`,
    "asset.id",
    fixtureSubscriptions[name],
  ]);
  return [recordsHeader, ...rows].map((row) => row.join(",")).join("\n");
}

async function ok(result: Promise<{ ok: boolean; message?: string }>): Promise<void> {
  const done = await result;
  if (!done.ok) throw new Error(done.message);
}

/** A new Acme Compute file of `month` on CRD-00001 reporting usage for `names`, taken to `state` as its users would. */
async function fileReporting(
  db: Database,
  month: string,
  names: Name[],
  state: "pending" | "accepted" | "rejected" | "invalid" | "deleted" | "ready",
): Promise<string> {
  const created = await createUsageFile(
    acmeVendor,
    createUsageFileInput.parse({
      productId: "PRD-100-001",
      contractId: "CRD-00001",
      name: `${state} usage of ${month}`,
      currency: "USD",
      firstDay: `${month}-01`,
      lastDay: `${month}-28`,
    }),
  );
  if (!created.ok) throw new Error(created.message);
  const id = created.value.id;
  // An Invalid file's first record is valid: a file is Invalid when any record is.
  const csv = state === "invalid" ? usageCsv(month, [names[0]!, names[0]!], true) : usageCsv(month, names);
  const processed = await uploadAndProcess(db, id, "usage.csv", csv);
  if (processed.status !== (state === "invalid" ? "invalid" : "ready")) throw new Error(`${id} is ${processed.status}`);
  if (state === "deleted") await ok(deleteUsageFile(acmeVendor, id));
  if (["pending", "accepted", "rejected"].includes(state)) await ok(submitUsageFile(acmeVendor, id));
  if (state === "accepted") await ok(acceptUsageFile(northwindDistributor, id, { acceptanceNote: "Fine." }));
  if (state === "rejected") await ok(rejectUsageFile(northwindDistributor, id, { rejectionNote: "Wrong." }));
  return id;
}

/** Active, all year, on Acme Compute's contract with Northwind. */
const plainSubscriptions: Name[] = [
  "inPending",
  "inAccepted",
  "onlyRejected",
  "onlyInvalid",
  "onlyDeleted",
  "onlyReady",
  "onlyNextMonth",
  "never",
];

/** The demo data, the fixture's subscriptions, and its files. */
export async function seedMissingUsage(db: Database): Promise<void> {
  await seedDemoData(db);
  await db
    .insert(subscriptions)
    .values([
      ...plainSubscriptions.map((name) => subscription(name)),
      subscription("endedBefore", { activeTo: new Date("2024-06-01T00:00:00Z") }),
      subscription("suspended", { status: "suspended" }),
      subscription("globex", { productId: "PRD-200-001", contractId: "CRD-00003" }),
    ]);
  const month = missingUsageMonth;
  await fileReporting(db, month, ["inPending"], "pending");
  await fileReporting(db, month, ["inAccepted"], "accepted");
  await fileReporting(db, month, ["onlyRejected"], "rejected");
  await fileReporting(db, month, ["onlyInvalid"], "invalid");
  await fileReporting(db, month, ["onlyDeleted"], "deleted");
  await fileReporting(db, month, ["onlyReady"], "ready");
  await fileReporting(db, "2024-07", ["onlyNextMonth", "inPending"], "pending");
}
