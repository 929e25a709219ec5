import ExcelJS from "exceljs";

export interface TemplateRow {
  recordId: string;
  quantity: string;
  /** The subscription's external id; the seeded Acme Compute one on the Northwind contract by default. */
  asset?: string;
}

/** A records row for the seeded Acme Compute product, inside the demo files' period (the last full month). */
function recordRow({ recordId, quantity, asset = "EXT-100001001" }: TemplateRow): string[] {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 3));
  const end = new Date(start.getTime() + 86_400_000);
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  return [recordId, "", "item.mpn", "ACME-VCPU-HR", quantity, text(start), text(end), "asset.external_id", asset];
}

/** The downloaded template with its records sheet filled, as a vendor would in Excel. */
export async function fillTemplate(templatePath: string, rows: TemplateRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const records = workbook.getWorksheet("records")!;
  // Rows by number: the template's drop-down lists already reach far down the sheet.
  rows.forEach((row, index) => {
    records.getRow(index + 2).values = recordRow(row);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The quantities as rows rec-1, rec-2, … */
export function quantityRows(quantities: string[]): TemplateRow[] {
  return quantities.map((quantity, index) => ({ recordId: `rec-${index + 1}`, quantity }));
}

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
