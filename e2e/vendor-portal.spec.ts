import { expect, expectFitsAndAccessible, recordRow, screenshot, signIn, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";
import { quantityRows } from "./workbooks";

test("a vendor creates a file, sees invalid records, corrects one in the browser, re-uploads the rest and submits", async ({
  page,
}) => {
  await signIn(page, "vendor@acme.test");
  await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
  await screenshot(page, "vendor-dashboard");
  const id = await createUsageFile(page, "Acme Compute — e2e month");

  const template = await downloadTemplate(page);
  await upload(page, template, "month.xlsx", [
    { recordId: "rec-1", quantity: "10.5" },
    { recordId: "rec-2", quantity: "1.234" },
    { recordId: "rec-3", quantity: "7", asset: "EXT-NOPE" },
  ]);
  await expect(page.getByRole("heading", { name: /2 invalid records/ })).toBeVisible({ timeout: 30_000 });

  await page.getByLabel("Invalid only").click();
  await expect(page).toHaveURL(/invalid=1/);
  await expect(page.getByRole("row").filter({ hasText: "rec-1" })).toHaveCount(0);
  await expect(recordRow(page, "rec-2")).toContainText("has 3 decimals");
  await expect(recordRow(page, "rec-3")).toContainText("EXT-NOPE");
  await screenshot(page, "vendor-record-grid-invalid");
  // The widest grid: errors and their Correct buttons scroll inside the card, never off the page.
  await expectFitsAndAccessible(page, "vendor_invalid-file");

  const processed = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download it with the errors marked" }).click();
  expect((await processed).suggestedFilename()).toBe("month-processed.xlsx");

  await recordRow(page, "rec-2").getByRole("button", { name: "Correct" }).click();
  const dialog = page.getByRole("dialog", { name: "Correct row 3" });
  await expect(dialog.getByLabel("quantity"), "the dialog opens on the invalid cell").toBeFocused();
  await dialog.getByLabel("quantity").fill("-1.23");
  await dialog.getByRole("button", { name: "Check and save" }).click();
  await expect(dialog.getByText('quantity "-1.23" is negative; it must be 0 or more.')).toBeVisible();
  await expect(dialog.getByRole("alert")).toContainText("Not saved: the record is still invalid.");
  await expect(dialog.getByLabel("quantity")).toHaveValue("-1.23");
  await screenshot(page, "vendor-correct-record-refused");
  await dialog.getByLabel("quantity").fill("1.23");
  await screenshot(page, "vendor-correct-record");
  await dialog.getByRole("button", { name: "Check and save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: /1 invalid record/ })).toBeVisible();
  await expect(page.getByText("Corrected a record in the browser")).toBeVisible();
  await page.getByLabel("Invalid only").click();
  await expect(page).not.toHaveURL(/invalid=1/);
  await expect(recordRow(page, "rec-1")).toBeVisible();

  await upload(page, template, "month-fixed.xlsx", [
    { recordId: "rec-1", quantity: "10.5" },
    { recordId: "rec-2", quantity: "1.23" },
    { recordId: "rec-3", quantity: "7" },
  ]);
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Pending", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await expect(page.getByLabel("Usage spreadsheet")).toHaveCount(0);
  await expect(page.getByText("Submitted for review")).toBeVisible();
  await screenshot(page, "vendor-pending-file");

  await page.goto("/vendor/files?status=pending");
  await expect(page.getByRole("link", { name: "Acme Compute — e2e month" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("pending");
  await screenshot(page, "vendor-files-list");
  expect(id).toMatch(/^UF-\d{4}-\d{2}-\d{4}-\d{4}$/);
});

test("correcting the last invalid record makes the file Ready, and the download carries the correction", async ({
  page,
}) => {
  await signIn(page, "vendor@acme.test");
  await createUsageFile(page, "Acme Compute — one typo");
  await upload(page, await downloadTemplate(page), "typo.xlsx", quantityRows(["4", "2.5x"]));
  await expect(page.getByRole("heading", { name: /1 invalid record/ })).toBeVisible({ timeout: 30_000 });

  await recordRow(page, "rec-2").getByRole("button", { name: "Correct" }).click();
  const dialog = page.getByRole("dialog", { name: "Correct row 3" });
  await dialog.getByLabel("quantity").fill("2.5");
  await dialog.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByText("Ready", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "6.5" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the uploaded spreadsheet" }).click();
  expect((await download).suggestedFilename()).toBe("typo-corrected.xlsx");
});

test("a vendor deletes a Draft after confirming, and it leaves the lists", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await createUsageFile(page, "Acme Compute — created by mistake");
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this usage file?" });
  await screenshot(page, "vendor-delete-dialog");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/vendor\/files$/);
  await expect(page.getByRole("link", { name: "Acme Compute — created by mistake" })).toHaveCount(0);
});

test("a submit from a stale page is refused with the reason, and nothing changes", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "vendor@acme.test");
  await signIn(second, "vendor2@acme.test");
  const ready = "/vendor/files/UF-2026-10-1001-0002";
  await first.goto(ready);
  await second.goto(ready);

  await first.getByRole("button", { name: "Submit for review" }).click();
  await first.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(first.getByRole("button", { name: "Submit for review" })).toHaveCount(0);

  await second.getByRole("button", { name: "Submit for review" }).click();
  const dialog = second.getByRole("dialog");
  await dialog.getByRole("button", { name: "Submit" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "This usage file is Pending; only Ready, Rejected files can be submitted.",
  );
  await screenshot(second, "vendor-refused-submit");
  await second.reload();
  await expect(second.getByText("Submitted for review")).toHaveCount(1);
});
