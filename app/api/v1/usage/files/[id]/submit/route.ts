import { z } from "zod";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";

export const POST = fileActionRoute(z.object({}), (actor, id) => submitUsageFile(actor, id));
