import type { Page } from "@playwright/test";
import { expect, expectFitsAndAccessible, screenshot, signIn, signOut, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";
import type { TemplateRow } from "./workbooks";

// A subscription no other spec reports usage for, so the only overlap is the one made here.
const usage: TemplateRow[] = [{ recordId: "warn-1", quantity: "5", asset: "EXT-100001007" }];

async function uploadReadyFile(page: Page, name: string): Promise<string> {
  const id = await createUsageFile(page, name);
  await upload(page, await downloadTemplate(page), `${name}.xlsx`, usage);
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  return id;
}

test("a vendor uploads usage overlapping an accepted file and sees the warnings and the other file before submitting", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "vendor@acme.test");
  const accepted = await uploadReadyFile(page, "Compute — first send");
  await expect(page.getByRole("region", { name: "Warnings" })).toContainText("Overlaps another file0");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Submitted for review")).toBeVisible();
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${accepted}`);
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Accept file", exact: true }).click();
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  await signOut(page);

  await signIn(page, "vendor@acme.test");
  const resent = await uploadReadyFile(page, "Compute — sent again");
  const counts = page.getByRole("region", { name: "Warnings" });
  await expect(counts).toContainText("Overlaps another file1");
  await expect(counts).toContainText("Record id used in another file1");
  await expect(counts).toContainText("Overlaps within the file0");
  const row = page.getByRole("row").filter({ hasText: "warn-1" });
  await expect(row).toContainText(`Overlaps record warn-1 (UR-`);
  await expect(row).toContainText(`of usage file ${accepted}`);
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await screenshot(page, "vendor-file-warnings");
  await expectFitsAndAccessible(page, "vendor_file-warnings");

  await page.getByRole("combobox", { name: "Warning" }).selectOption("overlaps_in_file");
  await expect(page.getByText("No records match.")).toBeVisible();
  await page.getByRole("combobox", { name: "Warning" }).selectOption("overlaps_other_file");
  await expect(page.getByRole("row").filter({ hasText: "warn-1" })).toBeVisible();

  await row
    .getByRole("link", { name: `Open ${accepted}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compute — first send");

  await page.goto(`/vendor/files/${resent}`);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Submitted for review")).toBeVisible();
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${resent}`);
  await page.getByRole("region", { name: "Warnings" }).getByRole("link", { name: "1" }).first().click();
  await expect(page).toHaveURL(/warning=overlaps_other_file/);
  await expect(page.getByRole("combobox", { name: "Warning" })).toHaveValue("overlaps_other_file");
  await expect(page.getByRole("row").filter({ hasText: "warn-1" })).toContainText(`of usage file ${accepted}`);
  await expectFitsAndAccessible(page, "distributor_review-warnings");
});
