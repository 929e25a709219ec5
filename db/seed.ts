import "server-only";
import { count, eq, sql, type SQL } from "drizzle-orm";
import type { ItemPrecision, UsageSchema } from "@/lib/domain/catalog";
import { lastFullMonth, type UsagePeriod } from "@/lib/domain/usage-file-input";
import type { EventAction } from "@/lib/domain/events";
import type { UsageFileAction, UsageFileStatus } from "@/lib/domain/usage-file-status";
import { hashPassword } from "@/lib/auth/password";
import { openRecordPartition, recordIdRange } from "./record-partitions";
import { storeUsageFileTotalsOfRecords } from "./usage-file-totals";
import type { Database } from "./client";
import { accounts, contracts, events, items, products, subscriptions, usageFiles, usageRecords, users } from "./schema";

export const demoPassword = "demo-pass-2026";

/** The demo logins README lists; every one signs in with `demoPassword`. */
export const demoUsers = [
  { id: "USR-0001", email: "admin@portal.test", name: "Ada Admin", accountId: "ACC-0001", role: "admin" },
  { id: "USR-0002", email: "vendor@acme.test", name: "Victor Acme", accountId: "ACC-0002", role: "vendor" },
  { id: "USR-0003", email: "vendor2@acme.test", name: "Vera Acme", accountId: "ACC-0002", role: "vendor" },
  { id: "USR-0004", email: "vendor@globex.test", name: "Gina Globex", accountId: "ACC-0003", role: "vendor" },
  {
    id: "USR-0005",
    email: "distributor@northwind.test",
    name: "Nora Northwind",
    accountId: "ACC-0004",
    role: "distributor",
  },
  { id: "USR-0006", email: "reseller@contoso.test", name: "Ray Contoso", accountId: "ACC-0005", role: "distributor" },
] as const;

const demoAccounts = [
  { id: "ACC-0001", name: "Usage Portal", kind: "platform" },
  { id: "ACC-0002", name: "Acme Cloud", kind: "vendor" },
  { id: "ACC-0003", name: "Globex Software", kind: "vendor" },
  { id: "ACC-0004", name: "Northwind Distribution", kind: "distributor" },
  { id: "ACC-0005", name: "Contoso Reseller", kind: "reseller" },
] as const;

const demoContracts = [
  { id: "CRD-00001", vendorAccountId: "ACC-0002", distributorAccountId: "ACC-0004", marketplace: "Northwind EU" },
  { id: "CRD-00002", vendorAccountId: "ACC-0002", distributorAccountId: "ACC-0005", marketplace: "Contoso US" },
  { id: "CRD-00003", vendorAccountId: "ACC-0003", distributorAccountId: "ACC-0004", marketplace: "Northwind EU" },
] as const;

interface DemoProduct {
  id: string;
  vendorAccountId: string;
  name: string;
  usageSchema: UsageSchema;
  currency: string;
  contractIds: readonly string[];
  items: readonly { mpn: string; name: string; unit: string; precision: ItemPrecision }[];
}

const demoProducts: readonly DemoProduct[] = [
  {
    id: "PRD-100-001",
    vendorAccountId: "ACC-0002",
    name: "Acme Compute",
    usageSchema: "QT",
    currency: "USD",
    contractIds: ["CRD-00001", "CRD-00002"],
    items: [
      { mpn: "ACME-VCPU-HR", name: "vCPU hours", unit: "hour", precision: "decimal_2" },
      { mpn: "ACME-STOR-GB", name: "Storage", unit: "GB-month", precision: "decimal_4" },
      { mpn: "ACME-API-CALL", name: "API calls", unit: "call", precision: "integer" },
      { mpn: "ACME-EGRESS-GB", name: "Data egress", unit: "GB", precision: "decimal_1" },
      { mpn: "ACME-AI-TOKEN", name: "AI tokens (millions)", unit: "million tokens", precision: "decimal_8" },
    ],
  },
  {
    id: "PRD-100-002",
    vendorAccountId: "ACC-0002",
    name: "Acme Backup",
    usageSchema: "TR",
    currency: "EUR",
    contractIds: ["CRD-00001"],
    items: [
      { mpn: "ACME-BKP-TB", name: "Backup storage", unit: "TB-month", precision: "decimal_2" },
      { mpn: "ACME-BKP-RESTORE", name: "Restores", unit: "restore", precision: "integer" },
    ],
  },
  {
    id: "PRD-200-001",
    vendorAccountId: "ACC-0003",
    name: "Globex Office",
    usageSchema: "QT",
    currency: "USD",
    contractIds: ["CRD-00003"],
    items: [
      { mpn: "GLX-SEAT", name: "Active seats", unit: "seat", precision: "integer" },
      { mpn: "GLX-MAIL-GB", name: "Mailbox storage", unit: "GB", precision: "decimal_1" },
    ],
  },
];

