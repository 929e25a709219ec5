import { z } from "zod";
import {
  canAuthorUsageFile,
  canReviewUsageFile,
  statusesVisibleToDistributors,
  type Actor,
  type UsageFileAccess,
} from "./permissions";
import type { UsageFileStatus } from "./usage-file-status";

/** A comment is a message, not a document: long enough for a paragraph of reasons and figures. */
export const commentTextMax = 4000;

/** What a person writes on a file or on one of its records: plain text, trimmed, never empty. */
export const commentInput = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Write a comment first.")
    .max(commentTextMax, `Keep the comment under ${commentTextMax.toLocaleString("en-US")} characters.`)
    .refine((text) => !text.includes("\0"), "The comment holds a character that cannot be stored."),
});
export type CommentInput = z.output<typeof commentInput>;

/**
 * Who may write on a file's conversation: its vendor, and the distributor or reseller of its
 * contract; admins read, never write. Seeing the file is checked first (a distributor never sees
 * one before Pending), so a distributor's comment is always on a file it may see.
 */
export function canComment(actor: Actor, file: Pick<UsageFileAccess, "vendorAccountId" | "distributorAccountId">) {
  return canAuthorUsageFile(actor, file) || canReviewUsageFile(actor, file);
}

/**
 * Which of a file's comments an actor reads, by the file's status when each was written: a
 * distributor or reseller only those written while the file was submitted to it (never the
 * vendor's comments on a draft), as it receives their notifications; its vendor and admins all.
 */
export function commentStatusesVisibleTo(actor: Pick<Actor, "role">): readonly UsageFileStatus[] | "all" {
  return actor.role === "distributor" ? statusesVisibleToDistributors : "all";
}

/** A comment as it travels in a notification (`usage_file.commented`), in the API's names. */
export interface NotifiedComment {
  id: string;
  text: string;
  author_name: string;
  author_account_id: string;
  author_account_name: string;
  created_at: string;
  /** The record it is about (`UR-…`) and that record's `record_id`, or null for the whole file. */
  record: { id: string; record_id: string } | null;
}

/** Comments' public ids: `UC-` and their number. */
export function usageCommentPublicId(id: number): string {
  return `UC-${id}`;
}

/** The conversation's forms: the comment, its file, and the record (`UR-…`) it is about, if any. */
export const commentForm = commentInput.extend({
  usageFileId: z.string().min(1),
  recordId: z
    .string()
    .trim()
    .optional()
    .transform((id) => id || undefined),
});
