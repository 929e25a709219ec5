import type { Page } from "@playwright/test";
import { expect, expectFitsAndAccessible, screenshot, signIn, signOut, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";
import { quantityRows } from "./workbooks";

// Issue 21: a distributor disputes records when rejecting; the vendor fixes one in the browser and
// submits again; the distributor sees exactly what changed since the rejection.

const grid = (page: Page) => page.getByRole("region", { name: /^Records/ });
const rows = (page: Page) =>
  grid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
const recordRow = (page: Page, recordId: string) =>
  rows(page).filter({ has: page.getByRole("cell", { name: recordId, exact: true }) });

test("a distributor disputes records when rejecting, the vendor fixes one in the browser, and the distributor sees exactly that change", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "vendor@acme.test");
  const fileId = await createUsageFile(page, "Acme Compute — disputed");
  const quantities = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
  await upload(page, await downloadTemplate(page), "disputed.xlsx", quantityRows(quantities));
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${fileId}`);
  await expect(rows(page)).toHaveCount(12);
  await recordRow(page, "rec-2").getByRole("checkbox").check();
  await recordRow(page, "rec-3").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Reject, disputing 2 selected" }).click();
  const reject = page.getByRole("dialog", { name: /^Reject this usage file, disputing 2 selected records/ });
  await reject.getByLabel("Rejection note").fill("Two records are wrong, see each.");
  await reject.getByLabel(/^Reason for rec-2 \(UR-\d+\)$/).fill("Doubled: should be 1.");
  await reject.getByLabel(/^Reason for rec-3 \(UR-\d+\)$/).fill("Not our subscription.");
  await screenshot(page, "distributor-dispute-dialog");
  await reject.getByRole("button", { name: "Reject file" }).click();
  await expect(reject).toBeHidden();
  await page.reload();
  await expect(page.getByText("Rejected", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Changes since the last rejection")).toHaveCount(0);
  await signOut(page);

  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${fileId}`);
  const disputed = page.getByRole("region", { name: "Disputed records" });
  await expect(disputed.getByRole("row")).toHaveCount(3);
  await expect(disputed.getByRole("row").nth(1)).toContainText("rec-2");
  await expect(disputed.getByRole("row").nth(1)).toContainText("Doubled: should be 1.");
  await expect(disputed.getByRole("row").nth(2)).toContainText("Not our subscription.");
  // At 390, 768 and 1440 px: no sideways scrolling, no serious axe violation, a screenshot of each.
  await expectFitsAndAccessible(page, "vendor-disputed-records");

  await recordRow(page, "rec-2").getByRole("button", { name: "Correct" }).click();
  const correct = page.getByRole("dialog", { name: "Correct row 3" });
  await correct.getByLabel("quantity").fill("1");
  await correct.getByRole("button", { name: "Check and save" }).click();
  await expect(correct).toBeHidden();
  await expect(recordRow(page, "rec-2")).toContainText("1");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${fileId}`);
  const changes = page.getByRole("region", { name: "Changes since the last rejection" });
  await expect(changes).toContainText("1 record changed, 0 added, 0 removed; 1 disputed record of 2 unchanged");
  const changed = changes.getByRole("row").filter({ hasText: "rec-2" });
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText("quantity: 2 → 1");
  await expect(changed).toContainText("Doubled: should be 1.");
  const unchanged = changes.getByRole("row").filter({ hasText: "rec-3" });
  await expect(unchanged).toContainText("Not our subscription.");
  await expect(changes.getByRole("row").filter({ hasText: /rec-(1|4|5|6|7|8|9|10|11|12)\b/ })).toHaveCount(0);
  await expectFitsAndAccessible(page, "distributor-changes-since-rejection");

  await page.getByRole("combobox", { name: "Last review" }).selectOption({ label: "Changed since last review" });
  await expect(page).toHaveURL(/review=changed/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("rec-2");
  await page.getByRole("combobox", { name: "Last review" }).selectOption({ label: "Disputed at last review" });
  await expect(rows(page)).toHaveCount(2);
});