const regions = ["eu-west", "us-east", "ap-south"];

/** Loads the demo data into an empty database; does nothing when any account exists. */
export async function seedIfEmpty(db: Database, now = new Date()): Promise<boolean> {
  const [existing] = await db.select({ total: count() }).from(accounts);
  if (existing && existing.total > 0) return false;
  await seedDemoData(db, now);
  return true;
}

export async function seedDemoData(db: Database, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    await tx.insert(accounts).values([...demoAccounts]);
    await tx.insert(users).values(demoUsers.map((user) => ({ ...user, passwordHash })));
    await tx.insert(contracts).values([...demoContracts]);
    for (const product of demoProducts) await insertProduct(tx, product);
    await insertUsageFiles(tx, lastFullMonth(now));
  });
}

async function insertProduct(db: Database, product: DemoProduct): Promise<void> {
  const { items: productItems, contractIds, ...fields } = product;
  await db.insert(products).values(fields);
  await db.insert(items).values(
    productItems.map((item, index) => ({
      ...item,
      id: `${product.id}-${String(index + 1).padStart(4, "0")}`,
      productId: product.id,
      localId: `${item.mpn.toLowerCase()}-local`,
      type: "ppu" as const,
    })),
  );
  await db
    .insert(subscriptions)
    .values(
      contractIds.flatMap((contractId, contractIndex) =>
        Array.from({ length: 12 }, (_, index) => demoSubscription(product, contractId, contractIndex, index)),
      ),
    );
}

function demoSubscription(product: DemoProduct, contractId: string, contractIndex: number, index: number) {
  const number = `${product.id.slice(4).replace("-", "")}${contractIndex}${String(index + 1).padStart(2, "0")}`;
  const terminated = index === 11;
  return {
    id: `AS-${number.slice(0, 4)}-${number.slice(4)}`,
    productId: product.id,
    contractId,
    externalId: `EXT-${number}`,
    externalUid: `uid-${product.id.toLowerCase()}-${contractIndex}-${index + 1}`,
    parameters: { subdomain: `tenant-${number}`, region: regions[index % regions.length]! },
    status: terminated ? ("terminated" as const) : ("active" as const),
    activeFrom: new Date("2025-01-01T00:00:00Z"),
    activeTo: terminated ? new Date("2025-12-31T00:00:00Z") : null,
    ...(product.usageSchema === "TR" ? tierAccounts : {}),
  };
}

/** TR records charge tier 1 and tier 2 (db/seed.ts's records use both), so their subscriptions name both accounts. */
const tierAccounts = { tier1AccountId: "ACC-0004", tier2AccountId: "ACC-0005" };

interface DemoFile {
  id: string;
  name: string;
  productId: string;
  contractId: string;
  status: UsageFileStatus;
  records: number;
  acceptanceNote?: string;
  rejectionNote?: string;
}

