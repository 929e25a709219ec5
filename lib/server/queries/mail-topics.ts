import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { mailTopicsOf, type MailTopic } from "@/lib/domain/notification-mail";
import type { Actor } from "@/lib/domain/permissions";

/** What mails the actor: their choice, or their role's defaults until they choose. */
export async function ownMailTopics(actor: Actor): Promise<readonly MailTopic[]> {
  const db = await getDb();
  const [user] = await db.select({ emailEvents: users.emailEvents }).from(users).where(eq(users.id, actor.userId));
  return mailTopicsOf({ role: actor.role, emailEvents: user?.emailEvents ?? null });
}
