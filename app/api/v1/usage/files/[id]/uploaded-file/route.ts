import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { uploadedSpreadsheet } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = apiDownloadRoute(usageFileEndpoints.uploadedFile, ({ actor, params }) =>
  uploadedSpreadsheet(actor, params.id!),
);
