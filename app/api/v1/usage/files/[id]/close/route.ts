import { closeUsageFileInput } from "@/lib/domain/usage-file-review";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";

/** POST `{ "billingId"?: string, "billingNote"?: string }`: a billing id closes every remaining record with the file. */
export const POST = fileActionRoute(closeUsageFileInput, closeUsageFile);
