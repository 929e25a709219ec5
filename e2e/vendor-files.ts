import type { Page } from "@playwright/test";
import { expect, screenshot } from "./helpers";
import { fillTemplate, xlsxType, type TemplateRow } from "./workbooks";

// The vendor's steps with a usage file, as the specs take them.

/** Downloads the open file's template; answers where it was saved. */
export async function downloadTemplate(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "usage template" }).click();
  return (await download).path();
}

/** Uploads the template with its records sheet filled with `rows`. */
export async function upload(page: Page, templatePath: string, name: string, rows: TemplateRow[]): Promise<void> {
  await page
    .getByLabel("Usage spreadsheet")
    .setInputFiles({ name, mimeType: xlsxType, buffer: await fillTemplate(templatePath, rows) });
}

/** Creates a Draft of Acme Compute (on the Northwind contract unless told) through the wizard; answers its id. */
export async function createUsageFile(
  page: Page,
  name: string,
  externalId?: string,
  contractId = "CRD-00001",
): Promise<string> {
  await page.goto("/vendor");
  await page.getByRole("link", { name: "New usage file" }).first().click();
  await page.getByRole("combobox", { name: /^Product/ }).selectOption({ label: "Acme Compute (QT, USD)" });
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("combobox", { name: /^Contract/ }).selectOption(contractId);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  if (externalId) await page.getByRole("textbox", { name: /^External id/ }).fill(externalId);
  await screenshot(page, "vendor-new-file-wizard");
  await page.getByRole("button", { name: "Create usage file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}
