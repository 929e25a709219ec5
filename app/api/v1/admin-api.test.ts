import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeyOf, apiKeysOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import * as account from "./accounts/[id]/route";
import * as accounts from "./accounts/route";
import * as contract from "./contracts/[id]/route";
import * as deactivateContract from "./contracts/[id]/deactivate/route";
import * as contracts from "./contracts/route";
import * as product from "./products/[id]/route";
import * as items from "./products/[id]/items/route";
import * as template from "./products/[id]/template/route";
import * as products from "./products/route";
import * as subscription from "./subscriptions/[id]/route";
import * as importSubscriptions from "./subscriptions/import/route";
import * as subscriptions from "./subscriptions/route";
import * as files from "./usage/files/route";
import * as user from "./users/[id]/route";
import * as deactivateUser from "./users/[id]/deactivate/route";
import * as reactivateUser from "./users/[id]/reactivate/route";
import * as resetPassword from "./users/[id]/reset-password/route";
import * as users from "./users/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const keys = { admin: "", vendor: "", distributor: "" };

type Handler = Parameters<typeof callApi>[0];

const post = (handler: Handler, path: string, json: unknown = {}, key = keys.admin, id?: string) =>
  callApi(handler, { key, path, method: "POST", json, params: id ? { id } : undefined });
const put = (handler: Handler, path: string, id: string, json: unknown, key = keys.admin) =>
  callApi(handler, { key, path, method: "PUT", json, params: { id } });
const get = (handler: Handler, path: string, id: string, key = keys.admin) =>
  callApi(handler, { key, path, params: { id } });

/** Both non-admin roles are refused (403) by `call`, made with their key. */
async function expectRefusedToOthers(call: (key: string) => Promise<{ status: number }>) {
  expect((await call(keys.vendor)).status).toBe(403);
  expect((await call(keys.distributor)).status).toBe(403);
}

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(
    keys,
    await apiKeysOf({
      admin: "admin@portal.test",
      vendor: "vendor@acme.test",
      distributor: "distributor@northwind.test",
    }),
  );
});

const lists = { accounts, contracts, products, users };

describe("the catalog and users for admins", () => {
  it.each(Object.keys(lists) as (keyof typeof lists)[])(
    "GET /%s pages for an admin and refuses others",
    async (name) => {
      const list = (key: string | undefined, query = "") => callApi(lists[name].GET, { key, path: `/${name}${query}` });
      const all = await list(keys.admin);
      expect(all.status).toBe(200);
      const total = (all.body as unknown[]).length;
      expect(all.headers.get("content-range")).toBe(`items 0-${total - 1}/${total}`);
      const second = await list(keys.admin, "?limit=1&offset=1");
      expect(second.body).toEqual([(all.body as unknown[])[1]]);
      expect(second.headers.get("content-range")).toBe(`items 1-1/${total}`);
      expect((await list(keys.admin, "?limit=5000")).status).toBe(400);
      expect((await list(keys.vendor)).status).toBe(403);
      expect((await list(keys.distributor)).status).toBe(403);
      expect((await list(undefined)).status).toBe(401);
    },
  );

  it("filters users and subscriptions, never showing a password hash", async () => {
    const vendors = await callApi(users.GET, { key: keys.admin, path: "/users?role=vendor&order_by=-email" });
    const rows = vendors.body as { email: string; role: string }[];
    expect(rows.map((u) => u.email)).toEqual(["vendor@globex.test", "vendor@acme.test", "vendor2@acme.test"]);
    expect(rows[0]).toMatchObject({ must_change_password: expect.any(Boolean) });
    expect(JSON.stringify(rows)).not.toMatch(/password_hash|\$2[aby]\$/);
    const acme = await callApi(subscriptions.GET, { key: keys.admin, path: "/subscriptions?product=PRD-100-002" });
    expect((acme.body as { product_id: string }[]).every((s) => s.product_id === "PRD-100-002")).toBe(true);
    const byExternalId = await callApi(subscriptions.GET, {
      key: keys.admin,
      path: "/subscriptions?product=PRD-100-002&order_by=-external_id",
    });
    const externalIds = (byExternalId.body as { external_id: string }[]).map((s) => s.external_id);
    expect(externalIds).toEqual([...externalIds].sort().reverse());
    expect(
      (await callApi(subscriptions.GET, { key: keys.admin, path: "/subscriptions?order_by=externalId" })).status,
    ).toBe(400);
  });

  it("lists a product's items, 404 for an unknown product", async () => {
    const get = (id: string, key = keys.admin) =>
      callApi(items.GET, { key, path: `/products/${id}/items`, params: { id } });
    const listed = await get("PRD-100-002");
    expect((listed.body as { mpn: string }[]).map((i) => i.mpn)).toEqual(["ACME-BKP-TB", "ACME-BKP-RESTORE"]);
    expect((await get("PRD-999")).status).toBe(404);
    expect((await get("PRD-100-002", keys.vendor)).status).toBe(403);
  });
});

