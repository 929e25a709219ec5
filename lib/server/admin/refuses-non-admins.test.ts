import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { acmeVendor, admin, adminTables, northwindDistributor } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { createAccount } from "./create-account";
import { createContract } from "./create-contract";
import { createItem } from "./create-item";
import { createProduct } from "./create-product";
import { createSubscription } from "./create-subscription";
import { createUser } from "./create-user";
import { deactivateContract } from "./deactivate-contract";
import { importSubscriptions } from "./import-subscriptions";
import { renameAccount } from "./rename-account";
import { resetUserPassword } from "./reset-user-password";
import { deactivateUser, reactivateUser } from "./set-user-active";
import { updateUser } from "./update-user";

const database = withTestDatabase();

const sheet = new File(
  ["product_id,contract_id,external_id,external_uid,status\nPRD-100-001,CRD-00001,EXT-SHEET,uid-sheet,active\n"],
  "subscriptions.csv",
);

/** Every administrative use case, called with input an admin would get through with. */
const useCases: Record<string, (actor: Actor) => Promise<Result<unknown>>> = {
  createAccount: (actor) => createAccount(actor, { name: "Initech", kind: "vendor" }),
  renameAccount: (actor) => renameAccount(actor, { accountId: "ACC-0002", name: "Acme Renamed" }),
  createUser: (actor) =>
    createUser(actor, { email: "new@acme.test", name: "New", accountId: "ACC-0002", role: "vendor" }),
  updateUser: (actor) => updateUser(actor, { userId: "USR-0003", accountId: "ACC-0003", role: "vendor" }),
  deactivateUser: (actor) => deactivateUser(actor, "USR-0003"),
  reactivateUser: (actor) => reactivateUser(actor, "USR-0003"),
  resetUserPassword: (actor) => resetUserPassword(actor, "USR-0003"),
  createContract: (actor) =>
    createContract(actor, { vendorAccountId: "ACC-0003", distributorAccountId: "ACC-0005", marketplace: "X" }),
  deactivateContract: (actor) => deactivateContract(actor, "CRD-00001"),
  createProduct: (actor) =>
    createProduct(actor, { vendorAccountId: "ACC-0002", name: "P", usageSchema: "QT", currency: "USD" }),
  createItem: (actor) =>
    createItem(actor, {
      productId: "PRD-100-001",
      mpn: "NEW",
      localId: "new",
      name: "N",
      unit: "u",
      precision: "integer",
      type: "ppu",
    }),
  createSubscription: (actor) =>
    createSubscription(actor, {
      productId: "PRD-100-001",
      contractId: "CRD-00001",
      externalId: "EXT-NEW",
      externalUid: "uid-new",
      parameters: {},
      status: "active",
      activeFrom: null,
      activeTo: null,
      tier1AccountId: null,
      tier2AccountId: null,
    }),
  importSubscriptions: (actor) => importSubscriptions(actor, sheet),
};

describe("administrative use cases", () => {
  for (const [name, run] of Object.entries(useCases)) {
    it(`${name} refuses a vendor and a distributor, and changes nothing`, async () => {
      const db = database.handle.db;
      await seedDemoData(db);
      const before = await adminTables(db);
      for (const actor of [acmeVendor, northwindDistributor]) {
        expect(await run(actor)).toMatchObject({ ok: false, code: "forbidden" });
      }
      expect(await adminTables(db)).toEqual(before);
    });
  }
});

it("an admin gets through with the same input, so the refusals above are about the role", async () => {
  await seedDemoData(database.handle.db);
  for (const [name, run] of Object.entries(useCases)) {
    expect({ name, result: await run(admin) }).toMatchObject({ name, result: { ok: true } });
  }
});
