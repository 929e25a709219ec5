import { createApiKey, expect, signIn, test } from "./helpers";

// The test server is plain http: HSTS appears only for a request a TLS proxy marked as https.

const reviewPage = "/distributor/files/UF-2026-10-1001-0003";
const templateDownload = "/api/v1/usage/files/UF-2026-10-1001-0001/template";

/** What every answer says, page, API answer or download. */
function expectFixedHeaders(headers: Record<string, string>): void {
  expect(headers).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function nonceOf(policy = ""): string | undefined {
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

test("a review page cannot be framed, runs only scripts with its own fresh nonce, and still draws its charts", async ({
  page,
}) => {
  await signIn(page, "distributor@northwind.test");
  const response = await page.goto(reviewPage);
  const headers = response!.headers();
  expectFixedHeaders(headers);
  const policy = headers["content-security-policy"];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("'unsafe-eval'");
  const nonce = nonceOf(policy);
  expect(await response!.text()).toContain(`nonce="${nonce}"`);
  // recharts draws with inline styles, which the policy allows: scripts are what it locks down.
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();

  const reloaded = await page.reload();
  expect(nonceOf(reloaded!.headers()["content-security-policy"])).not.toBe(nonce);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session?.secure).toBe(false);
});

test("API answers, with a key or without, and downloads cannot be framed or sniffed", async ({ page, request }) => {
  const anonymous = await request.get("/api/v1/usage/files");
  expect(anonymous.status()).toBe(401);
  expectFixedHeaders(anonymous.headers());

  await signIn(page, "vendor@acme.test");
  const key = await createApiKey(page, "headers check");
  const listed = await request.get("/api/v1/usage/files?limit=1", { headers: { authorization: `ApiKey ${key}` } });
  expect(listed.status()).toBe(200);
  expectFixedHeaders(listed.headers());

  const download = await page.request.get(templateDownload);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expectFixedHeaders(download.headers());
});

test("HSTS and upgraded requests only when served over https", async ({ request }) => {
  const overHttp = await request.get("/sign-in");
  expect(overHttp.headers()["strict-transport-security"]).toBeUndefined();
  expect(overHttp.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");

  const https = { "x-forwarded-proto": "https" };
  const page = await request.get("/sign-in", { headers: https });
  expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(page.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const api = await request.get("/api/v1/usage/files", { headers: https });
  expect(api.headers()["strict-transport-security"]).toBe("max-age=31536000");
});
