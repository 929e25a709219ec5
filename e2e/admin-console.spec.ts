import type { Locator, Page } from "@playwright/test";
import { attemptSignIn, expect, screenshot, signIn, signOut, test } from "./helpers";

async function openFromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/** The card (form) of a page whose submit button has this name. */
function formOf(page: Page, submit: string): Locator {
  return page.locator("form").filter({ has: page.getByRole("button", { name: submit, exact: true }) });
}

async function createAccount(page: Page, name: string, kind: string): Promise<void> {
  const form = formOf(page, "Create account");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Kind").selectOption(kind);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${kind} account ${name}`);
}

/** Creates a user and returns the temporary password the page shows once. */
async function createUser(page: Page, name: string, email: string, account: string, role: string): Promise<string> {
  const form = formOf(page, "Create user");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Account").selectOption({ label: account });
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create user" }).click();
  const status = form.getByRole("status");
  await expect(status).toContainText(`Created ${email}. Temporary password (shown once): `);
  return (await status.textContent())!.split(": ").pop()!.trim();
}

async function addItem(page: Page, mpn: string, name: string, unit: string, precision: string): Promise<void> {
  const form = formOf(page, "Add item");
  await form.getByLabel("MPN").fill(mpn);
  await form.getByLabel("Local id").fill(mpn.toLowerCase());
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Unit").fill(unit);
  await form.getByLabel("Precision").selectOption(precision);
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("cell", { name: mpn, exact: true })).toBeVisible();
}