describe("admin writes: accounts", () => {
  it("creates, reads and renames an account", async () => {
    const created = await post(accounts.POST, "/accounts", { name: "Initech", kind: "vendor" });
    expect(created).toMatchObject({
      status: 201,
      body: {
        id: expect.stringMatching(/^ACC-/),
        name: "Initech",
        kind: "vendor",
        users: 0,
        created_at: expect.any(String),
      },
    });
    const id = (created.body as { id: string }).id;
    expect((await get(account.GET, `/accounts/${id}`, id)).body).toEqual(created.body);
    const renamed = await put(account.PUT, `/accounts/${id}`, id, { name: "Initrode" });
    expect(renamed).toMatchObject({ status: 200, body: { id, name: "Initrode" } });
    expect((await callApi(accounts.GET, { key: keys.admin, path: "/accounts" })).body).toContainEqual(renamed.body);
  });

  it("answers 400 for a bad body, 422 for a taken name, 404 for an unknown account, 403 for others", async () => {
    expect((await post(accounts.POST, "/accounts", { name: "Initech", kind: "platform" })).status).toBe(400);
    expect(
      (await put(account.PUT, "/accounts/ACC-0002", "ACC-0002", { name: "X", account_id: "ACC-0003" })).status,
    ).toBe(400);
    const taken = await post(accounts.POST, "/accounts", { name: "Acme Cloud", kind: "vendor" });
    expect(taken).toEqual(
      expect.objectContaining({
        status: 422,
        body: { error_code: "VALIDATION_FAILED", errors: expect.arrayContaining(["Another account has this name."]) },
      }),
    );
    expect((await put(account.PUT, "/accounts/ACC-0003", "ACC-0003", { name: "Acme Cloud" })).status).toBe(422);
    expect((await get(account.GET, "/accounts/ACC-9999", "ACC-9999")).status).toBe(404);
    expect((await put(account.PUT, "/accounts/ACC-9999", "ACC-9999", { name: "Nobody" })).status).toBe(404);
    await expectRefusedToOthers((key) => post(accounts.POST, "/accounts", { name: "Initech", kind: "vendor" }, key));
    await expectRefusedToOthers((key) => get(account.GET, "/accounts/ACC-0002", "ACC-0002", key));
    await expectRefusedToOthers((key) => put(account.PUT, "/accounts/ACC-0002", "ACC-0002", { name: "Mine now" }, key));
  });
});

const userActions = Object.entries({
  deactivate: deactivateUser,
  reactivate: reactivateUser,
  "reset-password": resetPassword,
});

