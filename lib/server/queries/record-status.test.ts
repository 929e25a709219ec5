import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { usageFiles, usageRecords } from "@/db/schema";
import { recordStatusOf, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess } from "@/test/usage-file-state";
import { acmeDraftFileId, recordsHeader, validRow, xlsxOf } from "@/test/usage-workbooks";
import { currentRecordsOf, recordStatusSql } from "./record-status";

const database = withTestDatabase();

describe("a record's status in SQL", () => {
  it("agrees with the domain rule for every file status, closed and invalid records included", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const workbook = await xlsxOf({
      records: [[...recordsHeader], validRow("plain", "1", 0), validRow("closed", "1", 1), validRow("bad", "-1", 2)],
    });
    await uploadAndProcess(db, acmeDraftFileId, "mixed.xlsx", workbook);
    await db.update(usageRecords).set({ closedAt: new Date() }).where(eq(usageRecords.recordId, "closed"));

    for (const status of ["invalid", "ready", "pending", "accepted", "rejected", "closed"] as UsageFileStatus[]) {
      await db.update(usageFiles).set({ status }).where(eq(usageFiles.id, acmeDraftFileId));
      const rows = await db
        .select({ recordId: usageRecords.recordId, status: recordStatusSql() })
        .from(usageRecords)
        .innerJoin(usageFiles, currentRecordsOf())
        .where(eq(usageFiles.id, acmeDraftFileId));
      const expected = (recordId: string) =>
        recordStatusOf(status, { hasErrors: recordId === "bad", closed: recordId === "closed" });
      expect(rows.map((r) => [r.recordId, r.status]).sort()).toEqual(
        ["bad", "closed", "plain"].map((id) => [id, expected(id)]),
      );
    }
  });

  it("closes every valid record once the file carries a billing reference for all remaining ones", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    await uploadAndProcess(
      db,
      acmeDraftFileId,
      "one.xlsx",
      await xlsxOf({ records: [[...recordsHeader], validRow("r1")] }),
    );
    await db
      .update(usageFiles)
      .set({ status: "accepted", billingId: "INV-1" })
      .where(eq(usageFiles.id, acmeDraftFileId));
    const [row] = await db
      .select({ status: recordStatusSql() })
      .from(usageRecords)
      .innerJoin(usageFiles, currentRecordsOf());
    expect(row?.status).toBe("closed");
  });
});
