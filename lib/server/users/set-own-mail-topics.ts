import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { mailableTopics, mailTopicLabels, type MailTopic } from "@/lib/domain/notification-mail";
import type { Actor } from "@/lib/domain/permissions";

/** A user chooses what mails them, among what the role may receive; none at all is a choice too. */
export async function setOwnMailTopics(
  actor: Actor,
  input: { topics: MailTopic[] },
): Promise<Result<{ topics: MailTopic[] }>> {
  const offered = mailableTopics(actor.role);
  const refused = input.topics.filter((topic) => !offered.includes(topic));
  if (refused.length > 0) {
    const names = refused.map((topic) => mailTopicLabels[topic]).join(", ");
    return fail("validation_failed", `You cannot be mailed about: ${names}.`);
  }
  const db = await getDb();
  await db.update(users).set({ emailEvents: input.topics }).where(eq(users.id, actor.userId));
  return ok({ topics: input.topics });
}
