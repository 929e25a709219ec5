import { attemptSignIn, expect, screenshot, signIn, signOut, test } from "./helpers";

test("a wrong password gives no session and does not say whether the email exists", async ({ page }) => {
  await attemptSignIn(page, "vendor@acme.test", "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await attemptSignIn(page, "nobody@nowhere.test", "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await screenshot(page, "sign-in-error");
  await page.goto("/vendor");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("each role lands on its home", async ({ page }) => {
  const homes = [
    { email: "admin@portal.test", path: "/admin", heading: "Platform overview" },
    { email: "vendor@acme.test", path: "/vendor", heading: "Usage files" },
    { email: "vendor2@acme.test", path: "/vendor", heading: "Usage files" },
    { email: "vendor@globex.test", path: "/vendor", heading: "Usage files" },
    { email: "distributor@northwind.test", path: "/distributor", heading: "Review queue" },
    { email: "reseller@contoso.test", path: "/distributor", heading: "Review queue" },
  ];
  for (const home of homes) {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    await screenshot(page, `home-${home.email.replace(/[@.]/g, "-")}`);
    await signOut(page);
  }
});

test("a vendor gets no data from other roles' pages or another vendor's file", async ({ page }) => {
  await signIn(page, "vendor@acme.test");
  await expect(page).toHaveURL(/\/vendor$/);
  await expect(page.getByRole("link", { name: "Acme Compute — rejected" }).first()).toBeVisible();
  await expect(page.getByText("Globex Office")).toHaveCount(0);
  await page.goto("/vendor/files");
  await expect(page.getByRole("link", { name: "Acme Compute — in review" })).toBeVisible();
  await expect(page.getByText("Globex Office")).toHaveCount(0);

  for (const path of ["/distributor", "/admin", "/distributor/files/UF-2026-10-1001-0003"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Platform overview")).toHaveCount(0);
  }

  await page.goto("/vendor/files/UF-2026-10-2001-0001");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("Globex Office — in review")).toHaveCount(0);
  await screenshot(page, "vendor-foreign-file-not-found");

  await page.goto("/vendor/files/UF-2026-10-1001-0006");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — rejected");
  await expect(page.getByLabel("Review outcome")).toContainText("look doubled");
  await expect(page.getByText("Internal note (vendor only)")).toBeVisible();
  await screenshot(page, "vendor-file");
  await signOut(page);
});

test("a distributor sees submitted files of its contracts only, without the internal note", async ({ page }) => {
  await signIn(page, "distributor@northwind.test");
  await expect(page.getByRole("link", { name: "Globex Office — in review" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Acme Compute — draft" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Acme Compute — Contoso" })).toHaveCount(0);
  await screenshot(page, "distributor-home");

  await page.getByRole("link", { name: "Acme Compute — in review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Compute — in review");
  await expect(page.getByText("Internal note")).toHaveCount(0);
  await expect(page.getByText("metering warehouse")).toHaveCount(0);
  await screenshot(page, "distributor-file");

  await page.goto("/distributor/files/UF-2026-10-1001-0001");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/");
  await signOut(page);
});
