import { NextResponse } from "next/server";
import { getRequestActor } from "@/lib/server/actor";
import { failureResponse } from "@/lib/server/api/responses";
import { unreadCount } from "@/lib/server/inbox/inbox";

/** The signed-in user's unread notifications, for the header's bell. */
export async function GET(): Promise<Response> {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  return NextResponse.json({ unread: await unreadCount(actor.value) }, { headers: { "cache-control": "no-store" } });
}
