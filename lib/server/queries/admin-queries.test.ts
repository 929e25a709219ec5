import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { eventListQuery, userListQuery } from "@/lib/domain/admin-query";
import { subscriptionListQuery } from "@/lib/domain/subscription-query";
import { createAccount } from "@/lib/server/admin/create-account";
import { deactivateUser } from "@/lib/server/admin/set-user-active";
import { acmeVendor, admin, northwindDistributor } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { listEvents } from "./admin-audit";
import { listProducts } from "./admin-catalog";
import { getAccount, getContract, listAccounts, listContracts } from "./admin-accounts";
import { listUsers } from "./admin-users";
import { getSubscription, listSubscriptions } from "./subscriptions";

const database = withTestDatabase();

describe("admin lists", () => {
  it("page, search and filter users in SQL", async () => {
    await seedDemoData(database.handle.db);
    await deactivateUser(admin, "USR-0003");
    const page = await listUsers(admin, userListQuery.parse({ size: "10", sort: "email" }));
    expect(page.total).toBe(6);
    expect(page.rows.map((u) => u.email)[0]).toBe("admin@portal.test");
    const acme = await listUsers(admin, userListQuery.parse({ account: "ACC-0002", active: "yes" }));
    expect(acme.rows.map((u) => u.email)).toEqual(["vendor@acme.test"]);
    const search = await listUsers(admin, userListQuery.parse({ q: "northwind" }));
    expect(search).toMatchObject({ total: 1, rows: [{ accountName: "Northwind Distribution" }] });
  });

  it("filter the audit log by actor, object and action, newest first", async () => {
    await seedDemoData(database.handle.db);
    await createAccount(admin, { name: "Initech", kind: "vendor" });
    await deactivateUser(admin, "USR-0003");
    const byAdmin = await listEvents(admin, eventListQuery.parse({ actor: "admin@portal.test" }));
    expect(byAdmin.rows.map((e) => e.action)).toEqual(["deactivate", "create"]);
    const userEvents = await listEvents(
      admin,
      eventListQuery.parse({ objectType: "user", objectId: "USR-0003", action: "deactivate" }),
    );
    expect(userEvents).toMatchObject({
      total: 1,
      rows: [{ actorEmail: "admin@portal.test", accountName: "Usage Portal" }],
    });
  });

  it("show nothing to anyone but an admin", async () => {
    await seedDemoData(database.handle.db);
    for (const actor of [acmeVendor, northwindDistributor]) {
      expect(await listUsers(actor, userListQuery.parse({}))).toEqual({ rows: [], total: 0 });
      expect(await listEvents(actor, eventListQuery.parse({}))).toEqual({ rows: [], total: 0 });
      expect(await listAccounts(actor)).toEqual([]);
      expect(await listContracts(actor)).toEqual([]);
      expect(await listProducts(actor)).toEqual([]);
      expect(await getAccount(actor, "ACC-0002")).toBeNull();
      expect(await getContract(actor, "CRD-00001")).toBeNull();
    }
  });

  it("find one account, contract or subscription as its list shows it", async () => {
    await seedDemoData(database.handle.db);
    const [account] = (await listAccounts(admin)).filter((row) => row.id === "ACC-0002");
    expect(await getAccount(admin, "ACC-0002")).toEqual(account);
    const [contract] = (await listContracts(admin)).filter((row) => row.id === "CRD-00001");
    expect(await getContract(admin, "CRD-00001")).toEqual(contract);
    const [subscription] = (await listSubscriptions(admin, subscriptionListQuery.parse({ size: "1" }))).rows;
    expect(await getSubscription(admin, subscription!.id)).toEqual(subscription);
    expect(await getAccount(admin, "ACC-9999")).toBeNull();
    expect(await getContract(admin, "CRD-99999")).toBeNull();
    expect(await getSubscription(admin, "AS-0000-0000")).toBeNull();
  });

  it("page subscriptions by product", async () => {
    await seedDemoData(database.handle.db);
    const page = await listSubscriptions(admin, subscriptionListQuery.parse({ product: "PRD-100-002", size: "10" }));
    expect(page.total).toBe(12);
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]).toMatchObject({ productName: "Acme Backup" });
  });
});
