import type { Page } from "@playwright/test";
import { expect, lastFullMonth, signIn, signOut, test } from "./helpers";

// The seed (db/seed.ts) reports usage of the last full month for subscriptions 1 to 11 of every
// product and contract; the 12th is terminated. The month before has no file at all, so every
// subscription active in it (from 2025 on, so 11 per product and contract) lacks usage.
const { first } = lastFullMonth();
const demoMonth = first.toISOString().slice(0, 7);
const monthBefore = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

async function openMissingUsage(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Missing usage" }).click();
  await expect(page.getByRole("heading", { name: "Missing usage", level: 1 })).toBeVisible();
}

async function pickMonth(page: Page, month: string) {
  const field = page.getByLabel("Month");
  await field.fill(month);
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`period=${month}`));
}

const rows = (page: Page) =>
  page
    .getByRole("table")
    .getByRole("row")
    .filter({ hasNot: page.getByRole("columnheader") });

test("a vendor finds the subscriptions it sent no usage for, month by month, with when each was last reported", async ({
  page,
}) => {
  await signIn(page, "vendor@acme.test");
  await openMissingUsage(page);
  await expect(page.getByLabel("Month")).toHaveValue(demoMonth);
  await expect(page.getByText("Every active subscription has usage reported for this month.")).toBeVisible();

  await pickMonth(page, monthBefore);
  await expect(page.getByText("Rows 1–25 of 33")).toBeVisible();
  await page.getByRole("combobox", { name: "Contract" }).selectOption("CRD-00002");
  await expect(page.getByText("Rows 1–11 of 11")).toBeVisible();
  await expect(rows(page)).toHaveCount(11);
  await expect(rows(page).first()).toContainText("EXT-100001101");
  await expect(rows(page).first()).toContainText(demoMonth);
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/screenshots/missing-usage-vendor-${width}.png`, fullPage: true });
  }
  await signOut(page);
});

test("a distributor sees every vendor's subscriptions of its contracts that it has nothing to bill for", async ({
  page,
}) => {
  await signIn(page, "distributor@northwind.test");
  await openMissingUsage(page);
  await pickMonth(page, monthBefore);
  await expect(page.getByText("Rows 1–25 of 33")).toBeVisible();
  await page.getByRole("combobox", { name: "Product" }).selectOption({ label: "Globex Office" });
  await expect(page.getByText("Rows 1–11 of 11")).toBeVisible();
  await expect(rows(page).first()).toContainText("CRD-00003");
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/screenshots/missing-usage-distributor-${width}.png`, fullPage: true });
  }
});
