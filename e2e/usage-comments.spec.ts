import type { APIRequestContext, Page } from "@playwright/test";
import {
  createApiKey,
  createDraftThroughApi,
  expect,
  expectFitsAndAccessible,
  lastFullMonth,
  recordRow,
  screenshot,
  signIn,
  test,
} from "./helpers";

const rejectionNote = "Usage doubled against September: please check.";
const answer = "The spike is real: a migration ran.";
const reply = "Understood. This record still looks high to us.";

/** A file of Acme's own, submitted through the API, so no other spec's seeded file is used up. */
async function submittedFile(request: APIRequestContext, key: string, name: string): Promise<string> {
  const headers = { authorization: `ApiKey ${key}` };
  const id = await createDraftThroughApi(request, headers, name);
  const day = (offset: number) =>
    new Date(lastFullMonth().first.getTime() + offset * 86_400_000).toISOString().slice(0, 19).replace("T", " ");
  const csv = [
    "record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value",
    `talk-1,item.mpn,ACME-VCPU-HR,3,${day(0)},${day(1)},asset.external_id,EXT-100001001`,
    `talk-2,item.mpn,ACME-VCPU-HR,900,${day(1)},${day(2)},asset.external_id,EXT-100001001`,
  ].join("\n");
  const uploaded = await request.post(`/api/v1/usage/files/${id}/upload`, {
    headers,
    multipart: { usage_file: { name: "talk.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(uploaded.status()).toBe(202);
  const status = async () =>
    ((await (await request.get(`/api/v1/usage/files/${id}`, { headers })).json()) as { status: string }).status;
  await expect.poll(status, { timeout: 30_000 }).toBe("ready");
  expect((await request.post(`/api/v1/usage/files/${id}/submit`, { headers, data: {} })).status()).toBe(200);
  return id;
}

const conversation = (page: Page) => page.getByRole("list", { name: "Comments" });

test("a rejected file is answered with a comment, and the distributor replies on one record", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const vendor = await (await browser.newContext()).newPage();
  const distributor = await (await browser.newContext()).newPage();
  await signIn(vendor, "vendor@acme.test");
  const id = await submittedFile(request, await createApiKey(vendor, "talk"), "Conversation test");

  // The distributor starts with nothing unread, and rejects the file with a note.
  await signIn(distributor, "distributor@northwind.test");
  await distributor.goto("/inbox");
  const markAll = distributor.getByRole("button", { name: "Mark all read" });
  if (await markAll.isVisible()) await markAll.click();
  await expect(distributor.getByTestId("unread-count")).toHaveCount(0);
  await distributor.goto(`/distributor/files/${id}`);
  await distributor.getByRole("button", { name: "Reject", exact: true }).click();
  await distributor.getByLabel("Rejection note").fill(rejectionNote);
  await distributor.getByRole("dialog").getByRole("button", { name: "Reject file" }).click();
  await expect(distributor.getByRole("dialog")).toBeHidden();

  // The vendor answers in the conversation, without uploading anything.
  await vendor.goto(`/vendor/files/${id}`);
  await expect(vendor.getByLabel("Review outcome")).toContainText(rejectionNote);
  await vendor.getByLabel("Add a comment").fill(answer);
  await vendor.getByRole("button", { name: "Post", exact: true }).click();
  await expect(conversation(vendor).getByRole("listitem")).toHaveCount(1);
  await expect(conversation(vendor)).toContainText(answer);
  await expect(conversation(vendor)).toContainText("Acme Cloud");
  await expect(vendor.getByLabel("Add a comment")).toHaveValue("");
  await expect(vendor.getByLabel("Review outcome")).toContainText("Rejected");

  // The distributor's bell counts the comment; the inbox opens the file, the comment on it.
  await distributor.goto("/distributor");
  await expect(distributor.getByTestId("unread-count")).toHaveText("1", { timeout: 15_000 });
  await distributor.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await distributor.getByRole("button", { name: new RegExp(`New comment: Conversation test ${id}`) }).click();
  await expect(distributor).toHaveURL(new RegExp(`/distributor/files/${id}$`));
  await expect(conversation(distributor)).toContainText(answer);
  await expect(conversation(distributor)).toContainText("Acme Cloud");

  // It replies on one record, from the record grid.
  await recordRow(distributor, "talk-2").getByRole("button", { name: "Comment" }).click();
  const dialog = distributor.getByRole("dialog", { name: "Comment on record talk-2" });
  await dialog.getByLabel("Comment").fill(reply);
  await screenshot(distributor, "usage-comments-record-dialog");
  await dialog.getByRole("button", { name: "Post comment" }).click();
  await expect(dialog).toBeHidden();
  await expect(conversation(distributor).getByRole("listitem")).toHaveCount(2);
  await expect(conversation(distributor).getByRole("listitem").last()).toContainText("on record talk-2");
  await expectFitsAndAccessible(distributor, "usage-comments-distributor");

  // The vendor sees the reply, and its link shows the record in the grid.
  await vendor.goto("/inbox");
  await vendor.getByRole("button", { name: new RegExp(`New comment: Conversation test ${id}`) }).click();
  await expect(vendor).toHaveURL(new RegExp(`/vendor/files/${id}$`));
  const last = conversation(vendor).getByRole("listitem").last();
  await expect(last).toContainText(reply);
  await expect(last).toContainText("Northwind Distribution");
  await expectFitsAndAccessible(vendor, "usage-comments-vendor");
  await last.getByRole("link", { name: "on record talk-2" }).click();
  await expect(vendor).toHaveURL(/[?&]q=talk-2/);
  await expect(recordRow(vendor, "talk-2")).toBeVisible();
  await expect(recordRow(vendor, "talk-1")).toHaveCount(0);
});
