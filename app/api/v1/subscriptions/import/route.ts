import type { SheetRowError } from "@/lib/domain/admin-subscription-sheet";
import { fail, type Failure } from "@/lib/domain/errors";
import { importSubscriptions, maxImportBytes, type RowsRefused } from "@/lib/server/admin/import-subscriptions";
import { apiUploadRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { bufferedFile } from "@/lib/server/api/multipart";

/** POST multipart `subscriptions_file`: every row or none; a refused import names each bad row in `errors`. */
export const POST = apiUploadRoute(adminEndpoints.importSubscriptions, async ({ actor }, upload) => {
  const file = await bufferedFile(upload, maxImportBytes);
  if (!file.ok) return file;
  const result = await importSubscriptions(actor, file.value);
  return "rowErrors" in result ? withRowErrors(result) : result;
});

/** The refusal with one message per bad row, as the API lists them after the summary. */
function withRowErrors(refused: RowsRefused): Failure {
  return fail(
    refused.code,
    refused.message,
    Object.fromEntries(refused.rowErrors.map((error, index) => [String(index), describeRowError(error)])),
  );
}

function describeRowError({ row, column, message }: SheetRowError): string {
  return `Row ${row}${column ? `, ${column}` : ""}: ${message}`;
}
