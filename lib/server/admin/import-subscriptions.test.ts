import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { events, subscriptions } from "@/db/schema";
import { admin } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { importSubscriptions, maxImportBytes } from "./import-subscriptions";

const database = withTestDatabase();

const header =
  "product_id,contract_id,external_id,external_uid,parameters,status,active_from,active_to,tier1_account_id";

function csv(...rows: string[]): File {
  return new File([[header, ...rows].join("\n")], "subscriptions.csv", { type: "text/csv" });
}

async function subscriptionCount(): Promise<number> {
  const [row] = await database.handle.db.select({ total: count() }).from(subscriptions);
  return row!.total;
}

describe("importing subscriptions", () => {
  it("imports every row of a valid CSV sheet, each with its event", async () => {
    await seedDemoData(database.handle.db);
    const before = await subscriptionCount();
    const result = await importSubscriptions(
      admin,
      csv(
        "PRD-100-001,CRD-00001,EXT-A,uid-a,region=eu-west; subdomain=a,active,2026-01-01,,ACC-0005",
        "PRD-100-001,CRD-00002,EXT-B,uid-b,,suspended,,,",
      ),
    );
    expect(result).toEqual({ ok: true, value: { imported: 2 } });
    expect(await subscriptionCount()).toBe(before + 2);
    const [imported] = await database.handle.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.externalId, "EXT-A"));
    expect(imported).toMatchObject({
      parameters: { region: "eu-west", subdomain: "a" },
      activeFrom: new Date("2026-01-01T00:00:00Z"),
      tier1AccountId: "ACC-0005",
    });
    const created = await database.handle.db.select().from(events).where(eq(events.objectType, "subscription"));
    expect(created).toHaveLength(2);
  });

  it("imports nothing when one row is bad, and names that row and why", async () => {
    await seedDemoData(database.handle.db);
    const before = await subscriptionCount();
    const result = await importSubscriptions(
      admin,
      csv(
        "PRD-100-001,CRD-00001,EXT-A,uid-a,,active,,,",
        "PRD-100-001,CRD-00003,EXT-B,uid-b,,active,,,",
        "PRD-100-001,CRD-00001,EXT-C,uid-c,,active,,,",
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "validation_failed",
      message: "Nothing was imported: 1 row has problems.",
      rowErrors: [
        { row: 3, column: "contract_id", message: "Contract CRD-00003 is not with the vendor of product PRD-100-001." },
      ],
    });
    expect(await subscriptionCount()).toBe(before);
  });

  it("checks each row like the form, and external ids against the catalog and the sheet itself", async () => {
    await seedDemoData(database.handle.db);
    const result = await importSubscriptions(
      admin,
      csv(
        "PRD-100-001,CRD-00001,EXT-A,uid-a,,paused,,,",
        "PRD-100-001,CRD-00001,EXT-100001001,uid-new,,active,,,",
        "PRD-100-001,CRD-00001,EXT-D,uid-d,,active,2026-02-01,2026-01-01,",
        "PRD-100-001,CRD-00001,EXT-E,uid-e,,active,,,ACC-0002",
        "PRD-100-001,CRD-00001,EXT-F,uid-f,,active,,,",
        "PRD-100-001,CRD-00001,EXT-F,uid-g,,active,,,",
      ),
    );
    if (result.ok || !("rowErrors" in result)) throw new Error("expected row errors");
    expect(result.rowErrors.map((error) => [error.row, error.column])).toEqual([
      [2, "status"],
      [3, "external_id"],
      [4, "active_to"],
      [5, "tier1_account_id"],
      [7, "external_id"],
    ]);
  });

  it("reads an XLSX sheet as well", async () => {
    await seedDemoData(database.handle.db);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("subscriptions");
    sheet.addRow(header.split(","));
    sheet.addRow(["PRD-200-001", "CRD-00003", "EXT-X", "uid-x", "", "active", "2026-03-01", "", ""]);
    const bytes = await workbook.xlsx.writeBuffer();
    const file = new File([bytes], "subscriptions.xlsx");
    expect(await importSubscriptions(admin, file)).toEqual({ ok: true, value: { imported: 1 } });
  });

  it("refuses a sheet with an unknown column, naming it, and a file that is not a sheet", async () => {
    await seedDemoData(database.handle.db);
    const unknown = new File(["product_id,contract_id,external_id,external_uid,status,colour\n"], "s.csv");
    expect(await importSubscriptions(admin, unknown)).toMatchObject({
      ok: false,
      rowErrors: [{ row: 1, column: "colour", message: 'Unknown column "colour".' }],
    });
    const notASheet = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])], "s.xlsx");
    expect(await importSubscriptions(admin, notASheet)).toMatchObject({ ok: false, code: "validation_failed" });
  });

  it("refuses a sheet past the size limit before reading it", async () => {
    const before = await subscriptionCount();
    const large = new File([new Uint8Array(maxImportBytes + 1)], "s.csv");
    expect(await importSubscriptions(admin, large)).toMatchObject({ ok: false, code: "too_large" });
    expect(await subscriptionCount()).toBe(before);
  });
});