test("an admin sets up a vendor and a distributor, and the new vendor user starts reporting", async ({ page }) => {
  await signIn(page, "admin@portal.test");

  await openFromMenu(page, "Accounts");
  await createAccount(page, "Initech Cloud", "vendor");
  await createAccount(page, "Umbrella Distribution", "distributor");
  await screenshot(page, "admin-accounts");

  await openFromMenu(page, "Users");
  const vendorPassword = await createUser(page, "Ian Initech", "ian@initech.test", "Initech Cloud (vendor)", "vendor");
  await createUser(page, "Uma Umbrella", "uma@umbrella.test", "Umbrella Distribution (distributor)", "distributor");
  await page.getByLabel("Search name or email").fill("initech");
  await expect(page.getByRole("link", { name: "Ian Initech" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Uma Umbrella" })).toHaveCount(0);
  await screenshot(page, "admin-users");

  await openFromMenu(page, "Contracts");
  const contractForm = formOf(page, "Create contract");
  await contractForm.getByLabel("Vendor").selectOption({ label: "Initech Cloud (vendor)" });
  await contractForm
    .getByLabel("Distributor or reseller")
    .selectOption({ label: "Umbrella Distribution (distributor)" });
  await contractForm.getByLabel("Marketplace").fill("Umbrella EU");
  await contractForm.getByRole("button", { name: "Create contract" }).click();
  await expect(contractForm.getByRole("status")).toContainText("Created contract CRD-");
  const contractId = /CRD-\d+/.exec((await contractForm.getByRole("status").textContent())!)![0];
  await screenshot(page, "admin-contracts");

  await openFromMenu(page, "Products");
  const productForm = formOf(page, "Create product");
  await productForm.getByLabel("Vendor").selectOption({ label: "Initech Cloud (vendor)" });
  await productForm.getByLabel("Name").fill("Initech Metering");
  await productForm.getByLabel("Usage schema").selectOption("QT");
  await productForm.getByLabel("Currency").fill("eur");
  await productForm.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initech Metering");
  const productId = /\/admin\/products\/(PRD-[\d-]+)$/.exec(page.url())![1]!;
  await addItem(page, "INI-CPU-HR", "CPU hours", "hour", "decimal_2");
  await addItem(page, "INI-API-CALL", "API calls", "call", "integer");
  await screenshot(page, "admin-product");

  await openFromMenu(page, "Subscriptions");
  const sheet = [
    "product_id,contract_id,external_id,external_uid,parameters,status,active_from,active_to",
    `${productId},${contractId},INI-0001,uid-ini-1,region=eu-west,active,2025-01-01,`,
    `${productId},${contractId},INI-0002,uid-ini-2,region=us-east,active,2025-01-01,`,
  ].join("\n");
  const importForm = formOf(page, "Import subscriptions");
  await importForm
    .getByLabel("Sheet")
    .setInputFiles({ name: "subscriptions.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
  await importForm.getByRole("button", { name: "Import subscriptions" }).click();
  await expect(importForm.getByRole("status")).toHaveText("Imported 2 subscriptions.");
  await page.getByLabel("Search id, external id or uid").fill("INI-");
  await expect(page.getByRole("cell", { name: /INI-0001/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /INI-0002/ })).toBeVisible();
  await screenshot(page, "admin-subscriptions");

  await openFromMenu(page, "Audit log");
  await expect(page.getByRole("cell", { name: "create" }).first()).toBeVisible();
  await screenshot(page, "admin-audit");
  await signOut(page);

  await signIn(page, "ian@initech.test", vendorPassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.goto("/vendor");
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("Current password").fill(vendorPassword);
  await page.getByLabel("New password").fill("initech-own-pass-1");
  await page.getByLabel("Confirm password").fill("initech-own-pass-1");
  await screenshot(page, "admin-new-user-change-password");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/vendor$/);

  await page.goto("/vendor/files/new");
  const product = page.locator('select[name="productId"]');
  await expect(product.locator("option", { hasText: "Initech Metering" })).toHaveCount(1);
  await product.selectOption({ label: "Initech Metering (QT, EUR)" });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.locator('select[name="contractId"]').locator("option", { hasText: "Umbrella Distribution" }),
  ).toHaveCount(1);
  await screenshot(page, "admin-new-vendor-wizard");
  await signOut(page);
});

test("an admin deactivates a user after confirming, resets a password, cannot demote the last admin, and gets field errors inline", async ({
  page,
}) => {
  await signIn(page, "admin@portal.test");
  // A user of its own: other specs sign in as the demo users on the same database.
  await openFromMenu(page, "Users");
  await createUser(page, "Tess Temp", "tess@globex.test", "Globex Software (vendor)", "vendor");
  await page.getByLabel("Search name or email").fill("tess@");
  // The search writes the URL after a pause; a link clicked before that navigation would be replaced by it.
  await expect(page).toHaveURL(/q=tess/);
  await page.getByRole("link", { name: "Tess Temp" }).click();
  await page.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("sessions and API keys stop working at once");
  await screenshot(page, "admin-user-deactivate-confirm");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();

  const reset = formOf(page, "Reset password");
  await reset.getByLabel("I want to reset this user's password").check();
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByRole("status")).toContainText("Temporary password (shown once): ");
  const password = (await reset.getByRole("status").textContent())!.split(": ").pop()!.trim();
  await screenshot(page, "admin-user-detail");

  await page.goto("/admin/users?q=admin%40portal");
  await page.getByRole("link", { name: "Ada Admin", exact: true }).click();
  const placement = formOf(page, "Save");
  await placement.getByLabel("Account").selectOption({ label: "Acme Cloud (vendor)" });
  await placement.getByLabel("Role").selectOption("vendor");
  await placement.getByRole("button", { name: "Save" }).click();
  await expect(placement.getByRole("alert")).toHaveText(
    "This is the last active admin: make another user admin first.",
  );

  await openFromMenu(page, "Products");
  const productForm = formOf(page, "Create product");
  await productForm.getByLabel("Vendor").selectOption({ label: "Acme Cloud (vendor)" });
  await productForm.getByLabel("Name").fill("Acme Odd Currency");
  await productForm.getByLabel("Currency").fill("12");
  await productForm.getByRole("button", { name: "Create product" }).click();
  await expect(productForm.getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expect(productForm.getByText("Use a three-letter currency code such as USD.")).toBeVisible();
  await expect(productForm.getByLabel("Name")).toHaveValue("Acme Odd Currency");
  await screenshot(page, "admin-product-field-error");
  await signOut(page);

  // Deactivated: even the fresh temporary password does not let the user in.
  await attemptSignIn(page, "tess@globex.test", password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
});
