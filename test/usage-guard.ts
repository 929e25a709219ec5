import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageFiles } from "@/db/schema";
import { insertDraftFile, uploadAndProcess } from "./usage-file-state";
import { demoPeriodStart, recordsHeader, xlsxOf } from "./usage-workbooks";

/** Files of the double-billing guard's tests: the Acme vendor's Compute product on the Northwind contract. */
const hourMs = 3_600_000;

export interface Usage {
  recordId: string;
  /** Hours after the start of the period. */
  from: number;
  to: number;
  subscription?: string;
  item?: string;
  quantity?: string;
}

function usageRow({
  recordId,
  from,
  to,
  subscription = "EXT-100001001",
  item = "ACME-VCPU-HR",
  quantity = "1",
}: Usage): string[] {
  const time = (hours: number) =>
    new Date(demoPeriodStart().getTime() + hours * hourMs).toISOString().slice(0, 19).replace("T", " ");
  return [recordId, "item.mpn", item, quantity, time(from), time(to), "asset.external_id", subscription];
}

/** The seeded files of the Acme contract stay out of the comparisons: each test makes the files it compares. */
export async function setAsideSeededAcmeFiles(db: Database): Promise<void> {
  await db.update(usageFiles).set({ status: "deleted" }).where(eq(usageFiles.contractId, "CRD-00001"));
}

/** The period of the demo files (the last full month), `monthsBefore` months earlier. */
export function guardPeriod(monthsBefore = 0): { periodFrom: Date; periodTo: Date } {
  const start = demoPeriodStart();
  const month = (offset: number) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
  return { periodFrom: month(-monthsBefore), periodTo: month(1 - monthsBefore) };
}

export function usageWorkbook(usage: Usage[]): Promise<Buffer> {
  return xlsxOf({ records: [[...recordsHeader], ...usage.map(usageRow)] });
}

/** A file of the demo period, processed from these records. */
export async function processedFile(db: Database, id: string, usage: Usage[]) {
  await insertDraftFile(db, { id, productId: "PRD-100-001", usageSchema: "QT", currency: "USD", ...guardPeriod() });
  return uploadAndProcess(db, id, "usage.xlsx", await usageWorkbook(usage));
}
