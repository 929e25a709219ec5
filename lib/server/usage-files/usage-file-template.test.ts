import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { setFilePeriod } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, globexVendor } from "@/test/usage-workbooks";
import { sheet, writtenWorkbook } from "@/test/written-workbooks";
import { usageFileTemplate } from "./usage-file-spreadsheets";

const database = withTestDatabase();

/** A subscription of the draft file's product (Acme Compute) and contract (CRD-00001) unless told otherwise. */
function subscriptionActive(id: string, activeFrom: string | null, activeTo: string | null, other = {}) {
  return {
    id,
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    externalId: `EXT-${id}`,
    externalUid: `uid-${id}`,
    status: "active" as const,
    activeFrom: activeFrom === null ? null : new Date(activeFrom),
    activeTo: activeTo === null ? null : new Date(activeTo),
    ...other,
  };
}

async function templateOf(actor = acmeVendor): Promise<ExcelJS.Workbook> {
  const download = await usageFileTemplate(actor, acmeDraftFileId);
  if (!download.ok) throw new Error(download.message);
  return writtenWorkbook((out) => download.value.write(out));
}

function listedIds(workbook: ExcelJS.Workbook): string[] {
  const ids: string[] = [];
  sheet(workbook, "subscriptions").eachRow((row) => ids.push(String(row.getCell(1).value)));
  return ids.slice(1);
}

describe("a usage file's template", () => {
  it("lists exactly the subscriptions of its product and contract active at some time in its period", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    await setFilePeriod(db, acmeDraftFileId, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
    await db
      .insert(subscriptions)
      .values([
        subscriptionActive("AS-T-ENDS-AT-START", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
        subscriptionActive("AS-T-ENDS-INSIDE", "2026-01-01T00:00:00Z", "2026-03-01T00:00:01Z"),
        subscriptionActive("AS-T-INSIDE", "2026-03-10T00:00:00Z", "2026-03-20T00:00:00Z"),
        subscriptionActive("AS-T-STARTS-INSIDE", "2026-03-31T23:59:59Z", null),
        subscriptionActive("AS-T-STARTS-AT-END", "2026-04-01T00:00:00Z", null),
        subscriptionActive("AS-T-ALWAYS", null, null, { status: "suspended" }),
        subscriptionActive("AS-T-OTHER-CONTRACT", null, null, { contractId: "CRD-00002" }),
        subscriptionActive("AS-T-OTHER-PRODUCT", null, null, { productId: "PRD-100-002" }),
      ]);

    const workbook = await templateOf();

    // The seed's eleven subscriptions of Acme Compute on CRD-00001 active since 2025 (the twelfth
    // ended on 2025-12-31), and those of the new ones whose window overlaps March 2026.
    const seeded = Array.from({ length: 11 }, (_, index) => `AS-1000-010${String(index + 1).padStart(2, "0")}`);
    expect(listedIds(workbook)).toEqual(
      [...seeded, "AS-T-ALWAYS", "AS-T-ENDS-INSIDE", "AS-T-INSIDE", "AS-T-STARTS-INSIDE"].sort(),
    );
    const records = sheet(workbook, "records");
    const header = (records.getRow(1).values as string[]).slice(1);
    const assetColumn = records.getColumn(header.indexOf("asset_search_value") + 1).letter;
    const validations = (records as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(validations[`${assetColumn}2`]).toMatchObject({ type: "list", formulae: ["subscriptions!$A$2:$A$16"] });
  });

  it("is not found for another vendor, who sees none of the subscriptions", async () => {
    await seedDemoData(database.handle.db);
    const refused = await usageFileTemplate(globexVendor, acmeDraftFileId);
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
  });
});
