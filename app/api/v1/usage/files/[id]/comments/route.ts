import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { listUsageFileComments } from "@/lib/server/usage-comments/list-usage-file-comments";
import { postUsageFileComment } from "@/lib/server/usage-comments/post-usage-file-comment";

/** GET `?limit=&offset=`: the file's conversation, oldest first. */
export const GET = apiListRoute(usageFileEndpoints.comments, async ({ actor, params, query }) => {
  const listed = await listUsageFileComments(actor, params.id!, query);
  return listed.ok ? { ok: true, value: { ...listed.value, offset: query.offset } } : listed;
});

/** POST `{ "text": string }`: a comment on the whole file. */
export const POST = apiRoute(usageFileEndpoints.comment, ({ actor, params, body }) =>
  postUsageFileComment(actor, params.id!, body),
);