describe("admin writes: users", () => {
  it("creates a user with a temporary password shown once, and never a password hash", async () => {
    const created = await post(users.POST, "/users", {
      email: "New@Acme.test",
      name: "Nina New",
      account_id: "ACC-0002",
      role: "vendor",
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        email: "new@acme.test",
        account_id: "ACC-0002",
        account_name: "Acme Cloud",
        role: "vendor",
        active: true,
        must_change_password: true,
      },
    });
    const { id, temporary_password, ...shown } = created.body as { id: string; temporary_password: string };
    expect(temporary_password).toMatch(/^\S{12,}$/);
    const read = await get(user.GET, `/users/${id}`, id);
    expect(read.body).toEqual({ id, ...shown });
    expect(JSON.stringify([created.body, read.body])).not.toMatch(/password_hash|session_version|\$2[aby]\$/);
  });

  it("moves, deactivates, reactivates and resets a user; a deactivated user's key stops", async () => {
    const vendor2 = await apiKeyOf("vendor2@acme.test");
    const moved = await put(user.PUT, "/users/USR-0003", "USR-0003", { account_id: "ACC-0003", role: "vendor" });
    expect(moved).toMatchObject({
      status: 200,
      body: { id: "USR-0003", account_id: "ACC-0003", account_name: "Globex Software" },
    });
    expect(await post(deactivateUser.POST, "/users/USR-0003/deactivate", {}, keys.admin, "USR-0003")).toMatchObject({
      status: 200,
      body: { active: false },
    });
    expect((await callApi(files.GET, { key: vendor2, path: "/usage/files" })).status).toBe(401);
    expect(await post(reactivateUser.POST, "/users/USR-0003/reactivate", {}, keys.admin, "USR-0003")).toMatchObject({
      status: 200,
      body: { active: true },
    });
    const reset = await post(resetPassword.POST, "/users/USR-0003/reset-password", {}, keys.admin, "USR-0003");
    expect(reset).toEqual(
      expect.objectContaining({ status: 200, body: { temporary_password: expect.stringMatching(/^\S{12,}$/) } }),
    );
    expect((await get(user.GET, "/users/USR-0003", "USR-0003")).body).toMatchObject({ must_change_password: true });
  });

  it("answers 400 for a bad body, 422 for a taken email or a role that does not fit, 404 for an unknown user", async () => {
    const newUser = { email: "new@acme.test", name: "Nina New", account_id: "ACC-0002", role: "vendor" };
    expect((await post(users.POST, "/users", { ...newUser, email: "nobody" })).status).toBe(400);
    expect(
      (
        await put(user.PUT, "/users/USR-0003", "USR-0003", {
          user_id: "USR-0004",
          account_id: "ACC-0002",
          role: "vendor",
        })
      ).status,
    ).toBe(400);
    const taken = await post(users.POST, "/users", { ...newUser, email: "vendor@acme.test" });
    expect(taken).toEqual(
      expect.objectContaining({
        status: 422,
        body: { error_code: "VALIDATION_FAILED", errors: expect.arrayContaining(["A user with this email exists."]) },
      }),
    );
    expect((await post(users.POST, "/users", { ...newUser, role: "distributor" })).status).toBe(422);
    expect((await post(users.POST, "/users", { ...newUser, account_id: "ACC-9999" })).status).toBe(422);
    expect(
      (await put(user.PUT, "/users/USR-0003", "USR-0003", { account_id: "ACC-0004", role: "vendor" })).status,
    ).toBe(422);
    expect((await get(user.GET, "/users/USR-9999", "USR-9999")).status).toBe(404);
    expect(
      (await put(user.PUT, "/users/USR-9999", "USR-9999", { account_id: "ACC-0002", role: "vendor" })).status,
    ).toBe(404);
    for (const [verb, action] of userActions) {
      expect((await post(action.POST, `/users/USR-9999/${verb}`, {}, keys.admin, "USR-9999")).status).toBe(404);
    }
  });

  it("keeps the last active admin: deactivating or demoting them answers 409", async () => {
    const deactivated = await post(deactivateUser.POST, "/users/USR-0001/deactivate", {}, keys.admin, "USR-0001");
    expect(deactivated).toEqual(
      expect.objectContaining({
        status: 409,
        body: { error_code: "CONFLICT", errors: [expect.stringContaining("last active admin")] },
      }),
    );
    expect(
      (await put(user.PUT, "/users/USR-0001", "USR-0001", { account_id: "ACC-0002", role: "vendor" })).status,
    ).toBe(409);
    expect((await get(user.GET, "/users/USR-0001", "USR-0001")).body).toMatchObject({ role: "admin", active: true });
  });

  it("refuses every user endpoint to a vendor or a distributor", async () => {
    await expectRefusedToOthers((key) =>
      post(users.POST, "/users", { email: "x@acme.test", name: "X", account_id: "ACC-0002", role: "vendor" }, key),
    );
    await expectRefusedToOthers((key) => get(user.GET, "/users/USR-0003", "USR-0003", key));
    await expectRefusedToOthers((key) =>
      put(user.PUT, "/users/USR-0003", "USR-0003", { account_id: "ACC-0002", role: "vendor" }, key),
    );
    for (const [verb, action] of userActions) {
      await expectRefusedToOthers((key) => post(action.POST, `/users/USR-0003/${verb}`, {}, key, "USR-0003"));
    }
  });
});

