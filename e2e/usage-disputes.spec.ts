import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { expect, expectFitsAndAccessible, screenshot, signIn, signOut, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";
import { quantityRows } from "./workbooks";

// Issue 21's acceptance walk: a distributor disputes 3 of 500 records when rejecting; the vendor
// answers with a comment, fixes two in the browser and one by re-uploading, and submits again; the
// distributor sees exactly those three as changed and accepts. The vendor then amends one accepted
// record; the distributor accepts the amendment, and the export shows its reversal and replacement.

const grid = (page: Page) => page.getByRole("region", { name: /^Records/ });
const rows = (page: Page) =>
  grid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
const recordRow = (page: Page, recordId: string) =>
  rows(page).filter({ has: page.getByRole("cell", { name: recordId, exact: true }) });

/** rec-1 … rec-500, rec-n with quantity n, then the given quantities instead. */
function fiveHundredRecords(changed: Record<string, string> = {}) {
  const quantities = Array.from({ length: 500 }, (_, index) => changed[`rec-${index + 1}`] ?? String(index + 1));
  return quantityRows(quantities);
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
}

async function accept(page: Page) {
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Accept file", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
}

async function correctQuantity(page: Page, recordId: string, row: number, quantity: string) {
  await recordRow(page, recordId).getByRole("button", { name: "Correct" }).click();
  const correct = page.getByRole("dialog", { name: `Correct row ${row}` });
  await correct.getByLabel("quantity").fill(quantity);
  await correct.getByRole("button", { name: "Check and save" }).click();
  await expect(correct).toBeHidden();
  await expect(recordRow(page, recordId)).toContainText(quantity);
}

test("disputes on 3 of 500 records, answered and fixed, then an amendment of an accepted record with its reversal in the export", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "vendor@acme.test");
  const fileId = await createUsageFile(page, "Acme Compute — disputed");
  const template = await downloadTemplate(page);
  await upload(page, template, "disputed.xlsx", fiveHundredRecords());
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await submit(page);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${fileId}`);
  await expect(grid(page)).toContainText(/Rows 1–\d+ of 500(?!\d)/);
  for (const recordId of ["rec-2", "rec-3", "rec-4"]) await recordRow(page, recordId).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Reject, disputing 3 selected" }).click();
  const reject = page.getByRole("dialog", { name: /^Reject this usage file, disputing 3 selected records/ });
  await reject.getByLabel("Rejection note").fill("Three records are wrong, see each.");
  await reject.getByLabel(/^Reason for rec-2 \(UR-\d+\)$/).fill("Doubled: should be 1.");
  await reject.getByLabel(/^Reason for rec-3 \(UR-\d+\)$/).fill("Should be 1.5.");
  await reject.getByLabel(/^Reason for rec-4 \(UR-\d+\)$/).fill("Should be 2.");
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
  await expect(disputed.getByRole("row")).toHaveCount(4);
  await expect(disputed.getByRole("row").nth(1)).toContainText("rec-2");
  await expect(disputed.getByRole("row").nth(1)).toContainText("Doubled: should be 1.");
  await expect(disputed.getByRole("row").nth(3)).toContainText("Should be 2.");
  // At 390, 768 and 1440 px: no sideways scrolling, no serious axe violation, a screenshot of each.
  await expectFitsAndAccessible(page, "vendor-disputed-records");
  await page.getByLabel("Add a comment").fill("rec-2 and rec-3 are fixed here; rec-4 comes with a new export.");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("list", { name: "Comments" }).getByRole("listitem")).toHaveCount(1);

  await correctQuantity(page, "rec-2", 3, "1");
  await correctQuantity(page, "rec-3", 4, "1.5");
  // The vendor's own sheet, re-exported with the two browser fixes and the third one.
  const fixed = { "rec-2": "1", "rec-3": "1.5", "rec-4": "2" };
  await upload(page, template, "disputed-fixed.xlsx", fiveHundredRecords(fixed));
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await submit(page);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${fileId}`);
  await expect(page.getByRole("list", { name: "Comments" })).toContainText("rec-4 comes with a new export");
  const changes = page.getByRole("region", { name: "Changes since the last rejection" });
  await expect(changes).toContainText("3 records changed, 0 added, 0 removed");
  for (const [recordId, change] of [
    ["rec-2", "quantity: 2 → 1"],
    ["rec-3", "quantity: 3 → 1.5"],
    ["rec-4", "quantity: 4 → 2"],
  ]) {
    await expect(changes.getByRole("row").filter({ hasText: recordId })).toContainText(change!);
  }
  await expectFitsAndAccessible(page, "distributor-changes-since-rejection");
  await page.getByRole("combobox", { name: "Last review" }).selectOption({ label: "Changed since last review" });
  await expect(page).toHaveURL(/review=changed/);
  await expect(rows(page)).toHaveCount(3);
  await accept(page);
  await signOut(page);

  // The amendment: rec-5 was billed as 5 and should have been 4.5.
  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${fileId}`);
  await page.getByRole("button", { name: "Amend", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Open amendment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — disputed — amendment 1");
  const amendmentId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByRole("list", { name: "Original and amendments" })).toContainText(fileId);
  await upload(page, await downloadTemplate(page), "amendment.xlsx", [{ recordId: "rec-5", quantity: "4.5" }]);
  // Its status shows twice: beside the heading and in the chain.
  await expect(page.getByText("Ready", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await expect(rows(page).first()).toContainText(/Replaces UR-\d+/);
  await submit(page);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${amendmentId}`);
  await expect(page.getByRole("list", { name: "Original and amendments" })).toContainText(fileId);
  const amendmentChanges = page.getByRole("region", { name: "What this amendment changes" });
  await expect(amendmentChanges).toContainText("Replaces 1, cancels 0 and adds 0 records.");
  await expect(amendmentChanges.getByRole("row").filter({ hasText: "rec-5" })).toContainText("5 → 4.5");
  await expectFitsAndAccessible(page, "distributor-pending-amendment");
  await accept(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: /Reverses UR-\d+/ })).toContainText("-5");
  await expectFitsAndAccessible(page, "distributor-accepted-amendment");

  await page.goto(`/distributor/files/${fileId}`);
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV with amendments" }).click();
  const exported = parse(await readFile((await (await started).path())!), { columns: true }) as Record<
    string,
    string
  >[];
  expect(exported).toHaveLength(502);
  const rec5 = exported.filter((row) => row.record_id === "rec-5");
  const billed = rec5.find((row) => row.usage_file_id === fileId)!;
  expect(billed.quantity).toBe("5");
  const amended = rec5.filter((row) => row.usage_file_id === amendmentId);
  expect(amended.map((row) => [row.quantity, row.amends])).toEqual([
    ["4.5", billed.id],
    ["-5", billed.id],
  ]);
});
