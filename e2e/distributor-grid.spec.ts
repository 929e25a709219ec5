import type { Page } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./helpers";

// Seeded (db/seed.ts): Globex Office's October file, Pending on the Northwind contract, 35 records.
const globexPending = "/distributor/files/UF-2026-10-2001-0001";

const grid = (page: Page) => page.getByRole("region", { name: /^Records/ });
const rows = (page: Page) =>
  grid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
const quantities = async (page: Page) => {
  const header = await grid(page).getByRole("columnheader").allInnerTexts();
  const column = header.findIndex((text) => text.toUpperCase().startsWith("QUANTITY"));
  return (await rows(page).all()).map(async (row) => Number(await row.getByRole("cell").nth(column).innerText()));
};

test("a distributor sorts, filters, searches and pages a file's records, and the view survives a reload", async ({
  page,
}) => {
  await signIn(page, "distributor@northwind.test");
  await page.goto(globexPending);
  await expect(rows(page)).toHaveCount(25);

  await page.getByRole("button", { name: /^Quantity/ }).click();
  await expect(page).toHaveURL(/sort=quantity/);
  await page.getByRole("button", { name: /^Quantity/ }).click();
  await expect(page).toHaveURL(/sort=-quantity/);
  // The rows come after the URL: wait until the grid shows them.
  await expect(grid(page).getByRole("region", { name: "Record rows" })).toHaveAttribute("aria-busy", "false");
  await expect
    .poll(async () => {
      const sorted = await Promise.all(await quantities(page));
      return sorted.length > 0 && sorted.every((quantity, index) => index === 0 || sorted[index - 1]! >= quantity);
    }, "quantities in descending order")
    .toBe(true);

  await page.getByRole("combobox", { name: "Item" }).selectOption({ label: "GLX-SEAT" });
  await expect(page).toHaveURL(/item=/);
  await expect(rows(page).filter({ hasText: "GLX-MAIL-GB" })).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/item=/);

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(10);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(rows(page)).toHaveCount(25);

  await page.getByRole("searchbox", { name: "Search record id, subscription or note" }).fill("rec-00007");
  await expect(page).toHaveURL(/q=rec-00007/);
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search record id, subscription or note" })).toHaveValue(
    "rec-00007",
  );
  await expect(rows(page)).toHaveCount(1);
  await expect(page).toHaveURL(/sort=-quantity/);
  await screenshot(page, "distributor-record-grid");
});

test("a distributor accepts a file, then closes records one by one and ticked", async ({ page }) => {
  await signIn(page, "distributor@northwind.test");
  await page.goto(globexPending);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Accept file" }).click();
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();

  const first = rows(page).first();
  await first.getByRole("button", { name: "Close" }).click();
  const dialog = page.getByRole("dialog", { name: /^Close record UR-/ });
  await dialog.getByLabel("External billing id").fill("INV-1");
  await dialog.getByRole("button", { name: "Close record" }).click();
  await expect(first).toContainText("INV-1");
  await expect(first.getByRole("button", { name: "Close" })).toHaveCount(0);

  await rows(page).nth(1).getByRole("checkbox").check();
  await rows(page).nth(2).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Close selected (2)" }).click();
  const selectedDialog = page.getByRole("dialog", { name: "Close 2 selected records" });
  await selectedDialog.getByLabel("External billing id").fill("INV-2");
  await screenshot(page, "distributor-close-selected");
  await selectedDialog.getByRole("button", { name: "Close records" }).click();
  await expect(rows(page).filter({ hasText: "INV-2" })).toHaveCount(2);
  await page.getByRole("combobox", { name: "Status" }).selectOption("closed");
  await expect(rows(page)).toHaveCount(3);
  await screenshot(page, "distributor-closed-records");
});
