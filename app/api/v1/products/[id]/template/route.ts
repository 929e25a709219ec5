import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { productEndpoints } from "@/lib/server/api/endpoints";
import { productTemplate } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = apiDownloadRoute(productEndpoints.template, ({ actor, params }) =>
  productTemplate(actor, params.id!),
);
