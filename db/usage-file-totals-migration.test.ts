import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "./seed";
import { withTestDatabase } from "@/test/db";

const database = withTestDatabase();

const totalsQuery = `SELECT usage_file_id, generation, subscription_id, item_id, records, quantity::text, amount::text,
  closed_records, closed_quantity::text, closed_amount::text FROM usage_file_totals ORDER BY 1, 2, 3, 4`;

describe("migration 0006", () => {
  it("stores the totals of files processed before they were kept, closed records apart", async () => {
    await seedDemoData(database.handle.db);
    await database.handle.rows(
      "UPDATE usage_records SET closed_at = now(), external_billing_id = 'INV-1' WHERE usage_file_id = 'UF-2026-10-1001-0005' AND row_number = 2",
    );
    await database.handle.rows(
      "UPDATE usage_file_totals t SET closed_records = 1, closed_quantity = r.quantity, closed_amount = r.amount FROM usage_records r WHERE r.usage_file_id = 'UF-2026-10-1001-0005' AND r.row_number = 2 AND t.usage_file_id = r.usage_file_id AND t.subscription_id = r.subscription_id AND t.item_id = r.item_id",
    );
    const kept = await database.handle.rows(totalsQuery);
    expect(kept.length).toBeGreaterThan(0);
    await database.handle.rows("DELETE FROM usage_file_totals");
    await database.handle.rows(readFileSync("db/migrations/0006_backfill_usage_file_totals.sql", "utf8"));
    expect(await database.handle.rows(totalsQuery)).toEqual(kept);
  });
});
