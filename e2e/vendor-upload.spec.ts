import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const draftFile = "UF-2026-10-1001-0001";

/** Rows for the seeded Acme Compute product, inside the demo files' period (the last full month). */
function recordRow(recordId: string, quantity: string): string[] {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 3));
  const end = new Date(start.getTime() + 86_400_000);
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  return [recordId, "", "item.mpn", "ACME-VCPU-HR", quantity, text(start), text(end), "asset.external_id", "EXT-100001001"];
}

async function fillTemplate(templatePath: string, quantities: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const records = workbook.getWorksheet("records")!;
  // Rows by number: the template's drop-down lists already reach far down the sheet.
  quantities.forEach((quantity, index) => {
    records.getRow(index + 2).values = recordRow(`rec-${index + 1}`, quantity);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("a vendor downloads the template, uploads it with an error, sees why, and uploads a corrected file", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${draftFile}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — draft");
  await screenshot(page, "vendor-draft-file");

  const templateDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "usage template" }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe(`${draftFile}-template.xlsx`);
  const templatePath = await template.path();

  const withError = await fillTemplate(templatePath, ["10.5", "1.234", "7"]);
  await page.getByLabel("Usage spreadsheet").setInputFiles({
    name: "october.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: withError,
  });
  await expect(page.getByRole("heading", { name: /1 invalid record/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("cell", { name: /has 3 decimals/ })).toBeVisible();
  await screenshot(page, "vendor-invalid-file");

  const processedDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the spreadsheet with the errors marked" }).click();
  expect((await processedDownload).suggestedFilename()).toBe("october-processed.xlsx");

  const corrected = await fillTemplate(templatePath, ["10.5", "1.23", "7"]);
  await page.getByLabel("Usage spreadsheet").setInputFiles({
    name: "october-fixed.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: corrected,
  });
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("cell", { name: "18.73" })).toBeVisible();
  await screenshot(page, "vendor-ready-file");
});

test("a vendor is told at once when a file is not a spreadsheet", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${draftFile}`);
  await page.getByLabel("Usage spreadsheet").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.locator("section").getByRole("alert")).toHaveText("Upload an .xlsx workbook or a .csv file.");
});
