import type { SheetRowError } from "@/lib/domain/admin-subscription-sheet";
import { fail } from "@/lib/domain/errors";
import { getRequestActor } from "@/lib/server/actor";
import { importSubscriptions, maxImportBytes } from "@/lib/server/admin/import-subscriptions";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { bufferedFile, multipartFile } from "@/lib/server/api/multipart";
import { failureResponse, jsonResponse } from "@/lib/server/api/responses";

const field = adminEndpoints.importSubscriptions.upload!;

/** POST multipart `subscriptions_file`: every row or none; a refused import names each bad row in `errors`. */
export async function POST(request: Request) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const upload = await multipartFile(request, field);
  if (!upload) return failureResponse(fail("invalid_input", `Send the sheet as multipart field ${field}.`));
  const file = await bufferedFile(upload, maxImportBytes);
  if (!file.ok) return failureResponse(file);
  const result = await importSubscriptions(actor.value, file.value);
  if (result.ok) return jsonResponse(result.value);
  return failureResponse(result, "rowErrors" in result ? result.rowErrors.map(describeRowError) : []);
}

function describeRowError({ row, column, message }: SheetRowError): string {
  return `Row ${row}${column ? `, ${column}` : ""}: ${message}`;
}
