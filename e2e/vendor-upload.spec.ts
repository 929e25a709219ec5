import { expect, screenshot, signIn, test } from "./helpers";
import { fillTemplate, quantityRows, xlsxType } from "./workbooks";

const draftFile = "UF-2026-10-1001-0001";

test("a vendor downloads the template, uploads it with an error, sees why, and uploads a corrected file", async ({
  page,
}) => {
  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${draftFile}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — draft");
  await screenshot(page, "vendor-draft-file");

  const templateDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "usage template" }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe(`${draftFile}-template.xlsx`);
  const templatePath = await template.path();

  const withError = await fillTemplate(templatePath, quantityRows(["10.5", "1.234", "7"]));
  await page.getByLabel("Usage spreadsheet").setInputFiles({
    name: "october.xlsx",
    mimeType: xlsxType,
    buffer: withError,
  });
  await expect(page.getByRole("heading", { name: /1 invalid record/ })).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole("region", { name: "Errors" }).getByRole("cell", { name: /has 3 decimals/ }),
  ).toBeVisible();
  await screenshot(page, "vendor-invalid-file");

  const processedDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the spreadsheet with the errors marked" }).click();
  expect((await processedDownload).suggestedFilename()).toBe("october-processed.xlsx");

  const corrected = await fillTemplate(templatePath, quantityRows(["10.5", "1.23", "7"]));
  await page.getByLabel("Usage spreadsheet").setInputFiles({
    name: "october-fixed.xlsx",
    mimeType: xlsxType,
    buffer: corrected,
  });
  await expect(page.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("cell", { name: "18.73" })).toBeVisible();
  await screenshot(page, "vendor-ready-file");
});

test("a vendor is told at once when a file is not a spreadsheet", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await page.goto(`/vendor/files/${draftFile}`);
  // A file chosen before the page has hydrated goes unseen, as it would for a person; choose again until the page answers.
  await expect(async () => {
    await page
      .getByLabel("Usage spreadsheet")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect(page.locator("section").getByRole("alert")).toHaveText("Upload an .xlsx workbook or a .csv file.", {
      timeout: 2000,
    });
  }).toPass({ timeout: 15_000 });
});
