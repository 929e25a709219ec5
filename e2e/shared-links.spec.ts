import type { Page, Request } from "@playwright/test";
import { demoPassword, expect, test } from "./helpers";

// Seeded (db/seed.ts) and left as it is by the other specs: Acme Backup's accepted file on the
// Northwind contract, 30 records, every 7th with a note about a migration.
const file = "/distributor/files/UF-2026-10-1001-0005";

const gridRows = (page: Page) =>
  page
    .getByRole("region", { name: "Record rows" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

test("a shared grid link survives sign-in, Back undoes the last filter, and grid changes fetch only the rows", async ({
  page,
}) => {
  const shared = `${file}?sort=-quantity&q=migration&size=10`;
  await page.goto(shared);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill("distributor@northwind.test");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(shared);
  await expect(page.getByRole("searchbox", { name: "Search record id, subscription or note" })).toHaveValue(
    "migration",
  );
  await expect(
    page.getByRole("region", { name: "Record rows" }).getByRole("columnheader", { name: /Quantity/ }),
  ).toHaveAttribute("aria-sort", "descending");
  await expect(gridRows(page)).toHaveCount(5);
  await expect(page.getByRole("heading", { name: /^Records 5 of 30 match/ })).toBeVisible();

  // The grid fetches its rows from GET /rows/records; the page itself is not rendered again.
  const pageRenders: Request[] = [];
  page.on("request", (request) => {
    if (request.headers()["rsc"] === "1" || request.resourceType() === "document") pageRenders.push(request);
  });
  await page.getByRole("combobox", { name: "Item" }).selectOption({ label: "ACME-BKP-TB" });
  await expect(page).toHaveURL(/item=/);
  await expect(page.getByRole("region", { name: "Record rows" }), "the filtered rows have arrived").toHaveAttribute(
    "aria-busy",
    "false",
  );
  const filtered = await gridRows(page).count();
  await expect(page.getByRole("heading", { name: new RegExp(`^Records ${filtered} of 30 match`) })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(shared);
  await expect(gridRows(page)).toHaveCount(5);
  expect(pageRenders.map((request) => request.url())).toEqual([]);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByText("Rows 1–10 of 30")).toBeVisible();
  await page.getByRole("button", { name: "Last" }).click();
  await expect(page.getByText("Rows 21–30 of 30")).toBeVisible();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByText("Rows 11–20 of 30")).toBeVisible();
});

test("a sign-in link that points off the site lands on the user's home", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2F%2Felsewhere.invalid%2Fphish");
  await page.getByLabel("Email").fill("vendor@acme.test");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/vendor$/);
});
