import "server-only";
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getRequestActor } from "@/lib/server/actor";
import type { SpreadsheetDownload } from "@/lib/server/usage-files/usage-file-spreadsheets";
import type { Endpoint, EndpointReply } from "./endpoint";
import { parseJsonBody, parseQuery } from "./request-input";
import { multipartFile, type MultipartFile } from "./multipart";
import { failureResponse, jsonResponse, spreadsheetResponse } from "./responses";

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface ApiInput<Query, Body> {
  actor: Actor;
  params: Record<string, string>;
  query: Parsed<Query>;
  body: Parsed<Body>;
  request: Request;
}

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * One page of a list, where it starts among all `total` matches (null when they were too many to
 * count; `offset` null when the page was asked for by cursor), and the cursor of the next page when
 * the list pages by cursor and more follow.
 */
export interface ListPage<Row> {
  rows: Row[];
  total: number | null;
  offset: number | null;
  next?: string | null;
}

/** The caller: holding a valid key, and of a role the endpoint serves (else 403, before reading any input). */
async function callerOf(spec: Endpoint): Promise<Result<Actor>> {
  const actor = await getRequestActor();
  if (!actor.ok || spec.roles.includes(actor.value.role)) return actor;
  return fail("forbidden", `This endpoint is for ${spec.roles.join(" and ")} users.`);
}

async function parseInput<Query extends z.ZodType | undefined, Body extends z.ZodType | undefined>(
  spec: Endpoint<Query, Body, EndpointReply>,
  request: Request,
  context: RouteContext,
): Promise<Result<ApiInput<Query, Body>>> {
  const actor = await callerOf(spec);
  if (!actor.ok) return actor;
  const query = parseQuery(request, spec.query);
  if (!query.ok) return query;
  const body = spec.body ? await parseJsonBody(request, spec.body) : ok(undefined);
  if (!body.ok) return body;
  const params = (await context.params) ?? {};
  return ok({
    actor: actor.value,
    params,
    query: query.value as Parsed<Query>,
    body: body.value as Parsed<Body>,
    request,
  });
}

/** Every endpoint's route: the caller and the input checked in one place, then one use case and its answer. */
function route<Query extends z.ZodType | undefined, Body extends z.ZodType | undefined, T>(
  spec: Endpoint<Query, Body, EndpointReply>,
  run: (input: ApiInput<Query, Body>) => Promise<Result<T>>,
  respond: (value: T, request: Request) => Response,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const input = await parseInput(spec, request, context);
    const result = input.ok ? await run(input.value) : input;
    return result.ok ? respond(result.value, request) : failureResponse(result);
  };
}

const statusOfReply = { object: 200, created: 201, accepted: 202 } as const;

/** The route of a JSON endpoint: the use case's value, written through the endpoint's answer schema. */
export function apiRoute<
  Query extends z.ZodType | undefined,
  Body extends z.ZodType | undefined,
  Answer extends z.ZodType,
>(
  spec: Endpoint<Query, Body, keyof typeof statusOfReply, Answer>,
  run: (input: ApiInput<Query, Body>) => Promise<Result<z.input<Answer>>>,
) {
  return route(spec, run, (value) => jsonResponse(spec.answer.parse(value), { status: statusOfReply[spec.reply] }));
}

/** The route of a list endpoint: one page, each row written through the answer schema, with its place among all matches. */
export function apiListRoute<Query extends z.ZodType | undefined, Answer extends z.ZodType>(
  spec: Endpoint<Query, undefined, "list", Answer>,
  run: (input: ApiInput<Query, undefined>) => Promise<Result<ListPage<z.input<Answer>>>>,
) {
  return route(spec, run, (page, request) =>
    listResponse({ ...page, rows: page.rows.map((row) => spec.answer.parse(row)) }, request),
  );
}

/** The route of a download: the spreadsheet, streamed while it is written. */
export function apiDownloadRoute<Query extends z.ZodType | undefined>(
  spec: Endpoint<Query, undefined, "spreadsheet">,
  find: (input: ApiInput<Query, undefined>) => Promise<Result<SpreadsheetDownload>>,
) {
  return route(spec, find, spreadsheetResponse);
}

/** The route of an upload: the file of the endpoint's multipart field, streamed to the use case. */
export function apiUploadRoute<Answer extends z.ZodType>(
  spec: Endpoint<undefined, undefined, keyof typeof statusOfReply, Answer>,
  run: (input: ApiInput<undefined, undefined>, upload: MultipartFile) => Promise<Result<z.input<Answer>>>,
) {
  const field = spec.upload;
  if (!field) throw new Error(`${spec.path} declares no multipart field.`);
  return apiRoute(spec, async (input) => {
    const upload = await multipartFile(input.request, field);
    return upload ? run(input, upload) : fail("invalid_input", `Send the file as multipart field ${field}.`);
  });
}

/**
 * `Content-Range: items 0-99/1234`, `*` for the range of a page past the end or asked for by cursor,
 * and for a total not counted; `Link: <…&after=…>; rel="next"` when a next page follows, the same
 * request with the next page's cursor instead of an offset (a reference relative to the host).
 */
function listResponse({ rows, total, offset, next }: ListPage<unknown>, request: Request): Response {
  const range = rows.length > 0 && offset !== null ? `${offset}-${offset + rows.length - 1}` : "*";
  const headers = new Headers({ "content-range": `items ${range}/${total ?? "*"}` });
  if (next) headers.set("link", `<${nextPageReference(request, next)}>; rel="next"`);
  return jsonResponse(rows, { headers });
}

function nextPageReference(request: Request, cursor: string): string {
  const url = new URL(request.url);
  url.searchParams.delete("offset");
  url.searchParams.set("after", cursor);
  return `${url.pathname}${url.search}`;
}
