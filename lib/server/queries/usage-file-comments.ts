import "server-only";
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, usageFileComments, users } from "@/db/schema";
import type { AccountKind } from "@/lib/domain/catalog";
import { usageRecordPublicId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { commentStatusesVisibleTo, usageCommentPublicId } from "@/lib/domain/usage-comments";

/** A comment as its readers see it: who wrote it, of which account, when, and on which record. */
export interface UsageFileCommentView {
  id: string;
  usageFileId: string;
  /** The record's public id (`UR-…`) and its `record_id`, or null for a comment on the whole file. */
  recordId: string | null;
  recordRef: string | null;
  text: string;
  authorName: string;
  authorAccountId: string;
  authorAccountName: string;
  authorAccountKind: AccountKind;
  createdAt: Date;
}

const selectComments = (db: Database, where: SQL) =>
  db
    .select({
      id: usageFileComments.id,
      usageFileId: usageFileComments.usageFileId,
      recordId: usageFileComments.recordId,
      recordRef: usageFileComments.recordRef,
      text: usageFileComments.text,
      authorName: users.name,
      authorAccountId: usageFileComments.authorAccountId,
      authorAccountName: accounts.name,
      authorAccountKind: accounts.kind,
      createdAt: usageFileComments.createdAt,
    })
    .from(usageFileComments)
    .innerJoin(users, eq(users.id, usageFileComments.authorUserId))
    .innerJoin(accounts, eq(accounts.id, usageFileComments.authorAccountId))
    .where(where)
    .$dynamic();

type CommentRow = Awaited<ReturnType<typeof selectComments>>[number];

function toView(row: CommentRow): UsageFileCommentView {
  return {
    ...row,
    id: usageCommentPublicId(row.id),
    recordId: row.recordId === null ? null : usageRecordPublicId(row.recordId),
  };
}

/**
 * The WHERE clause of the comments of one file (or of one of its records) that the actor reads. The
 * caller has checked that the actor sees the file; here a distributor is kept to the comments
 * written while the file was submitted to it.
 */
function readableComments(actor: Actor, usageFileId: string, recordId?: number): SQL {
  const statuses = commentStatusesVisibleTo(actor);
  return and(
    eq(usageFileComments.usageFileId, usageFileId),
    recordId === undefined ? undefined : eq(usageFileComments.recordId, recordId),
    statuses === "all" ? undefined : inArray(usageFileComments.fileStatus, [...statuses]),
  )!;
}

/** A page of the conversation, oldest first, and how many comments it has in all. */
export async function listReadableComments(
  actor: Actor,
  usageFileId: string,
  { recordId, limit = 1000, offset = 0 }: { recordId?: number; limit?: number; offset?: number } = {},
): Promise<{ rows: UsageFileCommentView[]; total: number }> {
  const db = await getDb();
  const where = readableComments(actor, usageFileId, recordId);
  const [rows, [counted]] = await Promise.all([
    selectComments(db, where).orderBy(asc(usageFileComments.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(usageFileComments).where(where),
  ]);
  return { rows: rows.map(toView), total: counted?.n ?? 0 };
}

/** One comment just written, read in the writing transaction. */
export async function commentSnapshot(tx: Database, id: number): Promise<UsageFileCommentView> {
  const [row] = await selectComments(tx, eq(usageFileComments.id, id)).limit(1);
  if (!row) throw new Error(`Comment ${id} not found`);
  return toView(row);
}
