import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { processedSpreadsheet } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = apiDownloadRoute(usageFileEndpoints.processedFile, ({ actor, params }) =>
  processedSpreadsheet(actor, params.id!),
);