const demoFiles: readonly DemoFile[] = [
  {
    id: "UF-2026-10-1001-0001",
    name: "Acme Compute — draft",
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    status: "draft",
    records: 0,
  },
  {
    id: "UF-2026-10-1001-0002",
    name: "Acme Compute — ready to submit",
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    status: "ready",
    records: 40,
  },
  {
    id: "UF-2026-10-1001-0003",
    name: "Acme Compute — in review",
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    status: "pending",
    records: 60,
  },
  {
    id: "UF-2026-10-1001-0004",
    name: "Acme Compute — Contoso",
    productId: "PRD-100-001",
    contractId: "CRD-00002",
    status: "pending",
    records: 25,
  },
  {
    id: "UF-2026-10-1001-0005",
    name: "Acme Backup — accepted",
    productId: "PRD-100-002",
    contractId: "CRD-00001",
    status: "accepted",
    records: 30,
    acceptanceNote: "Matches our subscription counts.",
  },
  {
    id: "UF-2026-10-1001-0006",
    name: "Acme Compute — rejected",
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    status: "rejected",
    records: 20,
    rejectionNote: "Quantities for tenant-1000101 look doubled; please check and re-upload.",
  },
  {
    id: "UF-2026-10-2001-0001",
    name: "Globex Office — in review",
    productId: "PRD-200-001",
    contractId: "CRD-00003",
    status: "pending",
    records: 35,
  },
];

async function insertUsageFiles(db: Database, period: UsagePeriod): Promise<void> {
  for (const file of demoFiles) {
    const product = demoProducts.find((p) => p.id === file.productId)!;
    const contract = demoContracts.find((c) => c.id === file.contractId)!;
    const author = demoUsers.find((u) => u.role === "vendor" && u.accountId === product.vendorAccountId)!;
    await db.insert(usageFiles).values({
      id: file.id,
      name: file.name,
      description: `Monthly usage of ${product.name}`,
      internalNote: "Exported from the metering warehouse, job #4711.",
      productId: product.id,
      contractId: contract.id,
      vendorAccountId: contract.vendorAccountId,
      distributorAccountId: contract.distributorAccountId,
      periodFrom: period.from,
      periodTo: period.to,
      currency: product.currency,
      usageSchema: product.usageSchema,
      status: file.status,
      acceptanceNote: file.acceptanceNote ?? null,
      rejectionNote: file.rejectionNote ?? null,
      generation: file.records > 0 ? 1 : 0,
      progressPercent: file.records > 0 ? 100 : 0,
      progressRows: file.records,
      createdBy: author.id,
    });
    if (file.records > 0) await insertRecords(db, file, product, period);
    await db.insert(events).values(
      historyOf(file.status).map((action, index) => ({
        objectType: "usage_file" as const,
        objectId: file.id,
        action,
        actorUserId: systemActions.has(action) ? null : actorOf(action, author.id, contract.distributorAccountId),
        actorAccountId: systemActions.has(action) ? null : accountOf(action, contract),
        at: new Date(period.to.getTime() + index * 3_600_000),
        details: detailsOf(action, file),
      })),
    );
  }
}

/** The events that led a demo file to its status, named as the use cases name them. */
function historyOf(status: UsageFileStatus): UsageFileEventAction[] {
  const steps: UsageFileEventAction[] = ["create", "upload", "start_processing", "finish_valid", "submit"];
  if (status === "draft") return steps.slice(0, 1);
  if (status === "ready") return steps.slice(0, 4);
  if (status === "accepted") return [...steps, "accept"];
  if (status === "rejected") return [...steps, "reject"];
  return steps;
}

type UsageFileEventAction = Extract<EventAction, UsageFileAction | "create">;

const reviewerActions = new Set<EventAction>(["accept", "reject"]);
const systemActions = new Set<EventAction>(["start_processing", "finish_valid"]);

function detailsOf(action: EventAction, file: DemoFile): Record<string, unknown> {
  if (action === "accept") return { note: file.acceptanceNote };
  if (action === "reject") return { note: file.rejectionNote };
  if (action === "finish_valid") return { status: "ready", records: file.records, invalid: 0 };
  return {};
}

function actorOf(action: EventAction, vendorUserId: string, distributorAccountId: string): string {
  if (!reviewerActions.has(action)) return vendorUserId;
  return demoUsers.find((u) => u.accountId === distributorAccountId)!.id;
}