describe("admin writes: contracts", () => {
  it("creates, reads and deactivates a contract", async () => {
    const created = await post(contracts.POST, "/contracts", {
      vendor_account_id: "ACC-0003",
      distributor_account_id: "ACC-0005",
      marketplace: "Contoso US",
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        vendor_account_id: "ACC-0003",
        distributor_account_id: "ACC-0005",
        vendor_name: "Globex Software",
        distributor_name: "Contoso Reseller",
        active: true,
      },
    });
    const id = (created.body as { id: string }).id;
    expect((await get(contract.GET, `/contracts/${id}`, id)).body).toEqual(created.body);
    const deactivated = await post(deactivateContract.POST, `/contracts/${id}/deactivate`, {}, keys.admin, id);
    expect(deactivated).toMatchObject({ status: 200, body: { id, active: false } });
    expect((await post(deactivateContract.POST, `/contracts/${id}/deactivate`, {}, keys.admin, id)).status).toBe(404);
  });

  it("answers 400 for a bad body, 422 for a party of the wrong kind, 404 for an unknown contract, 403 for others", async () => {
    const newContract = {
      vendor_account_id: "ACC-0003",
      distributor_account_id: "ACC-0005",
      marketplace: "Contoso US",
    };
    expect((await post(contracts.POST, "/contracts", { ...newContract, marketplace: "" })).status).toBe(400);
    expect((await post(contracts.POST, "/contracts", { ...newContract, vendorAccountId: "ACC-0003" })).status).toBe(
      400,
    );
    expect(
      (
        await post(
          deactivateContract.POST,
          "/contracts/CRD-00001/deactivate",
          { active: false },
          keys.admin,
          "CRD-00001",
        )
      ).status,
    ).toBe(400);
    expect((await post(contracts.POST, "/contracts", { ...newContract, vendor_account_id: "ACC-0004" })).status).toBe(
      422,
    );
    expect((await get(contract.GET, "/contracts/CRD-99999", "CRD-99999")).status).toBe(404);
    expect(
      (await post(deactivateContract.POST, "/contracts/CRD-99999/deactivate", {}, keys.admin, "CRD-99999")).status,
    ).toBe(404);
    await expectRefusedToOthers((key) => post(contracts.POST, "/contracts", newContract, key));
    await expectRefusedToOthers((key) => get(contract.GET, "/contracts/CRD-00001", "CRD-00001", key));
    await expectRefusedToOthers((key) =>
      post(deactivateContract.POST, "/contracts/CRD-00001/deactivate", {}, key, "CRD-00001"),
    );
  });
});

const newSubscription = {
  product_id: "PRD-100-001",
  contract_id: "CRD-00001",
  external_id: "EXT-API-1",
  external_uid: "uid-api-1",
  status: "active",
};

