import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import {
  eventCursorPattern,
  notificationScope,
  payloadFor,
  type Audience,
  type NotificationPayload,
  type NotificationType,
} from "@/lib/domain/notifications";

export interface EventsQuery {
  after?: string;
  types?: readonly NotificationType[];
  limit: number;
}

export interface EventsPage {
  events: (NotificationPayload & { id: string })[];
  /** Pass as `after` to read on; the same cursor again when nothing newer is there yet. */
  nextCursor: string | null;
}

/** The WHERE clause keeping an audience to the notifications it may receive (`mayReceive`, in SQL). */
function receivable(audience: Audience): SQL | undefined {
  const scope = notificationScope(audience);
  switch (scope.kind) {
    case "all":
      return undefined;
    case "vendor":
      return eq(notifications.vendorAccountId, scope.accountId);
    case "distributor":
      return and(
        eq(notifications.distributorAccountId, scope.accountId),
        inArray(notifications.fileStatus, [...scope.statuses]),
      );
  }
}

/**
 * The events after a cursor, oldest first. Events are ordered by the transaction that wrote them,
 * then by id, and only those of transactions older than every transaction still running are
 * shown: a transaction that commits later can only add events after every cursor handed out, so
 * a reader that follows the cursor never misses one (an event shows once the write transactions
 * begun before it have ended).
 */
export async function listEvents(audience: Audience, query: EventsQuery): Promise<EventsPage> {
  const db = await getDb();
  const position = query.after ? eventCursorPattern.exec(query.after) : null;
  const rows = await db
    .select({
      id: notifications.id,
      txid: sql<string>`${notifications.txid}::text`,
      type: notifications.type,
      occurredAt: notifications.occurredAt,
      vendorAccountId: notifications.vendorAccountId,
      distributorAccountId: notifications.distributorAccountId,
      fileStatus: notifications.fileStatus,
      file: notifications.file,
      records: notifications.records,
      comment: notifications.comment,
    })
    .from(notifications)
    .where(
      and(
        position
          ? sql`(${notifications.txid}, ${notifications.id}) > (${position[1]}::xid8, ${position[2]}::bigint)`
          : undefined,
        sql`${notifications.txid} < pg_snapshot_xmin(pg_current_snapshot())`,
        receivable(audience),
        query.types && query.types.length > 0 ? inArray(notifications.type, [...query.types]) : undefined,
      ),
    )
    .orderBy(notifications.txid, notifications.id)
    .limit(query.limit);
  const events = rows.flatMap((row) => {
    const payload = payloadFor(audience, row);
    return payload ? [{ id: `evt_${row.id}`, ...payload }] : [];
  });
  const last = rows.at(-1);
  return { events, nextCursor: last ? `${last.txid}_${last.id}` : (query.after ?? null) };
}
