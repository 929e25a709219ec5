import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { northwindDistributor, uploadOf } from "@/test/usage-workbooks";
import { reconcileUsageFile } from "./reconcile-usage-file";

const database = withTestDatabase();

const accepted = "UF-2026-10-1001-0005";
const otherFile = "UF-2026-10-1001-0003";

describe("reconciliation sheets naming records in other ways", () => {
  it("reads UR-007 as UR-7, reports text naming no record as written, and another file's record as not found", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [a, b] = await visibleRecords(db, accepted);
    const [foreign] = await visibleRecords(db, otherFile);
    const padded = `UR-00${a!.id}`;
    const sheet = [
      "id,external_billing_id",
      `${padded},INV-1`,
      `UR-${a!.id},INV-2`,
      "no such record,INV-3",
      `UR-${foreign!.id},INV-4`,
      `UR-${b!.id},INV-5`,
    ].join("\n");
    const result = await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.csv", sheet));
    expect(result).toEqual({
      ok: true,
      value: {
        closed: [`UR-${b!.id}`],
        refused: [
          { recordId: `UR-${a!.id}`, reason: "duplicate" },
          { recordId: "no such record", reason: "not_found" },
          { recordId: `UR-${foreign!.id}`, reason: "not_found" },
        ],
        rowsWithoutBillingId: 0,
      },
    });
  });

  it("reports text naming no record listed twice among ids in ascending order", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [a, b] = (await visibleRecords(db, accepted)).sort((x, y) => x.id - y.id);
    const sheet = [
      "id,external_billing_id",
      `UR-${a!.id},INV-1`,
      "no such record,INV-2",
      `UR-${b!.id},INV-3`,
      "no such record,INV-4",
    ].join("\n");
    const result = await reconcileUsageFile(northwindDistributor, accepted, uploadOf("billing.csv", sheet));
    expect(result).toEqual({
      ok: true,
      value: {
        closed: [`UR-${a!.id}`, `UR-${b!.id}`],
        refused: [{ recordId: "no such record", reason: "duplicate" }],
        rowsWithoutBillingId: 0,
      },
    });
  });
});
