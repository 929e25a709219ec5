import type { APIRequestContext } from "@playwright/test";
import { createApiKey, expect, expectFitsAndAccessible, recordRow, screenshot, signIn, signOut, test } from "./helpers";

// Globex Office on the Northwind contract: six months of accepted usage before the last full month,
// made through the API, then a month with a tenfold spike. No other spec sends Globex files.
const seat = "GLX-SEAT";
const usual = ["100", "92", "108", "97", "115", "85"];

interface Keys {
  vendor: Record<string, string>;
  distributor: Record<string, string>;
}

function monthBefore(monthsBefore: number) {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - monthsBefore, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { first, firstDay: first.toISOString().slice(0, 10), lastDay: last.toISOString().slice(0, 10) };
}

function usageCsv(start: Date, rows: { recordId: string; subscription: string; quantity: string }[]): string {
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  const end = new Date(start.getTime() + 86_400_000);
  return [
    "record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value",
    ...rows.map(
      (row) =>
        `${row.recordId},item.mpn,${seat},${row.quantity},${text(start)},${text(end)},asset.external_id,${row.subscription}`,
    ),
  ].join("\n");
}

/** A Globex file of the month `monthsBefore` the last full one, uploaded and Ready; its id. */
async function readyFile(request: APIRequestContext, keys: Keys, monthsBefore: number, spike: string) {
  const month = monthBefore(monthsBefore);
  const created = await request.post("/api/v1/usage/files", {
    headers: keys.vendor,
    data: {
      product_id: "PRD-200-001",
      contract_id: "CRD-00003",
      name: `Globex seats ${month.firstDay.slice(0, 7)}`,
      currency: "USD",
      first_day: month.firstDay,
      last_day: month.lastDay,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const csv = usageCsv(month.first, [
    { recordId: `seats-a-${monthsBefore}`, subscription: "EXT-200001001", quantity: spike },
    { recordId: `seats-b-${monthsBefore}`, subscription: "EXT-200001002", quantity: usual[monthsBefore % 6]! },
  ]);
  const uploaded = await request.post(`/api/v1/usage/files/${id}/upload`, {
    headers: keys.vendor,
    multipart: { usage_file: { name: "seats.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(uploaded.status()).toBe(202);
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`/api/v1/usage/files/${id}`, { headers: keys.vendor })).json()) as {
            status: string;
          }
        ).status,
      {
        timeout: 30_000,
      },
    )
    .toBe("ready");
  return id;
}

async function submit(request: APIRequestContext, keys: Keys, id: string) {
  expect((await request.post(`/api/v1/usage/files/${id}/submit`, { headers: keys.vendor, data: {} })).status()).toBe(
    200,
  );
}

test("a tenfold spike against six months of accepted usage is flagged for the vendor and the reviewer", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "distributor@northwind.test");
  const distributor = { authorization: `ApiKey ${await createApiKey(page, "anomalies spec")}` };
  await signOut(page);
  await signIn(page, "vendor@globex.test");
  const keys = { vendor: { authorization: `ApiKey ${await createApiKey(page, "anomalies spec")}` }, distributor };

  for (let monthsBefore = 6; monthsBefore >= 1; monthsBefore--) {
    const id = await readyFile(request, keys, monthsBefore, usual[monthsBefore - 1]!);
    await submit(request, keys, id);
    const accepted = await request.post(`/api/v1/usage/files/${id}/accept`, {
      headers: keys.distributor,
      data: { acceptance_note: "Fine." },
    });
    expect(accepted.status()).toBe(200);
  }
  const spiked = await readyFile(request, keys, 0, "1000");

  await page.goto(`/vendor/files/${spiked}`);
  const anomalies = page.getByRole("region", { name: "Anomalies", exact: true });
  await expect(anomalies).toContainText("Spike1");
  const row = anomalies.getByRole("row").filter({ hasText: "EXT-200001001" });
  await expect(row).toContainText("Spike");
  await expect(row).toContainText("1,000 seat");
  await expect(row).toContainText("98.5 seat");
  await expect(row.getByRole("img", { name: /^History / })).toBeVisible();
  await screenshot(page, "vendor-file-anomalies");
  await expectFitsAndAccessible(page, "vendor_file-anomalies");
  await submit(request, keys, spiked);
  await signOut(page);

  await signIn(page, "distributor@northwind.test");
  await page.goto(`/distributor/files/${spiked}`);
  await page
    .getByRole("region", { name: "Anomalies", exact: true })
    .getByRole("link", { name: "Show their records" })
    .click();
  await expect(page).toHaveURL(/anomalies=1/);
  await expect(page.getByRole("checkbox", { name: "Anomalies only" })).toBeChecked();
  await expect(recordRow(page, "seats-a-0")).toBeVisible();
  await expect(recordRow(page, "seats-b-0")).toHaveCount(0);
  await expectFitsAndAccessible(page, "distributor_review-anomalies");
});
