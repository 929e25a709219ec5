import { spreadsheetRoute } from "@/lib/server/api/responses";
import { uploadedSpreadsheet } from "@/lib/server/usage-files/usage-file-spreadsheets";

export const GET = spreadsheetRoute(uploadedSpreadsheet);
