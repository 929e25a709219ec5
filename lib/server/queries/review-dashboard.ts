import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { listUsageFilesWhere, type UsageFileView } from "./usage-files";

export interface ReviewQueues {
  /** Pending files, the longest waiting first. */
  pending: UsageFileView[];
  /** Accepted files still open for billing, the oldest first. */
  acceptedOpen: UsageFileView[];
  recentlyClosed: UsageFileView[];
}

const queueLength = 20;

/**
 * The reviewer's work: what waits for a decision, what waits for billing, what was just closed. A
 * file's last change is when it entered its status (submit, accept and close each update it).
 */
export async function listReviewQueues(actor: Actor): Promise<ReviewQueues> {
  const inStatus = (status: UsageFileStatus) => eq(usageFiles.status, status);
  const [pending, acceptedOpen, recentlyClosed] = await Promise.all([
    listUsageFilesWhere(actor, inStatus("pending"), [asc(usageFiles.updatedAt)], queueLength),
    listUsageFilesWhere(actor, inStatus("accepted"), [asc(usageFiles.updatedAt)], queueLength),
    listUsageFilesWhere(actor, inStatus("closed"), [desc(usageFiles.updatedAt)], 10),
  ]);
  return { pending, acceptedOpen, recentlyClosed };
}
