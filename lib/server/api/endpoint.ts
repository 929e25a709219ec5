import type { z } from "zod";
import type { UserRole } from "@/lib/domain/catalog";

/** What an endpoint answers with: the object, a page of objects, a new object, a queued job, or a file. */
export type EndpointReply = "object" | "list" | "created" | "accepted" | "spreadsheet";

interface EndpointBase<Reply extends EndpointReply> {
  method: "get" | "post" | "put" | "delete";
  /** Under /api/v1, with path parameters in braces: `/usage/files/{id}`. */
  path: string;
  summary: string;
  /** The roles that may call it; others are refused (403) or see nothing of others (404). */
  roles: readonly UserRole[];
  /** The multipart field carrying an uploaded spreadsheet. */
  upload?: string;
  reply: Reply;
}

/**
 * One endpoint of the public API, as its route handler parses it and as the OpenAPI document and
 * the reference page describe it: its query and body schemas, when it takes them, and the schema
 * of what it answers (of each row, for a list), unless it answers with a spreadsheet.
 */
export type Endpoint<
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Reply extends EndpointReply = EndpointReply,
  Answer extends z.ZodType | undefined = z.ZodType | undefined,
> = EndpointBase<Reply> &
  (Query extends z.ZodType ? { query: Query } : { query?: undefined }) &
  (Body extends z.ZodType ? { body: Body } : { body?: undefined }) &
  (Reply extends "spreadsheet" ? { answer?: undefined } : { answer: Answer });

export function endpoint<
  Reply extends EndpointReply,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Answer extends z.ZodType | undefined = undefined,
>(spec: Endpoint<Query, Body, Reply, Answer>): Endpoint<Query, Body, Reply, Answer> {
  return spec;
}
