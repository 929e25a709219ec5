import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contracts, products, usageFiles, type UsageFile } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { newUsageFileId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { CreateUsageFileInput } from "@/lib/domain/usage-file-input";
import { recordEvent } from "@/lib/server/events";
import { publishNotification } from "@/lib/server/notifications/publish";

const idAttempts = 5;

/** A vendor opens a Draft usage file for one of its products and contracts (SPEC §2: create). */
export async function createUsageFile(actor: Actor, input: CreateUsageFileInput): Promise<Result<UsageFile>> {
  if (actor.role !== "vendor") return fail("forbidden", "Only vendors create usage files.");
  const db = await getDb();
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.vendorAccountId, actor.accountId)));
  if (!product)
    return fail("validation_failed", "Choose one of your products.", { productId: "Choose one of your products." });
  const [contract] = await db
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.id, input.contractId),
        eq(contracts.vendorAccountId, actor.accountId),
        eq(contracts.active, true),
      ),
    );
  if (!contract)
    return fail("validation_failed", "Choose one of your active contracts.", {
      contractId: "Choose one of your active contracts.",
    });

  return ok(
    await insertUsageFile(actor, {
      name: input.name,
      description: input.description,
      externalId: input.externalId,
      productId: product.id,
      contractId: contract.id,
      distributorAccountId: contract.distributorAccountId,
      periodFrom: input.period.from,
      periodTo: input.period.to,
      currency: input.currency,
      usageSchema: product.usageSchema,
    }),
  );
}

/** The Draft file's own columns; its id, vendor and author come from the actor. */
export type NewUsageFile = Omit<typeof usageFiles.$inferInsert, "id" | "vendorAccountId" | "createdBy">;

/**
 * Inserts a Draft file under a fresh id (drawn again on the rare collision), with its `create`
 * event and notification in the same transaction.
 */
export async function insertUsageFile(actor: Actor, values: NewUsageFile): Promise<UsageFile> {
  const db = await getDb();
  for (let attempt = 0; attempt < idAttempts; attempt++) {
    const id = newUsageFileId(new Date());
    const created = await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(usageFiles)
        .values({ ...values, id, vendorAccountId: actor.accountId, createdBy: actor.userId })
        .onConflictDoNothing()
        .returning();
      if (file) {
        await recordEvent(tx, {
          objectType: "usage_file",
          objectId: id,
          action: "create",
          actor,
          details: { name: values.name, ...(values.amends && { amends: values.amends }) },
        });
        await publishNotification(tx, { type: "usage_file.created", usageFileId: id, actor });
      }
      return file;
    });
    if (created) return created;
  }
  throw new Error(`No free usage file id after ${idAttempts} attempts`);
}
