import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { usageFileTemplate } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = apiDownloadRoute(usageFileEndpoints.template, ({ actor, params }) =>
  usageFileTemplate(actor, params.id!),
);
