import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { listUsageFileComments } from "@/lib/server/usage-comments/list-usage-file-comments";
import { postUsageFileComment } from "@/lib/server/usage-comments/post-usage-file-comment";

/** GET `?limit=&offset=`: the comments on one record (`UR-…`) of the file, oldest first. */
export const GET = apiListRoute(usageFileEndpoints.recordComments, async ({ actor, params, query }) => {
  const listed = await listUsageFileComments(actor, params.id!, { ...query, recordId: params.recordId! });
  return listed.ok ? { ok: true, value: { ...listed.value, offset: query.offset } } : listed;
});

/** POST `{ "text": string }`: a comment on the record. */
export const POST = apiRoute(usageFileEndpoints.commentRecord, ({ actor, params, body }) =>
  postUsageFileComment(actor, params.id!, { ...body, recordId: params.recordId! }),
);
