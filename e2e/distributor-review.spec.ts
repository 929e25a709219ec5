import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, expectFitsAndAccessible, screenshot, signIn, signOut, test } from "./helpers";

// Seeded (db/seed.ts): Acme Compute, Pending on the Northwind contract.
const fileId = "UF-2026-10-1001-0003";
const reviewPage = `/distributor/files/${fileId}`;
const rejectionNote = "Quantities for tenant-1000101 look doubled; please check.";

/** A valid records sheet for the seeded Acme Compute product, inside the demo period (the last full month). */
async function correctedWorkbook(quantities: string[]): Promise<Buffer> {
  const now = new Date();
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("records");
  sheet.addRow([
    "record_id",
    "item_search_criteria",
    "item_search_value",
    "quantity",
    "start_time_utc",
    "end_time_utc",
    "asset_search_criteria",
    "asset_search_value",
    "record_note",
  ]);
  quantities.forEach((quantity, index) => {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 2 + index));
    const end = new Date(start.getTime() + 86_400_000);
    sheet.addRow([
      `fix-${index + 1}`,
      "item.mpn",
      "ACME-VCPU-HR",
      quantity,
      text(start),
      text(end),
      "asset.external_id",
      "EXT-100001001",
      index === 0 ? "=cmd()" : "",
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function confirmInDialog(page: Page, trigger: string, confirm: string, fill?: (page: Page) => Promise<void>) {
  await page.getByRole("button", { name: trigger, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await fill?.(page);
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const done = await started;
  return { name: done.suggestedFilename(), bytes: await readFile((await done.path())!) };
}

test("a distributor rejects a file, the vendor corrects and resubmits it, the distributor accepts, exports, reconciles and closes it", async ({
  page,
}) => {
  test.setTimeout(180_000);

  await signIn(page, "distributor@northwind.test");
  await expect(page.getByRole("heading", { name: /Waiting for review/ })).toBeVisible();
  await screenshot(page, "distributor-dashboard");

  await page.goto(reviewPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — in review");
  await expect(page.getByText("Exported from the metering warehouse")).toHaveCount(0);
  await screenshot(page, "distributor-review-pending");
  const vcpuChart = page.getByRole("figure", { name: /vCPU hours per day/ });
  await expect(vcpuChart, "quantities are charted in their item's unit").toContainText("(hour)");
  await expect(vcpuChart).toContainText(/Total [\d,.]+ hour/);
  const bySubscription = page.getByRole("region", { name: "Totals by subscription" });
  await expect(bySubscription.getByRole("cell", { name: "EXT-100001001 AS-1000-01001" }).first()).toBeVisible();
  await expectFitsAndAccessible(page, "distributor_review-charts");
  await confirmInDialog(page, "Reject", "Reject file", async (p) => {
    await p.getByLabel("Rejection note").fill(rejectionNote);
    await screenshot(p, "distributor-reject-dialog");
  });
  await expect(page.getByRole("definition").filter({ hasText: rejectionNote })).toBeVisible();
  await signOut(page);

  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${fileId}`);
  await expect(page.getByLabel("Review outcome")).toContainText(rejectionNote);
  await screenshot(page, "distributor-vendor-sees-rejection");
  await page.getByLabel("Usage spreadsheet").setInputFiles({
    name: "corrected.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await correctedWorkbook(["10.5", "2.25", "7"]),
  });
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await confirmInDialog(page, "Submit for review", "Submit");
  await expect(page.getByLabel("Review outcome")).toContainText("Waiting for the distributor's review");
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(reviewPage);
  await expect(page.getByRole("cell", { name: "19.75 hour" }).first()).toBeVisible();
  await expect(vcpuChart).toContainText("Total 19.75 hour");
  await confirmInDialog(page, "Accept", "Accept file", async (p) => {
    await expect(p.getByLabel("Acceptance note")).toHaveValue("Usage accepted for billing.");
  });
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  await screenshot(page, "distributor-review-accepted");

  const csv = await download(page, "Export CSV");
  expect(csv.name).toBe(`${fileId}-billing.csv`);
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  expect(lines[0]).toBe(
    "id,usage_file_id,record_id,item_mpn,subscription_external_id,quantity,start_time_utc,end_time_utc,amount,tier,category_id,note,status,external_billing_id,external_billing_note," +
      "item_name,item_unit,subscription_id,tier1_account_id,tier1_account_name,tier2_account_id,tier2_account_name,amends",
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(",fix-1,ACME-VCPU-HR,EXT-100001001,10.5,");
  expect(lines[1]).toContain(",'=cmd(),accepted,,,vCPU hours,hour,AS-1000-01001,");
  expect(csv.bytes.toString("utf8")).not.toContain("metering warehouse");

  const xlsx = await download(page, "Export XLSX");
  expect(xlsx.name).toBe(`${fileId}-billing.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("records")!;
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getRow(2).getCell(6).value).toBe(10.5);

  // One record closed by hand first: the reconciliation then reports it as closed already.
  const firstRecord = lines[1]!.split(",")[0]!;
  const closeById = page.locator("form").filter({ has: page.getByLabel("Record ids") });
  await closeById.getByLabel("Record ids").fill(firstRecord);
  await closeById.getByLabel("External billing id").fill("INV-2026-000");
  await closeById.getByRole("button", { name: "Close records", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Closed 1 record." })).toBeVisible();

  // The export sent back with a billing id on every row.
  const reconciliation = lines
    .map((line, index) => (index === 0 ? line : line.replace(",accepted,,", ",accepted,INV-2026-001,October invoice")))
    .join("\n");
  await page
    .getByLabel("Reconciliation sheet")
    .setInputFiles({ name: "reconciliation.csv", mimeType: "text/csv", buffer: Buffer.from(reconciliation) });
  await page.getByRole("button", { name: "Upload reconciliation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "refused" })).toContainText(
    "2 records closed, 1 row refused, 0 rows without a billing id left open.",
  );
  await expect(page.getByText(`${firstRecord}: This record is already closed.`)).toBeVisible();
  await screenshot(page, "distributor-reconciled");

  await confirmInDialog(page, "Close file", "Close file");
  await expect(page.getByText("Closed", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Close file" })).toHaveCount(0);
  await screenshot(page, "distributor-file-closed");
});
