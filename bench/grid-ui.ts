// Grid UI benchmark (issue 18): Chromium on the review page of a file of `rows` records, served by
// the production app, makes 40 grid changes and times each from the click until the new rows are
// on screen; full loads of the same page for comparison.
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { demoPassword, demoUsers, seedDemoData } from "@/db/seed";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { type AppServer, ensureBuild, startAppServer } from "./app-server";
import { p95, reportFigure } from "./report";
import { benchFileId, seedReadyFile } from "./review";

const vendor = demoUsers.find((u) => u.email === "vendor@acme.test")!;
const navigations = 10;

/** One grid change: what the viewer does; the clock runs from `act` (after `prepare`) until the new rows show. */
type Change = { name: string; prepare?: (page: Page) => Promise<void>; act: (page: Page) => Promise<void> };

const header = (name: string): Change => ({
  name: `sort ${name}`,
  act: (page) =>
    grid(page)
      .getByRole("button", { name: new RegExp(`^${name}`) })
      .click(),
});
const pager = (name: string): Change => ({
  name,
  act: (page) => page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name }).click(),
});
const choose = (label: string, option: { label?: string; index?: number }): Change => ({
  name: `filter ${label}`,
  act: async (page) => {
    await page.getByRole("combobox", { name: label, exact: true }).selectOption(option);
  },
});
const typeAndEnter = (label: string, text: string): Change => ({
  name: `${label} ${text}`,
  prepare: (page) => page.getByLabel(label, { exact: true }).fill(text),
  act: (page) => page.getByLabel(label, { exact: true }).press("Enter"),
});
const clear: Change = {
  name: "clear filters",
  act: (page) => page.getByRole("button", { name: "Clear filters" }).click(),
};

const changes: Change[] = [
  ...[
    "Quantity",
    "Quantity",
    "Start",
    "Start",
    "Record id",
    "Record id",
    "Note",
    "Note",
    "Item",
    "Subscription",
    "Category",
  ].map(header),
  pager("Next"),
  pager("Next"),
  pager("Next"),
  pager("Previous"),
  pager("Last"),
  pager("Previous"),
  pager("First"),
  choose("Rows per page", { label: "100" }),
  choose("Rows per page", { label: "50" }),
  choose("Rows per page", { label: "10" }),
  choose("Rows per page", { label: "25" }),
  choose("Item", { index: 1 }),
  pager("Next"),
  choose("Status", { label: "Pending" }),
  clear,
  typeAndEnter("Subscription", "AS-1000-01001"),
  header("Quantity"),
  clear,
  typeAndEnter("Quantity ≥", "500"),
  pager("Next"),
  clear,
  typeAndEnter("Search record id, subscription or note", "r123456"),
  clear,
  typeAndEnter("Search record id, subscription or note", "migration"),
  header("Start"),
  pager("Next"),
  clear,
  choose("Item", { index: 2 }),
  clear,
];

const grid = (page: Page) => page.locator("[data-rows-query]");

export async function benchGridUi({ rows }: { rows: number }): Promise<void> {
  ensureBuild();
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_grid_ui");
  const dir = await mkdtemp(path.join(tmpdir(), "usage-grid-ui-"));
  let app: AppServer | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    replaceDatabase(database.handle);
    await seedDemoData(database.handle.db);
    progress(`seeding a file of ${rows} records`);
    await seedReadyFile(database.handle, rows);
    const submitted = await submitUsageFile(
      { userId: vendor.id, accountId: vendor.accountId, role: "vendor" },
      benchFileId,
    );
    if (!submitted.ok) throw new Error(submitted.message);
    progress("starting the app");
    app = await startAppServer(database.handle.url, dir);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl);
    const url = `${app.baseUrl}/distributor/files/${benchFileId}`;
    // A first load compiles nothing in production, but fills the pools and the caches as a viewer would.
    await fullLoad(page, url);

    const loads: number[] = [];
    for (let n = 0; n < navigations; n++) loads.push(await fullLoad(page, url));
    const timings: { name: string; ms: number }[] = [];
    for (const change of changes) timings.push({ name: change.name, ms: await timedChange(page, change) });

    const ms = timings.map((timing) => timing.ms);
    const details = { rows, changes: changes.length, load_average: Math.round(loadavg()[0]! * 10) / 10 };
    reportFigure("grid_interaction_p50_ms", median(ms), details);
    reportFigure("grid_interaction_p95_ms", p95(ms), {
      ...details,
      slowest: [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5),
    });
    reportFigure("page_navigation_p95_ms", p95(loads), { ...details, navigations });
  } catch (error) {
    if (app) console.error(`The app's last lines:\n${app.logTail()}`);
    throw error;
  } finally {
    await browser.close();
    await app?.stop();
    await database.handle.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill("distributor@northwind.test");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** A full load of the review page, until its grid shows its rows. */
async function fullLoad(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await grid(page).getByRole("cell").first().waitFor();
  return performance.now() - started;
}

/**
 * One change, timed from its last step until the grid shows the rows of the new URL: the grid
 * marks itself with the rows query of what it shows, which changes only when those rows are drawn.
 */
async function timedChange(page: Page, change: Change): Promise<number> {
  await change.prepare?.(page);
  const before = await grid(page).getAttribute("data-rows-query");
  const started = performance.now();
  await change.act(page);
  await page.waitForFunction(
    (previous) => document.querySelector("[data-rows-query]")?.getAttribute("data-rows-query") !== previous,
    before,
    { polling: "raf", timeout: 30_000 },
  );
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function progress(message: string): void {
  console.error(`grid-ui: ${message}`);
}
