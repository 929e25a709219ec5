import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { insertDraftFile, rowsByGeneration, uploadAndProcess, visibleRecords } from "@/test/usage-file-state";
import { xlsxOf } from "@/test/usage-workbooks";

const database = withTestDatabase();

// A March 2026 file of Acme Backup (PRD-100-002, a TR product: amount and tier are required) on the
// Northwind contract, whose subscription EXT-100002001 is AS-1000-02001.
const backupFileId = "UF-2026-03-1002-0001";
const header = [
  "record_id",
  "item_search_criteria",
  "item_search_value",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "asset_search_criteria",
  "asset_search_value",
  "amount",
  "tier",
];

interface Change {
  item?: string;
  quantity?: string;
  start?: string;
  asset?: string;
  tier?: string;
}

function backupRow(recordId: string, change: Change = {}): string[] {
  return [
    recordId,
    "item.mpn",
    change.item ?? "ACME-BKP-TB",
    change.quantity ?? "1.5",
    change.start ?? "2026-03-10 00:00:00",
    "2026-03-11 00:00:00",
    "asset.external_id",
    change.asset ?? "EXT-100002001",
    "10.5",
    change.tier ?? "1",
  ];
}

async function seedBackupFile() {
  const db = database.handle.db;
  await seedDemoData(db);
  await insertDraftFile(db, {
    id: backupFileId,
    productId: "PRD-100-002",
    usageSchema: "TR",
    currency: "EUR",
    periodFrom: new Date("2026-03-01T00:00:00Z"),
    periodTo: new Date("2026-04-01T00:00:00Z"),
  });
  return db;
}

describe("a workbook with invalid records", () => {
  it("makes the file Invalid, keeping each error on its record and a summary by code", async () => {
    const db = await seedBackupFile();
    const workbook = await xlsxOf({
      records: [
        header,
        backupRow("ok-1"),
        backupRow("unknown-item", { item: "ACME-BKP-PB" }),
        backupRow("unknown-asset", { asset: "EXT-999999999" }),
        backupRow("too-early", { start: "2026-02-28 23:00:00" }),
        backupRow("ok-1"),
        backupRow("negative", { quantity: "-5" }),
        backupRow("bad-tier", { tier: "3" }),
        backupRow("ok-2", { item: "ACME-BKP-RESTORE", quantity: "3", tier: "0" }),
      ],
    });

    const file = await uploadAndProcess(db, backupFileId, "march.xlsx", workbook);

    const errors = [
      {
        row: 3,
        column: "item_search_value",
        code: "item_not_found",
        message: 'No item of this product has item.mpn "ACME-BKP-PB".',
      },
      {
        row: 4,
        column: "asset_search_value",
        code: "subscription_not_found",
        message: 'No subscription of this product and contract has asset.external_id "EXT-999999999".',
      },
      {
        row: 5,
        column: "start_time_utc",
        code: "outside_period",
        message:
          "start_time_utc 2026-02-28 23:00:00 is outside the file's period, 2026-03-01 00:00:00 to 2026-04-01 00:00:00.",
      },
      {
        row: 6,
        column: "record_id",
        code: "duplicate_record_id",
        message: 'record_id "ok-1" is already used on row 2.',
      },
      {
        row: 7,
        column: "quantity",
        code: "negative_number",
        message: 'quantity "-5" is negative; it must be 0 or more.',
      },
      {
        row: 8,
        column: "tier",
        code: "invalid_tier",
        message: 'tier "3" is not 0 (customer), 1 (tier 1) or 2 (tier 2).',
      },
    ];
    expect(file.status).toBe("invalid");
    expect(file.errorDetail).toEqual({
      kind: "records",
      summary: {
        total: 6,
        invalidRecords: 6,
        byCode: {
          item_not_found: 1,
          subscription_not_found: 1,
          outside_period: 1,
          duplicate_record_id: 1,
          negative_number: 1,
          invalid_tier: 1,
        },
        first: errors,
      },
    });
    expect(file.stats).toMatchObject({ records: 8, valid: 2, invalid: 6 });

    const records = await visibleRecords(db, backupFileId);
    const errorsOf = (row: number) => {
      const found = errors
        .filter((error) => error.row === row)
        .map(({ column, code, message }) => ({ column, code, message }));
      return found.length > 0 ? found : null;
    };
    expect(records.map((r) => [r.rowNumber, r.recordId, r.errors])).toEqual(
      ["ok-1", "unknown-item", "unknown-asset", "too-early", "ok-1", "negative", "bad-tier", "ok-2"].map(
        (recordId, index) => [index + 2, recordId, errorsOf(index + 2)],
      ),
    );
    // What could be read stays on an invalid record, for the vendor to see; a negative quantity
    // cannot be stored (the column refuses it), so only its error message keeps the value.
    const byId = (recordId: string) => records.find((r) => r.recordId === recordId && r.errors !== null)!;
    expect(byId("negative")).toMatchObject({
      quantity: null,
      itemId: "PRD-100-002-0001",
      subscriptionId: "AS-1000-02001",
    });
    expect(byId("unknown-asset")).toMatchObject({ quantity: "1.5", itemId: "PRD-100-002-0001", subscriptionId: null });
    expect(byId("bad-tier")).toMatchObject({ tier: null, amount: "10.5" });
    expect(
      records.filter((r) => r.errors === null).map((r) => [r.recordId, r.itemId, r.quantity, r.amount, r.tier]),
    ).toEqual([
      ["ok-1", "PRD-100-002-0001", "1.5", "10.5", 1],
      ["ok-2", "PRD-100-002-0002", "3", "10.5", 0],
    ]);
    expect(await rowsByGeneration(db, backupFileId)).toEqual({ records: { 1: 8 }, categories: {} });
  });
});

describe("a TR record's tier", () => {
  it("needs its subscription to have an account at that tier", async () => {
    const db = await seedBackupFile();
    await db.update(subscriptions).set({ tier2AccountId: null }).where(eq(subscriptions.id, "AS-1000-02001"));
    const workbook = await xlsxOf({
      records: [header, backupRow("tier-0", { tier: "0" }), backupRow("tier-1"), backupRow("tier-2", { tier: "2" })],
    });

    const file = await uploadAndProcess(db, backupFileId, "tiers.xlsx", workbook);

    expect(file.status).toBe("invalid");
    expect(file.stats).toMatchObject({ records: 3, valid: 2, invalid: 1 });
    const records = await visibleRecords(db, backupFileId);
    expect(records.map((r) => [r.recordId, r.tier, r.subscriptionId, r.errors])).toEqual([
      ["tier-0", 0, "AS-1000-02001", null],
      ["tier-1", 1, "AS-1000-02001", null],
      [
        "tier-2",
        2,
        "AS-1000-02001",
        [
          {
            column: "tier",
            code: "tier_account_missing",
            message: "Subscription AS-1000-02001 has no tier 2 account: a tier 2 record needs one.",
          },
        ],
      ],
    ]);
  });
});
