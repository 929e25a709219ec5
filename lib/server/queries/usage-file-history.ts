import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, events, users } from "@/db/schema";
import { canAuthorUsageFile, isAdmin, type Actor } from "@/lib/domain/permissions";
import { getUsageFile } from "./usage-files";

export interface HistoryEntry {
  id: number;
  action: string;
  at: Date;
  /** Null when the system acted (processing). */
  actorName: string | null;
  accountName: string | null;
  details: Record<string, unknown>;
}

/**
 * A usage file's event history, oldest first, for whoever may see the file. Edits of the file's
 * details stay with its vendor: they may concern the internal note, which others never see.
 */
export async function listUsageFileHistory(actor: Actor, usageFileId: string): Promise<HistoryEntry[] | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const seesEdits = isAdmin(actor) || canAuthorUsageFile(actor, file);
  const db = await getDb();
  return db
    .select({
      id: events.id,
      action: events.action,
      at: events.at,
      actorName: users.name,
      accountName: accounts.name,
      details: events.details,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .leftJoin(accounts, eq(accounts.id, events.actorAccountId))
    .where(
      and(
        eq(events.objectType, "usage_file"),
        eq(events.objectId, usageFileId),
        seesEdits ? undefined : ne(events.action, "update"),
      ),
    )
    .orderBy(asc(events.at), asc(events.id));
}
