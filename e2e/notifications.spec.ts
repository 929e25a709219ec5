import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext } from "@playwright/test";
import {
  createApiKey,
  createDraftThroughApi,
  expect,
  expectFitsAndAccessible,
  lastFullMonth,
  screenshot,
  signIn,
  test,
} from "./helpers";

/** A Ready file of the Acme vendor's own, made through the API, so no other spec's seeded file is used up. */
async function readyFile(request: APIRequestContext, key: string, name: string): Promise<string> {
  const headers = { authorization: `ApiKey ${key}` };
  const period = lastFullMonth();
  const id = await createDraftThroughApi(request, headers, name);
  const start = period.first.toISOString().slice(0, 19).replace("T", " ");
  const end = new Date(period.first.getTime() + 86_400_000).toISOString().slice(0, 19).replace("T", " ");
  const csv = [
    "record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value",
    `bell-1,item.mpn,ACME-VCPU-HR,3,${start},${end},asset.external_id,EXT-100001001`,
  ].join("\n");
  const uploaded = await request.post(`/api/v1/usage/files/${id}/upload`, {
    headers,
    multipart: { usage_file: { name: "bell.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(uploaded.status()).toBe(202);
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/v1/usage/files/${id}`, { headers })).json()) as { status: string }).status,
      {
        timeout: 30_000,
      },
    )
    .toBe("ready");
  return id;
}

const shots = (name: string) => `notifications-${name}`;

test("a distributor sees the bell count rise when a vendor submits, and opens the file from the inbox", async ({
  browser,
  request,
}) => {
  const vendor = await (await browser.newContext()).newPage();
  const distributor = await (await browser.newContext()).newPage();
  await signIn(vendor, "vendor@acme.test");
  const id = await readyFile(request, await createApiKey(vendor, "bell"), "Bell test");

  await signIn(distributor, "distributor@northwind.test");
  await distributor.goto("/inbox");
  const markAll = distributor.getByRole("button", { name: "Mark all read" });
  if (await markAll.isVisible()) await markAll.click();
  await expect(distributor.getByTestId("unread-count")).toHaveCount(0);

  await vendor.goto(`/vendor/files/${id}`);
  await vendor.getByRole("button", { name: "Submit for review" }).click();
  await vendor.getByRole("dialog", { name: "Submit this usage file?" }).getByRole("button", { name: "Submit" }).click();
  await expect(vendor.getByText("Submitted for review")).toBeVisible();

  await distributor.goto("/distributor");
  await expect(distributor.getByTestId("unread-count")).toHaveText("1", { timeout: 15_000 });
  await screenshot(distributor, shots("bell"));
  await distributor.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(distributor.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expectFitsAndAccessible(distributor, shots("inbox"));
  await distributor.getByRole("button", { name: new RegExp(`Usage file awaits review: Bell test ${id}`) }).click();
  await expect(distributor).toHaveURL(new RegExp(`/distributor/files/${id}$`));
  await expect(distributor.getByTestId("unread-count")).toHaveCount(0);
});

test("a webhook created on the settings page shows its test delivery in the log", async ({ page }) => {
  const received: { id: string; type: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type: string };
      received.push({ id: String(request.headers["webhook-id"]), type: body.type });
      response.writeHead(204).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  try {
    await signIn(page, "distributor@northwind.test");
    await page.goto("/settings/webhooks");
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Description").fill("Billing system");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("status")).toContainText("whsec_");
    await screenshot(page, shots("webhook-created"));

    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: url }) });
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByRole("status")).toContainText("Test message queued");
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole("cell", { name: "succeeded" }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await expect(page.getByRole("cell", { name: "webhook.test" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "204" })).toBeVisible();
    await expectFitsAndAccessible(page, shots("webhook-log"));
    expect(received.map((hook) => hook.type)).toEqual(["webhook.test"]);
  } finally {
    server.close();
  }
});

test("a vendor chooses on the profile which notifications mail them", async ({ page }) => {
  await signIn(page, "vendor2@acme.test");
  await page.goto("/profile");
  const invalid = page.getByRole("checkbox", { name: /Usage file invalid/ });
  await expect(invalid).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Usage file awaits review/ })).not.toBeChecked();
  await invalid.uncheck();
  await page.getByRole("button", { name: "Save e-mail settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "E-mail settings saved" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Usage file invalid/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Usage file rejected/ })).toBeChecked();
  await expectFitsAndAccessible(page, shots("profile-mail"));
});
