import { createApiKey, createDraftThroughApi, expect, lastFullMonth, signIn, test } from "./helpers";

const rowCount = 110_000;

function usageCsv(periodStart: Date): string {
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  const header =
    "record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value";
  const rows = Array.from({ length: rowCount }, (_, index) => {
    const start = new Date(periodStart.getTime() + (index % 28) * 86_400_000);
    const end = new Date(start.getTime() + 86_400_000);
    return `large-${index + 1},item.mpn,ACME-VCPU-HR,1,${text(start)},${text(end)},asset.external_id,EXT-100001001`;
  });
  return [header, ...rows].join("\n");
}

test("an upload of more than 10 MB reaches the server whole and is processed", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, "vendor@acme.test");
  const headers = { authorization: `ApiKey ${await createApiKey(page, "large upload")}` };
  const period = lastFullMonth();
  const id = await createDraftThroughApi(request, headers, "More than 10 MB");

  const csv = Buffer.from(usageCsv(period.first));
  expect(csv.byteLength).toBeGreaterThan(10 * 1024 * 1024);
  const uploaded = await request.post(`/api/v1/usage/files/${id}/upload`, {
    headers,
    multipart: { usage_file: { name: "large.csv", mimeType: "text/csv", buffer: csv } },
  });
  expect(uploaded.status()).toBe(202);

  const file = async () =>
    (await (await request.get(`/api/v1/usage/files/${id}`, { headers })).json()) as {
      status: string;
      stats: { records: number; invalid: number } | null;
    };
  await expect.poll(async () => (await file()).status, { timeout: 90_000 }).toBe("ready");
  expect((await file()).stats).toMatchObject({ records: rowCount, invalid: 0 });
});
