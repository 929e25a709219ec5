import "server-only";
import { getDb, type Database } from "@/db/client";
import { fail, type Failure, type Result } from "@/lib/domain/errors";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

/** Carries a use case's failure out of the transaction, so whatever it had written rolls back. */
class RolledBack extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * Runs an administrative change for an admin, and refuses anyone else before touching anything.
 * The change and its audit events commit together; a failure returned by `change` rolls all back.
 */
export async function adminTransaction<T, F extends Failure = Failure>(
  actor: Actor,
  change: (tx: Database) => Promise<Result<T> | F>,
): Promise<Result<T> | F> {
  if (!isAdmin(actor)) return fail("forbidden", "Only administrators can do this.");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const result = await change(tx);
      if (!result.ok) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.failure as F;
    throw error;
  }
}

/** A failure on one form field, with the same message for the form's summary. */
export function fieldFailure(field: string, message: string): Failure {
  return fail("validation_failed", message, { [field]: message });
}