describe("admin writes: products, items and subscriptions", () => {
  it("creates a product, an item and a subscription that a vendor can then report usage on", async () => {
    const newContract = await post(contracts.POST, "/contracts", {
      vendor_account_id: "ACC-0003",
      distributor_account_id: "ACC-0005",
      marketplace: "Contoso US",
    });
    const contractId = (newContract.body as { id: string }).id;
    const created = await post(products.POST, "/products", {
      vendor_account_id: "ACC-0003",
      name: "Globex Mail",
      usage_schema: "QT",
      currency: "eur",
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        vendor_account_id: "ACC-0003",
        vendor_name: "Globex Software",
        usage_schema: "QT",
        currency: "EUR",
        items: [],
      },
    });
    const productId = (created.body as { id: string }).id;

    const newItem = {
      mpn: "GLX-MAIL",
      local_id: "mail",
      name: "Mailbox",
      unit: "mailbox",
      precision: "integer",
      type: "ppu",
    };
    const item = await post(items.POST, `/products/${productId}/items`, newItem, keys.admin, productId);
    expect(item).toMatchObject({ status: 201, body: { product_id: productId, mpn: "GLX-MAIL", local_id: "mail" } });
    expect((await get(product.GET, `/products/${productId}`, productId)).body).toMatchObject({
      id: productId,
      items: [item.body],
    });
    expect((await get(items.GET, `/products/${productId}/items`, productId)).body).toEqual([item.body]);

    const subscribed = await post(subscriptions.POST, "/subscriptions", {
      ...newSubscription,
      product_id: productId,
      contract_id: contractId,
      parameters: "region=eu-west; Seat_Count=25",
      active_from: "2026-01-01",
      tier1_account_id: "ACC-0005",
    });
    expect(subscribed).toMatchObject({
      status: 201,
      body: {
        product_id: productId,
        product_name: "Globex Mail",
        parameters: { region: "eu-west", Seat_Count: "25" },
        active_from: "2026-01-01T00:00:00.000Z",
        active_to: null,
        tier1_account_id: "ACC-0005",
      },
    });
    const subscriptionId = (subscribed.body as { id: string }).id;
    expect((await get(subscription.GET, `/subscriptions/${subscriptionId}`, subscriptionId)).body).toEqual(
      subscribed.body,
    );
    const listed = await callApi(subscriptions.GET, { key: keys.admin, path: `/subscriptions?product=${productId}` });
    expect(listed.body).toEqual([subscribed.body]);

    const globex = await apiKeyOf("vendor@globex.test");
    expect(
      (await callApi(template.GET, { key: globex, path: `/products/${productId}/template`, params: { id: productId } }))
        .status,
    ).toBe(200);
    const usageFile = {
      product_id: productId,
      contract_id: contractId,
      name: "Mail, January",
      currency: "EUR",
      first_day: "2026-01-01",
      last_day: "2026-01-31",
    };
    expect(
      (await callApi(files.POST, { key: globex, path: "/usage/files", method: "POST", json: usageFile })).status,
    ).toBe(201);
    await post(deactivateContract.POST, `/contracts/${contractId}/deactivate`, {}, keys.admin, contractId);
    expect(
      (await callApi(files.POST, { key: globex, path: "/usage/files", method: "POST", json: usageFile })).status,
    ).toBe(422);
  });

  it("answers 400 for a bad body, 422 for a rule refusing, 404 for an unknown id, 403 for others", async () => {
    const newProduct = { vendor_account_id: "ACC-0002", name: "P", usage_schema: "QT", currency: "USD" };
    const newItem = { mpn: "NEW", local_id: "new", name: "N", unit: "u", precision: "integer", type: "ppu" };
    expect((await post(products.POST, "/products", { ...newProduct, currency: "dollars" })).status).toBe(400);
    expect((await post(products.POST, "/products", { ...newProduct, vendor_account_id: "ACC-0004" })).status).toBe(422);
    expect(
      (
        await post(
          items.POST,
          "/products/PRD-100-001/items",
          { ...newItem, product_id: "PRD-200-001" },
          keys.admin,
          "PRD-100-001",
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await post(
          items.POST,
          "/products/PRD-100-001/items",
          { ...newItem, precision: "exact" },
          keys.admin,
          "PRD-100-001",
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await post(
          items.POST,
          "/products/PRD-100-002/items",
          { ...newItem, mpn: "ACME-BKP-TB" },
          keys.admin,
          "PRD-100-002",
        )
      ).status,
    ).toBe(422);
    expect((await post(items.POST, "/products/PRD-999/items", newItem, keys.admin, "PRD-999")).status).toBe(404);
    expect((await get(product.GET, "/products/PRD-999", "PRD-999")).status).toBe(404);

    expect(
      (await post(subscriptions.POST, "/subscriptions", { ...newSubscription, parameters: "region" })).status,
    ).toBe(400);
    expect(
      (
        await post(subscriptions.POST, "/subscriptions", {
          ...newSubscription,
          active_from: "2026-02-01",
          active_to: "2026-01-01",
        })
      ).status,
    ).toBe(400);
    const unknown = await post(subscriptions.POST, "/subscriptions", { ...newSubscription, product_id: "PRD-999" });
    expect(unknown).toEqual(
      expect.objectContaining({
        status: 422,
        body: { error_code: "VALIDATION_FAILED", errors: expect.arrayContaining(["No product PRD-999."]) },
      }),
    );
    expect((await post(subscriptions.POST, "/subscriptions", newSubscription)).status).toBe(201);
    expect((await post(subscriptions.POST, "/subscriptions", newSubscription)).status).toBe(422);
    expect((await get(subscription.GET, "/subscriptions/AS-0000-0000", "AS-0000-0000")).status).toBe(404);

    await expectRefusedToOthers((key) => post(products.POST, "/products", newProduct, key));
    await expectRefusedToOthers((key) => get(product.GET, "/products/PRD-100-001", "PRD-100-001", key));
    await expectRefusedToOthers((key) => post(items.POST, "/products/PRD-100-001/items", newItem, key, "PRD-100-001"));
    await expectRefusedToOthers((key) =>
      post(
        subscriptions.POST,
        "/subscriptions",
        { ...newSubscription, external_id: "EXT-2", external_uid: "uid-2" },
        key,
      ),
    );
  });
});

describe("POST /subscriptions/import", () => {
  const header = "product_id,contract_id,external_id,external_uid,parameters,status";
  const upload = (csv: string | Uint8Array<ArrayBuffer>, key = keys.admin, field = "subscriptions_file") => {
    const form = new FormData();
    form.append(field, new File([csv], "subscriptions.csv"));
    return callApi(importSubscriptions.POST, { key, path: "/subscriptions/import", method: "POST", form });
  };
  const count = async () =>
    Number(
      (await callApi(subscriptions.GET, { key: keys.admin, path: "/subscriptions?limit=1" })).headers
        .get("content-range")!
        .split("/")[1],
    );

  it("imports every row of a sheet", async () => {
    const before = await count();
    const imported = await upload(
      `${header}\nPRD-100-001,CRD-00001,EXT-IMP-1,uid-imp-1,region=eu,active\nPRD-100-001,CRD-00002,EXT-IMP-2,uid-imp-2,,suspended\n`,
    );
    expect(imported).toEqual(expect.objectContaining({ status: 200, body: { imported: 2 } }));
    expect(await count()).toBe(before + 2);
    const listed = await callApi(subscriptions.GET, {
      key: keys.admin,
      path: "/subscriptions?contract=CRD-00002&limit=1000",
    });
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        external_id: "EXT-IMP-2",
        external_uid: "uid-imp-2",
        status: "suspended",
        parameters: {},
      }),
    );
  });

  it("imports nothing when a row is wrong, and names each bad row's problems (422)", async () => {
    const before = await count();
    const refused = await upload(
      `${header}\nPRD-100-001,CRD-00001,EXT-IMP-1,uid-imp-1,,active\nPRD-999,CRD-00001,EXT-IMP-2,uid-imp-2,,active\nPRD-100-001,CRD-00001,EXT-IMP-3,uid-imp-3,,lost\n`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      error_code: "VALIDATION_FAILED",
      errors: [
        "Nothing was imported: 2 rows have problems.",
        "Row 3, product_id: No product PRD-999.",
        expect.stringMatching(/^Row 4, status: /),
      ],
    });
    expect(await count()).toBe(before);
  });

  it("answers 400 without the file, 413 past the limit, 403 for others", async () => {
    expect((await upload(`${header}\n`, keys.admin, "sheet")).status).toBe(400);
    const tooLarge = await upload(new Uint8Array(5 * 1024 * 1024 + 1));
    expect(tooLarge).toEqual(
      expect.objectContaining({
        status: 413,
        body: { error_code: "TOO_LARGE", errors: [expect.stringContaining("5 MB")] },
      }),
    );
    await expectRefusedToOthers((key) => upload(`${header}\nPRD-100-001,CRD-00001,EXT-IMP-1,uid-imp-1,,active\n`, key));
  });
});
