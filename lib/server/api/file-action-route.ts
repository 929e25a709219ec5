import "server-only";
import type { z } from "zod";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getRequestActor } from "@/lib/server/actor";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { parseJsonBody } from "./request-input";
import { failureResponse, jsonResponse } from "./responses";

/**
 * The route of an action on a usage file (`POST …/files/{id}/<action>` with a JSON body): parse,
 * the actor, one use case. It answers with the file as the caller may see it (never the row the
 * use case returned, which carries the vendor's internal note), or with the use case's `reply`.
 */
export function fileActionRoute<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (actor: Actor, usageFileId: string, input: z.output<Schema>) => Promise<Result<T>>,
  reply?: (value: T) => unknown,
) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const actor = await getRequestActor();
    if (!actor.ok) return failureResponse(actor);
    const parsed = await parseJsonBody(request, schema);
    if (!parsed.ok) return failureResponse(parsed);
    const id = (await params).id;
    const result = await run(actor.value, id, parsed.value);
    if (!result.ok) return failureResponse(result);
    return jsonResponse(reply ? reply(result.value) : await getUsageFile(actor.value, id));
  };
}