function accountOf(action: EventAction, contract: (typeof demoContracts)[number]): string {
  return reviewerActions.has(action) ? contract.distributorAccountId : contract.vendorAccountId;
}

async function insertRecords(db: Database, file: DemoFile, product: DemoProduct, period: UsagePeriod): Promise<void> {
  const dayMs = 86_400_000;
  const days = Math.round((period.to.getTime() - period.from.getTime()) / dayMs);
  const rows = Array.from({ length: file.records }, (_, index) => {
    const itemIndex = index % product.items.length;
    const day = index % days;
    const subscription = (index % 11) + 1;
    const contractIndex = product.contractIds.indexOf(file.contractId);
    const number = `${product.id.slice(4).replace("-", "")}${contractIndex}${String(subscription).padStart(2, "0")}`;
    return {
      usageFileId: file.id,
      generation: 1,
      rowNumber: index + 2,
      recordId: `rec-${String(index + 1).padStart(5, "0")}`,
      note: index % 7 === 0 ? "Includes a one-off migration job" : null,
      itemId: `${product.id}-${String(itemIndex + 1).padStart(4, "0")}`,
      subscriptionId: `AS-${number.slice(0, 4)}-${number.slice(4)}`,
      quantity: demoQuantity(index, product.items[itemIndex]!.precision),
      startTime: new Date(period.from.getTime() + day * dayMs),
      endTime: new Date(period.from.getTime() + (day + 1) * dayMs),
      amount: product.usageSchema === "QT" ? null : `${(index % 9) + 1}.50`,
      tier: product.usageSchema === "TR" ? index % 3 : null,
      categoryId: null,
      params: null,
    };
  });
  await openRecordPartition(db, file.id, 1);
  await db.insert(usageRecords).values(rows);
  // The same stats as processing gathers (lib/server/usage-files/ingest/usage-totals.ts), here in SQL.
  const totalsBy = (group: SQL, key: string) => sql`(
    SELECT jsonb_agg(jsonb_build_object(${key}::text, grouped, 'itemId', item_id, 'records', records, 'quantity', quantity, 'amount', amount) ORDER BY grouped, item_id)
    FROM (SELECT ${group} AS grouped, item_id, count(*) AS records, trim_scale(sum(quantity))::text AS quantity, trim_scale(sum(amount))::text AS amount
          FROM usage_records WHERE usage_file_id = ${file.id} GROUP BY 1, 2) totals)`;
  await db.execute(sql`
    UPDATE usage_files SET stats = (
      SELECT jsonb_build_object(
        'records', sum(records)::int, 'valid', sum(records)::int, 'invalid', 0,
        'byItem', jsonb_agg(jsonb_build_object('itemId', item_id, 'records', records, 'quantity', quantity, 'amount', amount) ORDER BY item_id),
        'bySubscription', ${totalsBy(sql`subscription_id`, "subscriptionId")}, 'bySubscriptionOmitted', 0,
        'byDay', ${totalsBy(sql`to_char(start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, "day")}, 'byDayOmitted', 0)
      FROM (SELECT item_id, count(*) AS records, trim_scale(sum(quantity))::text AS quantity, trim_scale(sum(amount))::text AS amount
            FROM usage_records WHERE usage_file_id = ${file.id} GROUP BY item_id) totals
    ) WHERE id = ${file.id}`);
  await storeUsageFileTotalsOfRecords(db, { id: file.id, generation: 1 });
  await db
    .update(usageFiles)
    .set(await recordIdRange(db, file.id, 1))
    .where(eq(usageFiles.id, file.id));
}

function demoQuantity(index: number, precision: ItemPrecision): string {
  const whole = String(10 + ((index * 37) % 990));
  const decimals = { integer: "", decimal_1: ".5", decimal_2: ".25", decimal_4: ".1250", decimal_8: ".00012500" }[
    precision
  ];
  return whole + decimals;
}
