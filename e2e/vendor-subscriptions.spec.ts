import ExcelJS from "exceljs";
import { expect, expectFitsAndAccessible, recordRow, screenshot, signIn, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";

test("a vendor finds a subscription on its subscriptions page and corrects an Invalid file's record with its id", async ({
  page,
}) => {
  await signIn(page, "vendor@acme.test");
  await createUsageFile(page, "Acme Compute — unknown subscription", "RUN-E2E-7");
  await expect(page.getByText("RUN-E2E-7")).toBeVisible();
  await screenshot(page, "vendor-file-external-id");

  const template = await downloadTemplate(page);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const listed = workbook.getWorksheet("subscriptions")!.getColumn(1).values.slice(2).map(String);
  expect(listed).toHaveLength(11);

  await upload(page, template, "month.xlsx", [
    { recordId: "rec-1", quantity: "3" },
    { recordId: "rec-2", quantity: "4", asset: "EXT-NOPE" },
  ]);
  await expect(page.getByRole("heading", { name: /1 invalid record/ })).toBeVisible({ timeout: 30_000 });
  const fileUrl = page.url();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subscriptions" }).click();
  await expect(page.getByRole("heading", { name: "Subscriptions", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Contract" }).selectOption("CRD-00001");
  await expect(page).toHaveURL(/contract=CRD-00001/);
  await page.getByRole("combobox", { name: "Product" }).selectOption({ label: "Acme Compute" });
  await expect(page).toHaveURL(/product=PRD-100-001/);
  await page.getByRole("searchbox").fill("EXT-100001005");
  await expect(page).toHaveURL(/q=EXT-100001005/);
  const found = page.getByRole("row").filter({ hasText: "EXT-100001005" });
  await expect(page.getByRole("row")).toHaveCount(2);
  const subscriptionId = /AS-\d{4}-\d{5}/.exec((await found.textContent()) ?? "")?.[0];
  expect(subscriptionId).toBe("AS-1000-01005");
  expect(listed).toContain(subscriptionId);
  await screenshot(page, "vendor-subscriptions");

  await page.goto(fileUrl);
  await recordRow(page, "rec-2").getByRole("button", { name: "Correct" }).click();
  const dialog = page.getByRole("dialog", { name: "Correct row 3" });
  const item = dialog.getByLabel("item_search_value");
  await expect(item, "the item is chosen from the product's items").toHaveValue("ACME-VCPU-HR");
  await expect(item.locator("option")).toHaveCount(5);
  await expect(item.locator("option", { hasText: "ACME-EGRESS-GB · Data egress (GB)" })).toHaveCount(1);
  const offered = (value: string) => dialog.locator(`datalist option[value="${value}"]`);
  await expect(offered("EXT-100001005"), "subscriptions are offered by the criterion beside them").toHaveCount(1);
  await expect(offered(subscriptionId!)).toHaveCount(0);
  const start = dialog.getByLabel("start_time_utc (UTC)");
  await expect(start).toHaveAttribute("type", "datetime-local");
  const day = (await start.inputValue()).slice(0, 10);
  await start.fill(`${day}T06:30`);
  await expect(dialog.getByText(`Saved as "${day} 06:30:00"`)).toBeVisible();
  await dialog.getByLabel("asset_search_criteria").fill("asset.id");
  await expect(offered(subscriptionId!)).toHaveCount(1);
  await dialog.getByLabel("asset_search_value").fill(subscriptionId!);
  await expectFitsAndAccessible(page, "vendor_correct-record-dialog");
  await dialog.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText("Ready", { exact: true })).toBeVisible();
  await expect(recordRow(page, "rec-2")).toContainText("EXT-100001005");
  await expect(recordRow(page, "rec-2")).toContainText(`${day} 06:30 UTC`);
  await screenshot(page, "vendor-file-ready-after-correction");
});

test("a distributor corrects a closed record's billing reference from the grid, and the history says so", async ({
  page,
}) => {
  await signIn(page, "distributor@northwind.test");
  await page.goto("/distributor/files/UF-2026-10-1001-0005");
  const rows = page
    .getByRole("region", { name: /^Records/ })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
  const first = rows.first();
  await first.getByRole("button", { name: "Close" }).click();
  const closing = page.getByRole("dialog", { name: /^Close record UR-/ });
  await closing.getByLabel("External billing id").fill("INV-7I");
  await closing.getByRole("button", { name: "Close record" }).click();
  await expect(first).toContainText("INV-7I");

  await first.getByRole("button", { name: "Edit" }).click();
  const editing = page.getByRole("dialog", { name: /^Billing reference of UR-/ });
  await expect(editing.getByLabel("External billing id")).toHaveValue("INV-7I");
  await editing.getByLabel("External billing id").fill("INV-71");
  await editing.getByLabel("Billing note").fill("typo in the invoice number");
  await screenshot(page, "distributor-edit-billing");
  await editing.getByRole("button", { name: "Save billing reference" }).click();
  await expect(editing).toBeHidden();
  await expect(first).toContainText("INV-71");
  await expect(page.getByText("Corrected a closed record's billing reference")).toBeVisible();
  await expect(page.getByText("billing id “INV-7I” → “INV-71”")).toBeVisible();
  await expect(rows.nth(1).getByRole("button", { name: "Edit" })).toHaveCount(0);
  await screenshot(page, "distributor-billing-history");
});
