import "server-only";
import type { z } from "zod";
import { createSubscriptionInput, type CreateSubscriptionInput } from "@/lib/domain/admin-input";
import {
  readSubscriptionHeader,
  sheetColumnOf,
  subscriptionRowFields,
  type SheetRowError,
} from "@/lib/domain/admin-subscription-sheet";
import { fail, ok, type Failure, type Result } from "@/lib/domain/errors";
import { isAdmin, type Actor } from "@/lib/domain/permissions";
import { readSmallSheet } from "@/lib/server/spreadsheet/read-small-sheet";
import { describeBytes } from "@/lib/server/usage-files/upload-limits";
import { adminTransaction } from "./admin-transaction";
import { insertSubscriptions } from "./create-subscription";
import { SubscriptionReferences, type FieldProblems } from "./subscription-references";

/** An administrator's sheet, not a usage file: a few thousand subscriptions is plenty. */
const maxImportRows = 5000;
/** Room for `maxImportRows` rows of long parameters; an API upload is read into memory up to this. */
export const maxImportBytes = 5 * 1024 * 1024;

/** The sheet was read but some rows are wrong: nothing was imported, and each problem names its row. */
export interface RowsRefused extends Failure {
  rowErrors: SheetRowError[];
}

interface ParsedRow {
  row: number;
  input: CreateSubscriptionInput;
}

/**
 * Imports subscriptions from a CSV or XLSX sheet whose columns are the subscription form's fields:
 * every row is checked like the form, all are inserted in one transaction, and one bad row imports
 * nothing.
 */
export async function importSubscriptions(
  actor: Actor,
  file: File,
): Promise<Result<{ imported: number }> | RowsRefused> {
  // Refused before the upload is even read; adminTransaction checks again for the writing.
  if (!isAdmin(actor)) return fail("forbidden", "Only administrators can do this.");
  if (file.size > maxImportBytes)
    return fail("too_large", `The sheet is larger than the limit of ${describeBytes(maxImportBytes)}.`);
  const sheet = await readSmallSheet(file, maxImportRows);
  if (!sheet.ok) return sheet;
  const header = readSubscriptionHeader(sheet.value.header);
  if ("errors" in header) return refused(header.errors);
  if (sheet.value.rows.length === 0)
    return fail("validation_failed", "The sheet has no subscriptions below its header.");

  const parsed: ParsedRow[] = [];
  const errors: SheetRowError[] = [];
  for (const { rowNumber, values } of sheet.value.rows) {
    const result = createSubscriptionInput.safeParse(subscriptionRowFields(header.fields, values));
    if (result.success) parsed.push({ row: rowNumber, input: result.data });
    else errors.push(...issueErrors(rowNumber, result.error));
  }

  return adminTransaction(actor, async (tx): Promise<Result<{ imported: number }> | RowsRefused> => {
    const references = await SubscriptionReferences.load(
      tx,
      parsed.map((row) => row.input),
    );
    for (const { row, input } of parsed) errors.push(...problemErrors(row, references.check(input)));
    if (errors.length > 0) return refused(errors);
    const inserted = await insertSubscriptions(
      tx,
      actor,
      parsed.map((row) => row.input),
    );
    return ok({ imported: inserted.length });
  });
}

function refused(errors: SheetRowError[]): RowsRefused {
  const rowErrors = [...errors].sort((a, b) => a.row - b.row);
  const rows = new Set(rowErrors.map((error) => error.row)).size;
  return {
    ...fail("validation_failed", `Nothing was imported: ${rows === 1 ? "1 row has" : `${rows} rows have`} problems.`),
    rowErrors,
  };
}

function issueErrors(row: number, error: z.ZodError): SheetRowError[] {
  return error.issues.map((issue) => ({ row, column: sheetColumnOf(String(issue.path[0])), message: issue.message }));
}

function problemErrors(row: number, problems: FieldProblems): SheetRowError[] {
  return Object.entries(problems).map(([field, message]) => ({ row, column: sheetColumnOf(field), message }));
}
