import "server-only";
import { fail, found, ok, type Result } from "@/lib/domain/errors";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

interface Window {
  limit: number;
  offset: number;
}

interface Page<Row> {
  rows: Row[];
  total: number;
}

/**
 * One page of an admin console list, for an admin; anyone else is refused (the console's own
 * queries answer them with nothing, which a page shows as empty but an API caller must hear as 403).
 */
export async function adminList<Row>(
  actor: Actor,
  window: Window,
  read: (window: Window) => Promise<Result<Page<Row>>>,
): Promise<Result<Page<Row> & { offset: number }>> {
  if (!isAdmin(actor)) return fail("forbidden", "Only administrators can see this.");
  const page = await read(window);
  return page.ok ? ok({ ...page.value, offset: window.offset }) : page;
}

/** A page of a list small enough to read whole (accounts, contracts, products, a product's items). */
export function pageOf<Row>(rows: Row[], window: Window): Result<Page<Row>> {
  return ok({ rows: rows.slice(window.offset, window.offset + window.limit), total: rows.length });
}

/**
 * One object of the admin console, for an admin; anyone else is refused, like `adminList`, and an
 * unknown id is not found.
 */
export async function adminObject<T>(
  actor: Actor,
  read: () => Promise<T | null>,
  notFound: string,
): Promise<Result<T>> {
  if (!isAdmin(actor)) return fail("forbidden", "Only administrators can see this.");
  return found(await read(), notFound);
}
