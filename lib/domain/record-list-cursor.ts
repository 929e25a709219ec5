import { z } from "zod";
import { sortToParam } from "@/lib/table-url";
import type { Sort } from "./table-query";
import { fitsSortColumn, usageRecordSortColumns, type UsageRecordSortColumn } from "./usage-record-query";

/**
 * A record's place in a list of records: its value in the sorted column (as text; null when empty)
 * and its id, and the file and generation it belongs to, which order a list across files by row.
 */
export interface RecordListPosition {
  usageFileId: string;
  generation: number;
  id: number;
  value: string | null;
}

/** What the API's `after` cursor holds: a position, and the order it is a position in. */
export interface RecordListCursor {
  orderBy: string;
  position: RecordListPosition;
}

// No NUL: PostgreSQL text cannot hold one.
const text = z
  .string()
  .max(1000)
  .regex(/^[^\0]*$/);

const cursorFields = z.tuple([
  z.string(),
  text,
  z.number().int().min(0).max(2_147_483_647),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  text.nullable(),
]);

function columnOf(orderBy: string): UsageRecordSortColumn | undefined {
  const column = orderBy.replace(/^-/, "");
  return usageRecordSortColumns.find((known) => known === column);
}

/**
 * The cursor of the page that follows `position` in `sort` order, as the API hands it out: opaque
 * (base64url of a JSON array), so that callers pass it back rather than build one.
 */
export function encodeRecordListCursor(sort: Sort<UsageRecordSortColumn>, position: RecordListPosition): string {
  const fields = [sortToParam(sort), position.usageFileId, position.generation, position.id, position.value];
  return toBase64Url(JSON.stringify(fields));
}

/** The cursor in `text`, or null when it is not one the API handed out. */
export function decodeRecordListCursor(text: string): RecordListCursor | null {
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(text));
  } catch {
    return null;
  }
  const fields = cursorFields.safeParse(json);
  if (!fields.success) return null;
  const [orderBy, usageFileId, generation, id, value] = fields.data;
  const column = columnOf(orderBy);
  if (!column || !fitsSortColumn(column, value)) return null;
  return { orderBy, position: { usageFileId, generation, id, value } };
}

function toBase64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join("");
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Throws on text that is not base64url or not UTF-8. */
function fromBase64Url(text: string): string {
  if (!/^[\w-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
