import "server-only";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import type { EventAction, EventObjectType } from "@/lib/domain/events";

export interface EventInput {
  objectType: EventObjectType;
  objectId: string;
  action: EventAction;
  /** Null for the system (the processing job). */
  actor: { userId: string; accountId: string } | null;
  details?: Record<string, unknown>;
}

/** Writes one audit event; pass the transaction's handle so the event commits with its change. */
export async function recordEvent(db: Database, event: EventInput): Promise<void> {
  await db.insert(events).values({
    objectType: event.objectType,
    objectId: event.objectId,
    action: event.action,
    actorUserId: event.actor?.userId ?? null,
    actorAccountId: event.actor?.accountId ?? null,
    details: event.details ?? {},
  });
}
