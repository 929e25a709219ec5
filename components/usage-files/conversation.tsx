import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/form";
import { commentTextMax } from "@/lib/domain/usage-comments";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/lib/server/form-action";
import type { UsageFileCommentView } from "@/lib/server/queries/usage-file-comments";

/** Where the file's page shows its records filtered to one: the grid searches the vendor's record_id. */
function recordHref(filePath: string, recordRef: string): string {
  return `${filePath}?${new URLSearchParams({ q: recordRef })}#records`;
}

/**
 * The conversation on a usage file between its vendor and its distributor or reseller, oldest
 * first, and a form to add to it; a comment on a record links to the grid filtered to that record.
 * Without `post` (an admin), it is read only.
 */
export function Conversation({
  usageFileId,
  filePath,
  comments,
  post,
  hint,
}: {
  usageFileId: string;
  /** The file's page for the viewer, such as `/vendor/files/UF-…`. */
  filePath: string;
  comments: UsageFileCommentView[];
  post?: FormAction;
  hint: string;
}) {
  return (
    <Card title="Conversation">
      {comments.length === 0 ? (
        <p className="mb-4 text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ol aria-label="Comments" className="mb-4 space-y-3">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-slate-600">
                <span className="font-semibold text-slate-900">{comment.authorAccountName}</span>
                <span>{comment.authorName}</span>
                <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
                {comment.recordRef && (
                  <a
                    className="text-brand-700 underline"
                    href={recordHref(filePath, comment.recordRef)}
                    title={comment.recordId ?? undefined}
                  >
                    on record {comment.recordRef}
                  </a>
                )}
              </div>
              <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
      {post && (
        <ActionForm action={post} submitLabel="Post" className="space-y-3">
          <input type="hidden" name="usageFileId" value={usageFileId} />
          <ActionField name="text" label="Add a comment" hint={hint}>
            <TextArea name="text" rows={3} maxLength={commentTextMax} required />
          </ActionField>
        </ActionForm>
      )}
    </Card>
  );
}
