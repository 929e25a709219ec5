import { expect, expectFitsAndAccessible, signIn, signOut, test } from "./helpers";

// Every page of every role, at 390, 768 and 1440 px: no sideways scrolling, no serious or
// critical axe violation. Seeded ids (db/seed.ts).
const pagesByRole = {
  "vendor@acme.test": [
    "/vendor",
    "/vendor/files",
    "/vendor/files/new",
    "/vendor/files/UF-2026-10-1001-0001",
    "/vendor/files/UF-2026-10-1001-0003",
    "/vendor/files/UF-2026-10-1001-0006",
    "/vendor/subscriptions",
    "/vendor/missing",
    "/profile",
    "/inbox",
    "/settings/webhooks",
    "/api-docs",
  ],
  "distributor@northwind.test": [
    "/distributor",
    "/distributor/files",
    "/distributor/files/UF-2026-10-2001-0001",
    "/distributor/files/UF-2026-10-1001-0005",
    "/distributor/missing",
    "/distributor/rules",
    "/profile",
    "/inbox",
    "/settings/webhooks",
  ],
  "admin@portal.test": [
    "/admin",
    "/admin/accounts",
    "/admin/users",
    "/admin/users/USR-0002",
    "/admin/contracts",
    "/admin/products",
    "/admin/products/PRD-100-001",
    "/admin/subscriptions",
    "/admin/audit",
    "/profile",
  ],
};

test("sign-in and the not-found page fit every screen and pass the accessibility scan", async ({ page }) => {
  await page.goto("/sign-in");
  await expectFitsAndAccessible(page, "sign-in");
  await signIn(page, "vendor@acme.test");
  const missing = await page.goto("/vendor/files/UF-2099-01-0000-0000");
  expect(missing?.status()).toBe(404);
  await expectFitsAndAccessible(page, "not-found");
});

for (const [email, paths] of Object.entries(pagesByRole)) {
  test(`every page of ${email} fits every screen and passes the accessibility scan`, async ({ page }) => {
    // A scan and three screenshots per page.
    test.setTimeout(30_000 * paths.length);
    await signIn(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectFitsAndAccessible(page, `${email.split("@")[0]}${path.replaceAll("/", "_")}`);
    }
    await signOut(page);
  });
}
