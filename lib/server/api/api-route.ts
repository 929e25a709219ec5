import "server-only";
import type { z } from "zod";
import { ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getRequestActor } from "@/lib/server/actor";
import type { Endpoint, EndpointReply } from "./endpoint";
import { parseJsonBody, parseQuery } from "./request-input";
import { failureResponse, jsonResponse } from "./responses";

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface ApiInput<Query, Body> {
  actor: Actor;
  params: Record<string, string>;
  query: Parsed<Query>;
  body: Parsed<Body>;
}

type RouteContext = { params: Promise<Record<string, string>> };

/** One page of a list, and where it starts among all `total` matches (null when they were too many to count). */
export interface ListPage<Row> {
  rows: Row[];
  total: number | null;
  offset: number;
}

async function parseInput<Query extends z.ZodType | undefined, Body extends z.ZodType | undefined>(
  spec: Endpoint<Query, Body, EndpointReply>,
  request: Request,
  context: RouteContext,
): Promise<Result<ApiInput<Query, Body>>> {
  const actor = await getRequestActor();
  if (!actor.ok) return actor;
  const query = spec.query ? parseQuery(request, spec.query) : ok(undefined);
  if (!query.ok) return query;
  const body = spec.body ? await parseJsonBody(request, spec.body) : ok(undefined);
  if (!body.ok) return body;
  const params = (await context.params) ?? {};
  return ok({ actor: actor.value, params, query: query.value as Parsed<Query>, body: body.value as Parsed<Body> });
}

const statusOfReply = { object: 200, created: 201, accepted: 202 } as const;

/** The route of a JSON endpoint: the actor, its input as the endpoint's schemas read it, one use case, its answer. */
export function apiRoute<Query extends z.ZodType | undefined, Body extends z.ZodType | undefined, T>(
  spec: Endpoint<Query, Body, keyof typeof statusOfReply>,
  run: (input: ApiInput<Query, Body>) => Promise<Result<T>>,
) {
  return async (request: Request, context: RouteContext) => {
    const input = await parseInput(spec, request, context);
    const result = input.ok ? await run(input.value) : input;
    return result.ok ? jsonResponse(result.value, { status: statusOfReply[spec.reply] }) : failureResponse(result);
  };
}

/** The route of a list endpoint: like `apiRoute`, answering one page with its place in a `Content-Range` header. */
export function apiListRoute<Query extends z.ZodType | undefined, Row>(
  spec: Endpoint<Query, undefined, "list">,
  run: (input: ApiInput<Query, undefined>) => Promise<Result<ListPage<Row>>>,
) {
  return async (request: Request, context: RouteContext) => {
    const input = await parseInput(spec, request, context);
    const result = input.ok ? await run(input.value) : input;
    return result.ok ? listResponse(result.value) : failureResponse(result);
  };
}

/** `Content-Range: items 0-99/1234`; `*` for the range of a page past the end, and for a total not counted. */
function listResponse({ rows, total, offset }: ListPage<unknown>): Response {
  const range = rows.length > 0 ? `${offset}-${offset + rows.length - 1}` : "*";
  return jsonResponse(rows, { headers: { "content-range": `items ${range}/${total ?? "*"}` } });
}
