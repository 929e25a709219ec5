import "server-only";
import { getDb, type Database } from "@/db/client";
import type { UsageFile } from "@/db/schema";
import { fail, ok, type Failure, type Result } from "@/lib/domain/errors";
import { canTakeAction, type Actor } from "@/lib/domain/permissions";
import { transition, type UsageFileAction } from "@/lib/domain/usage-file-status";
import { getUsageFile, type UsageFileView } from "@/lib/server/queries/usage-files";
import { transitionUsageFile } from "./transition-usage-file";

export interface ActionChange {
  set?: Partial<Omit<UsageFile, "id" | "status">>;
  details?: Record<string, unknown>;
  /** A condition of this action beyond the status, checked in the transaction before the update. */
  precondition?: (tx: Database, file: UsageFileView) => Promise<Failure | null>;
  /** More work in the same transaction once the status changed, on the file as updated; answers it as it ends. */
  followUp?: (tx: Database, file: UsageFile) => Promise<UsageFile>;
}

/**
 * One person's action on a usage file that only changes its status (and notes), checked in order: the actor may see the file (else "not
 * found"), may take this action (else "forbidden"), and the file's status allows it (else refused
 * with the reason). The update then re-checks the status, so of two people acting at once one wins.
 */
export async function actOnUsageFile(
  actor: Actor,
  usageFileId: string,
  action: UsageFileAction,
  change: ActionChange = {},
): Promise<Result<UsageFile>> {
  const allowed = await authorizeAction(actor, usageFileId, action);
  if (!allowed.ok) return allowed;

  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<UsageFile>> => {
    const refused = await change.precondition?.(tx, allowed.value);
    if (refused) return refused;
    const updated = await transitionUsageFile(tx, {
      usageFileId,
      action,
      actor,
      set: change.set,
      details: change.details,
    });
    if (!updated) return changedMeanwhile();
    return ok(change.followUp ? await change.followUp(tx, updated) : updated);
  });
}

/** The checks before an action, for use cases that do more than change the status (upload). */
export async function authorizeAction(
  actor: Actor,
  usageFileId: string,
  action: UsageFileAction,
): Promise<Result<UsageFileView>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fail("not_found", "Usage file not found.");
  if (!canTakeAction(actor, file, action)) return fail("forbidden", "Your role cannot do this to this usage file.");
  const allowed = transition(file.status, action);
  if (!allowed.ok) return fail("invalid_transition", allowed.message);
  return ok(file);
}

export function changedMeanwhile() {
  return fail("invalid_transition", "Someone changed this usage file in the meantime; reload it to see its status.");
}
