import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { items, subscriptions, type UsageFile } from "@/db/schema";
import { decimalPlacesOf } from "@/lib/domain/catalog";
import type { CatalogIndex, ItemRef, SubscriptionRef } from "@/lib/domain/record-rules";

/** The catalog a file's records are checked against, read once per file into lookup maps. */
export async function loadCatalogIndex(
  db: Database,
  file: Pick<UsageFile, "productId" | "contractId" | "usageSchema" | "periodFrom" | "periodTo">,
  categories: ReadonlySet<string>,
): Promise<CatalogIndex> {
  const [productItems, productSubscriptions] = await Promise.all([
    db.select().from(items).where(eq(items.productId, file.productId)),
    db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.productId, file.productId), eq(subscriptions.contractId, file.contractId))),
  ]);

  const byId = new Map<string, ItemRef>();
  const byMpn = new Map<string, ItemRef>();
  const byLocalId = new Map<string, ItemRef>();
  for (const item of productItems) {
    const ref = { id: item.id, decimalPlaces: decimalPlacesOf[item.precision] };
    byId.set(item.id, ref);
    byMpn.set(item.mpn, ref);
    byLocalId.set(item.localId, ref);
  }

  const subscriptionIndex = {
    byId: new Map<string, SubscriptionRef[]>(),
    byExternalId: new Map<string, SubscriptionRef[]>(),
    byExternalUid: new Map<string, SubscriptionRef[]>(),
    byParameter: new Map<string, Map<string, SubscriptionRef[]>>(),
  };
  for (const subscription of productSubscriptions) {
    const ref: SubscriptionRef = {
      id: subscription.id,
      activeFrom: subscription.activeFrom?.getTime() ?? null,
      activeTo: subscription.activeTo?.getTime() ?? null,
      tier1AccountId: subscription.tier1AccountId,
      tier2AccountId: subscription.tier2AccountId,
    };
    addTo(subscriptionIndex.byId, subscription.id, ref);
    addTo(subscriptionIndex.byExternalId, subscription.externalId, ref);
    addTo(subscriptionIndex.byExternalUid, subscription.externalUid, ref);
    for (const [name, value] of Object.entries(subscription.parameters)) {
      let byValue = subscriptionIndex.byParameter.get(name);
      if (!byValue) subscriptionIndex.byParameter.set(name, (byValue = new Map()));
      addTo(byValue, value, ref);
    }
  }

  return {
    schema: file.usageSchema,
    periodFrom: file.periodFrom.getTime(),
    periodTo: file.periodTo.getTime(),
    items: { byId, byMpn, byLocalId },
    subscriptions: subscriptionIndex,
    categories,
  };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
