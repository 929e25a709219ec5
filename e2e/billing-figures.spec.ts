import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { addDecimals, parseDecimal, type DecimalText } from "@/lib/domain/decimal";
import { amountLabel, quantityLabel } from "@/lib/domain/figures";
import { expect, screenshot, signIn, test } from "./helpers";

// Seeded (db/seed.ts), last full month: Northwind has Acme Backup Accepted (30 records, in EUR) and
// Acme Compute and a Globex file Pending; the billing export holds the accepted records only.

const shots = "/tmp/billing-shots";
mkdirSync(shots, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function download(page: Page, link: string): Promise<Buffer> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  return readFile((await (await started).path())!);
}

const exactSum = (values: readonly string[]) =>
  values.reduce<DecimalText>((sum, value) => addDecimals(sum, parseDecimal(value)!), "0" as DecimalText);

function csvColumn(csv: string, name: string): string[] {
  const [header, ...rows] = csv.trim().split("\n");
  const index = header!.split(",").indexOf(name);
  return rows.map((row) => row.split(",")[index]!);
}

test("the distributor dashboard shows billable and pending usage apart, the billable figure what the export sums to", async ({
  page,
}) => {
  await signIn(page, "distributor@northwind.test");
  const billable = page.getByRole("region", { name: "Billable (accepted and closed)" });
  const pending = page.getByRole("region", { name: "Awaiting review (pending)" });
  await expect(billable.getByTestId("billable-total")).toHaveText(/^30 records · [\d,.]+ EUR$/);
  await expect(billable.getByRole("cell", { name: "Backup storage" })).toBeVisible();
  await expect(billable.getByRole("cell", { name: "vCPU hours" })).toHaveCount(0);
  await expect(pending.getByTestId("awaitingReview-total")).toContainText("records");
  await expect(pending.getByRole("cell", { name: "vCPU hours" })).toBeVisible();
  await expect(pending.getByRole("cell", { name: "Backup storage" })).toHaveCount(0);
  await shot(page, "distributor-dashboard-billing-figures");

  const csv = (await download(page, "Export CSV")).toString("utf8");
  const amounts = csvColumn(csv, "amount");
  expect(amounts).toHaveLength(30);
  expect(`${amounts.length} records · ${amountLabel(exactSum(amounts), "EUR")}`).toBe(
    await billable.getByTestId("billable-total").textContent(),
  );
  const storage = csv
    .trim()
    .split("\n")
    .filter((line) => line.includes(",ACME-BKP-TB,"))
    .map((line) => line.split(",")[5]!);
  const storageRow = billable.getByRole("row").filter({ hasText: "Backup storage" });
  await expect(storageRow).toContainText(quantityLabel(exactSum(storage), "TB-month"));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(page, "Export XLSX")) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("records")!;
  const numbers = sheet.getColumn(9).values.filter((value): value is number => typeof value === "number");
  expect(numbers).toHaveLength(30);
  expect(exactSum(numbers.map(String))).toBe(exactSum(amounts));
});

test("the vendor's and the admin's dashboards show the same figures apart", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await expect(
    page.getByRole("region", { name: "Billable (accepted and closed)" }).getByTestId("billable-total"),
  ).toHaveText(/^30 records · [\d,.]+ EUR$/);
  await expect(page.getByRole("region", { name: "Awaiting review (pending)" })).toContainText("vCPU hours");
  await shot(page, "vendor-dashboard-billing-figures");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "admin@portal.test");
  await expect(page.getByRole("region", { name: "Awaiting review (pending)" })).toContainText("Active seats");
  await shot(page, "admin-dashboard-billing-figures");
});
