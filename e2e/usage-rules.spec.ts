import { expect, expectFitsAndAccessible, screenshot, signIn, signOut, test } from "./helpers";
import { createUsageFile, downloadTemplate, upload } from "./vendor-files";

// Acme Compute on the Contoso contract (CRD-00002, reviewed by the reseller): no other spec submits
// files there, so the rule made here accepts only this spec's file. It is removed at the end.
const ruleName = "Clean Compute files from Acme";

test("a reseller's auto-accept rule accepts a clean file after its delay, and the history names the rule", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "reseller@contoso.test");
  await page.getByRole("link", { name: "Rules" }).first().click();
  await expect(page.getByText("No rules yet")).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill(ruleName);
  await page
    .getByRole("combobox", { name: /^Contract and product/ })
    .selectOption({ label: "Contoso US (CRD-00002) · Acme Compute" });
  await page.getByRole("spinbutton", { name: /^Delay after submission/ }).fill("0");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText(`Rule “${ruleName}” added.`)).toBeVisible();
  const rule = page.getByRole("row").filter({ hasText: ruleName });
  await expect(rule).toContainText("at once after submission");
  await expect(rule).toContainText("On");
  await screenshot(page, "distributor-rules");
  await expectFitsAndAccessible(page, "distributor_rules");
  await signOut(page);

  await signIn(page, "vendor@acme.test");
  const id = await createUsageFile(page, "Compute — Contoso, clean", undefined, "CRD-00002");
  await upload(page, await downloadTemplate(page), "clean.xlsx", [
    { recordId: "rule-1", quantity: "3", asset: "EXT-100001101" },
  ]);
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Submitted for review")).toBeVisible();

  // The worker looks for due files every 10 s.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByText(`Usage rule “${ruleName}”`)).toBeVisible();
  await expect(
    page.getByText(`Accepted by the rule “${ruleName}”: no warnings and no anomalies.`).first(),
  ).toBeVisible();
  await screenshot(page, "vendor-file-accepted-by-rule");
  await page.goto(`/vendor/files/${id}`);
  await signOut(page);

  await signIn(page, "reseller@contoso.test");
  await page.goto("/distributor/rules");
  await page.getByRole("row").filter({ hasText: ruleName }).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No rules yet")).toBeVisible();
});
