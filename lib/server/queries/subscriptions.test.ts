import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { withSharedTestDatabase } from "@/test/db";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { subscriptionExternalIds } from "./subscriptions";

const database = withSharedTestDatabase();

beforeAll(async () => {
  await seedDemoData(database.handle.db);
});

async function subscriptionsOf(productId: string) {
  return database.handle.db
    .select({ id: subscriptions.id, externalId: subscriptions.externalId })
    .from(subscriptions)
    .where(eq(subscriptions.productId, productId))
    .orderBy(asc(subscriptions.id));
}

describe("the external ids that name subscriptions on a page", () => {
  it("are answered for the subscriptions the actor may see, and never another account's", async () => {
    const acme = (await subscriptionsOf("PRD-100-001")).slice(0, 3);
    const [globex] = await subscriptionsOf("PRD-200-001");
    const ids = [...acme.map((s) => s.id), globex!.id];

    const named = await subscriptionExternalIds(acmeVendor, ids);
    expect([...named].sort()).toEqual(acme.map((s) => [s.id, s.externalId]));
    expect([...(await subscriptionExternalIds(globexVendor, ids))]).toEqual([[globex!.id, globex!.externalId]]);
    expect((await subscriptionExternalIds(northwindDistributor, [acme[0]!.id])).get(acme[0]!.id)).toBe(
      acme[0]!.externalId,
    );
    expect(await subscriptionExternalIds(acmeVendor, [])).toEqual(new Map());
  });
});
