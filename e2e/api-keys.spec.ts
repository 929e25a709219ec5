import { createApiKey, expect, screenshot, signIn, test } from "./helpers";

test("a vendor creates an API key on the profile page, uses it, reads the reference, and revokes it", async ({
  page,
  request,
}) => {
  await signIn(page, "vendor@acme.test");
  const key = await createApiKey(page, "billing sync");
  await expect(page.getByRole("row", { name: /billing sync/ })).toContainText("Never");

  const files = await request.get("/api/v1/usage/files?limit=2", { headers: { authorization: `ApiKey ${key}` } });
  expect(files.status()).toBe(200);
  expect(files.headers()["content-range"]).toMatch(/^items 0-1\/\d+$/);
  // Answers name their fields in snake_case, as the reference page says.
  expect((await files.json())[0]).toEqual(
    expect.objectContaining({ progress_percent: expect.any(Number), product_name: expect.any(String) }),
  );

  await page.reload();
  await expect(page.getByRole("row", { name: /billing sync/ })).not.toContainText("Never");
  await screenshot(page, "profile-api-keys");

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "GET /api/v1/usage/files", exact: true })).toBeVisible();
  await screenshot(page, "api-docs");

  await page.goto("/profile");
  await page
    .getByRole("row", { name: /billing sync/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("row", { name: /billing sync/ })).toContainText("Revoked");
  const refused = await request.get("/api/v1/usage/files", { headers: { authorization: `ApiKey ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error_code: "UNAUTHENTICATED" });
});
