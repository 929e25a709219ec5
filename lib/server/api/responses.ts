import "server-only";
import { PassThrough, Readable } from "node:stream";
import { NextResponse } from "next/server";
import { httpStatusOf, type Failure } from "@/lib/domain/errors";
import type { SpreadsheetDownload } from "@/lib/server/usage-files/usage-file-spreadsheets";
import { toWire } from "@/lib/server/api/wire-names";

/** An answer of the API: the value as JSON, its field names in snake_case. */
export function jsonResponse(value: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(toWire(value), init);
}

/** The API's error shape: a stable code and human messages (SPEC §6). */
export function failureResponse(failure: Failure): NextResponse {
  const errors = [failure.message, ...Object.values(failure.fields ?? {})];
  return NextResponse.json({ error_code: failure.code.toUpperCase(), errors }, { status: httpStatusOf[failure.code] });
}

/** Streams a spreadsheet to the client as an attachment, written while it is sent. */
export function spreadsheetResponse(download: SpreadsheetDownload): Response {
  const body = new PassThrough();
  download
    .write(body)
    .catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.fileName.replace(/["\\\r\n]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
