import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { items, subscriptions, usageFileAnomalies } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { getUsageFile } from "./usage-files";

/**
 * A file's anomalies as its readers see them, the largest deviation first (the first `limit` of
 * them if given): null when the actor may not see the file.
 */
export async function listUsageFileAnomalies(actor: Actor, usageFileId: string, limit?: number) {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const db = await getDb();
  return db
    .select({
      subscriptionId: usageFileAnomalies.subscriptionId,
      subscriptionExternalId: subscriptions.externalId,
      itemId: usageFileAnomalies.itemId,
      itemMpn: items.mpn,
      itemName: items.name,
      unit: items.unit,
      kind: usageFileAnomalies.kind,
      quantity: usageFileAnomalies.quantity,
      baseline: usageFileAnomalies.baseline,
      deviation: usageFileAnomalies.deviation,
      history: usageFileAnomalies.history,
    })
    .from(usageFileAnomalies)
    .leftJoin(subscriptions, eq(subscriptions.id, usageFileAnomalies.subscriptionId))
    .leftJoin(items, eq(items.id, usageFileAnomalies.itemId))
    .where(and(eq(usageFileAnomalies.usageFileId, file.id), eq(usageFileAnomalies.generation, file.generation)))
    .orderBy(desc(sql`abs(${usageFileAnomalies.deviation})`), asc(usageFileAnomalies.subscriptionId))
    .limit(limit ?? Number.MAX_SAFE_INTEGER);
}

export type UsageFileAnomaly = NonNullable<Awaited<ReturnType<typeof listUsageFileAnomalies>>>[number];
