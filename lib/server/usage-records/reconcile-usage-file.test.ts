import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { northwindDistributor, uploadOf, xlsxOf } from "@/test/usage-workbooks";
import { closeUsageRecords } from "./close-usage-records";
import { reconcileUsageFile } from "./reconcile-usage-file";

const database = withTestDatabase();

const accepted = "UF-2026-10-1001-0005";
const pending = "UF-2026-10-1001-0003";
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };
const header = ["id", "record_id", "note", "external_billing_id", "external_billing_note"];

async function recordIds(id: string) {
  return (await visibleRecords(database.handle.db, id)).map((r) => `UR-${r.id}`);
}

describe("reconciling a usage file", () => {
  it("closes every matched open record and reports unmatched, duplicate and already closed ids", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [a, b, c, d, ...rest] = await recordIds(accepted);
    await closeUsageRecords(
      northwindDistributor,
      accepted,
      [{ recordId: c!, externalBillingId: "INV-0", externalBillingNote: "" }],
      "selection",
    );
    const sheet = await xlsxOf({
      records: [
        header,
        [a!, "x", "", "INV-1", "October"],
        [b!, "x", "", "'=INV-2", ""],
        [c!, "x", "", "INV-3", ""],
        [d!, "x", "", "INV-4", ""],
        [d!, "x", "", "INV-5", ""],
        ["UR-999999", "x", "", "INV-6", ""],
        ...rest.map((id) => [id, "x", "", "", ""]),
      ],
    });
    const result = await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.xlsx", sheet));
    expect(result).toEqual({
      ok: true,
      value: {
        closed: [a, b],
        refused: [
          { recordId: d, reason: "duplicate" },
          { recordId: c, reason: "already_closed" },
          { recordId: "UR-999999", reason: "not_found" },
        ],
        rowsWithoutBillingId: rest.length,
      },
    });
    const records = await visibleRecords(db, accepted);
    expect(records.find((r) => `UR-${r.id}` === a)).toMatchObject({
      externalBillingId: "INV-1",
      externalBillingNote: "October",
    });
    expect(records.find((r) => `UR-${r.id}` === b)?.externalBillingId).toBe("=INV-2");
    expect(records.find((r) => `UR-${r.id}` === c)?.externalBillingId).toBe("INV-0");
    expect(records.find((r) => `UR-${r.id}` === d)?.closedAt).toBeNull();
  });

  it("reads a CSV sheet the same way", async () => {
    await seedDemoData(database.handle.db);
    const ids = await recordIds(accepted);
    const csv = [header.join(","), ...ids.map((id) => `${id},x,,INV-9,`)].join("\n");
    const result = await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.csv", csv));
    expect(result).toMatchObject({ ok: true, value: { closed: ids, refused: [], rowsWithoutBillingId: 0 } });
  });

  it("refuses a sheet without the export's columns, a file not Accepted, and another contract's file", async () => {
    await seedDemoData(database.handle.db);
    const wrong = await xlsxOf({
      records: [
        ["record", "billing"],
        ["UR-1", "INV"],
      ],
    });
    expect(await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.xlsx", wrong))).toMatchObject({
      code: "invalid_input",
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("other").addRow(header);
    const noSheet = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.xlsx", noSheet))).toMatchObject({
      code: "invalid_input",
    });
    const sheet = await xlsxOf({ records: [header] });
    expect(await reconcileUsageFile(northwindDistributor, pending, uploadOf("billing.xlsx", sheet))).toMatchObject({
      code: "invalid_transition",
    });
    expect(await reconcileUsageFile(contosoReseller, accepted, uploadOf("billing.xlsx", sheet))).toMatchObject({
      code: "not_found",
    });
  });
});
