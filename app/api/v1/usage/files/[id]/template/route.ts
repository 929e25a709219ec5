import { spreadsheetRoute } from "@/lib/server/api/responses";
import { usageFileTemplate } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = spreadsheetRoute(usageFileTemplate);
