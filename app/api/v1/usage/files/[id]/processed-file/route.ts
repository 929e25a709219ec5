import { spreadsheetRoute } from "@/lib/server/api/responses";
import { processedSpreadsheet } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = spreadsheetRoute(processedSpreadsheet);
