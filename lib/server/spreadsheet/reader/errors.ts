import "server-only";

export type WorkbookErrorCode =
  | "not_a_spreadsheet"
  | "not_utf8"
  | "truncated_or_corrupt"
  | "entry_too_large"
  | "encrypted"
  | "legacy_xls"
  | "ods"
  | "doctype_refused"
  | "too_many_rows"
  | "row_too_large"
  | "too_many_columns"
  | "shared_strings_too_large"
  | "missing_sheet";

/** A workbook that cannot be read, with a message meant for the person who uploaded it. */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";

  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function corrupt(detail: string, cause?: unknown): WorkbookError {
  return new WorkbookError("truncated_or_corrupt", `The file is damaged or incomplete: ${detail}.`, { cause });
}

/**
 * Failures of the zip, inflate and scanning layers become "corrupt file" errors; failures of the server's own
 * storage (they carry a `syscall`) pass through unchanged, as they are not the uploader's doing.
 */
export function asWorkbookFailure(error: unknown): unknown {
  if (error instanceof WorkbookError) return error;
  if (error instanceof Error && "syscall" in error) return error;
  return corrupt("it could not be read", error);
}

export function missingSheet(sheetName: string, sheetNames: readonly string[]): WorkbookError {
  const present =
    sheetNames.length === 0 ? "it has none" : `it has ${sheetNames.map((name) => `"${name}"`).join(", ")}`;
  return new WorkbookError("missing_sheet", `The workbook has no sheet named "${sheetName}" (${present}).`);
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatCount(Math.round(value * 10) / 10)} ${units[unit]}`;
}
