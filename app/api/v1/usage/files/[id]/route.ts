import { NextResponse } from "next/server";
import { fail } from "@/lib/domain/errors";
import { getRequestActor } from "@/lib/server/actor";
import { failureResponse } from "@/lib/server/api/responses";
import { getUsageFile } from "@/lib/server/queries/usage-files";

/** GET a usage file as the caller may see it, with its processing progress. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const file = await getUsageFile(actor.value, (await params).id);
  if (!file) return failureResponse(fail("not_found", "Usage file not found."));
  return NextResponse.json(file);
}
