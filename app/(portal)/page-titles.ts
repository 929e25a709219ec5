import "server-only";
import type { Metadata } from "next";
import { getActor } from "@/lib/server/actor";
import { getProductWithItems } from "@/lib/server/queries/admin-catalog";
import { getUser } from "@/lib/server/queries/admin-users";
import { getUsageFile } from "@/lib/server/queries/usage-files";

// Titles that name the page's object (in the tab, the history, a screen reader's first words),
// looked up with the viewer's own rights: an object the viewer may not see keeps the generic title,
// and its page answers "not found".

type IdParams = { params: Promise<{ id: string }> };

function titled<Found>(
  lookup: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>, id: string) => Promise<Found | null>,
  name: (found: Found) => string,
  fallback: string,
) {
  return async ({ params }: IdParams): Promise<Metadata> => {
    const actor = await getActor();
    const found = actor && (await lookup(actor, (await params).id));
    return { title: found ? name(found) : fallback };
  };
}

export const usageFileTitle = titled(getUsageFile, (file) => `${file.name} (${file.id})`, "Usage file");
export const userTitle = titled(getUser, (user) => `${user.name} (${user.email})`, "User");
export const productTitle = titled(getProductWithItems, ({ product }) => product.name, "Product");
