import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export { expect };

/**
 * Every spec's `test`: fails a test in which the browser refused anything under the
 * Content-Security-Policy (an inline script without the nonce, an eval, an inline style), on any
 * page of the test's browser context, so that no screen can lose its scripts unnoticed.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("reportCspViolation", ({ page }, violation: string) =>
        violations.push(`${page.url()}: ${violation}`),
      );
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
          report(
            `${event.effectiveDirective} refused ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export const demoPassword = "demo-pass-2026";

/** Fills and sends the sign-in form, whatever comes of it. */
export async function attemptSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the user has landed on a page of the portal. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Saves a full-page screenshot under e2e/screenshots/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** Creates an API key on the signed-in user's profile page; returns the key, shown only this once. */
export async function createApiKey(page: Page, name: string): Promise<string> {
  await page.goto("/profile");
  await page.getByLabel("New key's name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("status").filter({ hasText: "shown only this once" });
  await expect(shown).toBeVisible();
  const key = /(urp_\S+)/.exec((await shown.textContent()) ?? "")?.[1];
  expect(key).toBeTruthy();
  return key!;
}

/** The widths every page is held to: a phone, a tablet, a desktop. */
export const viewportWidths = [390, 768, 1440] as const;

/**
 * Holds the open page to the portal's layout and accessibility bar: an axe-core scan finds no
 * serious or critical violation, and at each width nothing scrolls sideways (wide tables scroll
 * inside their cards). Saves a full-page screenshot per width under e2e/screenshots/ for people
 * to look at.
 */
export async function expectFitsAndAccessible(page: Page, name: string): Promise<void> {
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
  const initial = page.viewportSize();
  for (const width of viewportWidths) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${name} at ${width} px` })
      .toBe(width);
    await page.screenshot({ path: `e2e/screenshots/${width}/${name}.png`, fullPage: true });
  }
  if (initial) await page.setViewportSize(initial);
}

/** The last full month, which the demo contract's subscriptions cover, as `YYYY-MM-DD` days. */
export function lastFullMonth(now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { first, firstDay: first.toISOString().slice(0, 10), lastDay: last.toISOString().slice(0, 10) };
}

/** A Draft of the Acme vendor's compute product for the last full month, made through the API; its id. */
export async function createDraftThroughApi(
  request: APIRequestContext,
  headers: Record<string, string>,
  name: string,
): Promise<string> {
  const period = lastFullMonth();
  const created = await request.post("/api/v1/usage/files", {
    headers,
    data: {
      product_id: "PRD-100-001",
      contract_id: "CRD-00001",
      name,
      currency: "USD",
      first_day: period.firstDay,
      last_day: period.lastDay,
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The grid row of the record whose sheet id is `recordId` (its cell, not a warning that names it). */
export function recordRow(page: Page, recordId: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: recordId, exact: true }) });
}
