import { ok } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { eventEndpoints } from "@/lib/server/api/endpoints";
import { listEvents } from "@/lib/server/queries/notifications";

/** The events an integration polls for, after its cursor. */
export const GET = apiRoute(eventEndpoints.list, async ({ actor, query }) => ok(await listEvents(actor, query)));
