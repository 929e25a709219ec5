import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { accounts, events, usageFiles, users } from "@/db/schema";
import type { EventAction } from "@/lib/domain/events";
import { canAuthorUsageFile, isAdmin, type Actor } from "@/lib/domain/permissions";
import { getUsageFile, visibleUsageFiles } from "./usage-files";

export interface HistoryEntry {
  id: number;
  action: EventAction;
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
  return selectHistory(db)
    .where(
      and(
        eq(events.objectType, "usage_file"),
        eq(events.objectId, usageFileId),
        seesEdits ? undefined : ne(events.action, "update"),
      ),
    )
    .orderBy(asc(events.at), asc(events.id));
}

export interface ActivityEntry extends HistoryEntry {
  usageFileId: string;
  usageFileName: string;
}

/**
 * The latest events on the usage files an actor may see, newest first. Edits of a file's details
 * stay with their account, as in a file's history.
 */
export async function listRecentActivity(actor: Actor, limit = 10): Promise<ActivityEntry[]> {
  const db = await getDb();
  return selectHistory(db, { usageFileId: usageFiles.id, usageFileName: usageFiles.name })
    .innerJoin(usageFiles, and(eq(events.objectType, "usage_file"), eq(usageFiles.id, events.objectId)))
    .where(
      and(
        visibleUsageFiles(actor),
        actor.role === "vendor" || isAdmin(actor) ? undefined : ne(events.action, "update"),
      ),
    )
    .orderBy(desc(events.at), desc(events.id))
    .limit(limit);
}

const historyColumns = {
  id: events.id,
  action: events.action,
  at: events.at,
  actorName: users.name,
  accountName: accounts.name,
  details: events.details,
};

/** Events with the names of who acted; the caller adds what else it selects. */
function selectHistory<Extra extends SelectedFields>(db: Database, extra: Extra = {} as Extra) {
  return db
    .select({ ...historyColumns, ...extra })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .leftJoin(accounts, eq(accounts.id, events.actorAccountId))
    .$dynamic();
}
