import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageFiles, type UsageFile } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { canAuthorUsageFile, type Actor } from "@/lib/domain/permissions";
import { amendmentName, amendmentRefusal, type AmendUsageFileInput } from "@/lib/domain/usage-amendments";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { insertUsageFile } from "./create-usage-file";

/**
 * The vendor opens an amendment of one of its Accepted or Closed files (issue 21): a Draft file of
 * the same product, contract, period and currency, whose spreadsheet is then uploaded, processed,
 * submitted and reviewed like any file's.
 */
export async function amendUsageFile(actor: Actor, input: AmendUsageFileInput): Promise<Result<UsageFile>> {
  const original = await getUsageFile(actor, input.amends);
  if (!original) return fail("not_found", "Usage file not found.");
  if (!canAuthorUsageFile(actor, original)) return fail("forbidden", "Only the file's vendor amends it.");
  const refusal = amendmentRefusal(original);
  if (refusal) return fail("invalid_transition", refusal);
  return ok(
    await insertUsageFile(actor, {
      name: input.name || amendmentName(original.name, (await amendmentCount(original.id)) + 1),
      description: input.description,
      externalId: input.externalId,
      productId: original.productId,
      contractId: original.contractId,
      distributorAccountId: original.distributorAccountId,
      periodFrom: original.periodFrom,
      periodTo: original.periodTo,
      currency: original.currency,
      usageSchema: original.usageSchema,
      amends: original.id,
    }),
  );
}

async function amendmentCount(usageFileId: string): Promise<number> {
  const db = await getDb();
  const [counted] = await db.select({ amendments: count() }).from(usageFiles).where(eq(usageFiles.amends, usageFileId));
  return counted?.amendments ?? 0;
}
