import { spreadsheetRoute } from "@/lib/server/api/responses";
import { productTemplate } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = spreadsheetRoute(productTemplate);
