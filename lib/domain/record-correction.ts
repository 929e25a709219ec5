import { z } from "zod";
import type { Result } from "./errors";
import { fail, ok } from "./errors";
import { cellFieldPrefix } from "./record-cell-fields";
import { mapRecordHeader } from "./record-header";
import { createRecordValidator, type CatalogIndex, type ValidatedRecord } from "./record-rules";
import { isStorableText } from "./storable-text";

/** Excel's limit on a cell's text, which the upload enforces too. */
const maxCellLength = 32_767;

/** A vendor's correction of one invalid record, cell by cell, as a form or the API sends it. */
export const recordCorrectionInput = z
  .object({
    usageFileId: z.string().min(1),
    recordId: z.coerce.number().int().positive(),
  })
  .catchall(
    z
      .string()
      .max(maxCellLength, "A cell holds at most 32,767 characters.")
      .refine(isStorableText, "A cell cannot hold a NUL character (U+0000) or half of a surrogate pair."),
  )
  .transform(({ usageFileId, recordId, ...fields }) => ({
    usageFileId,
    recordId,
    cells: Object.fromEntries(
      Object.entries(fields as Record<string, string>)
        .filter(([name]) => name.startsWith(cellFieldPrefix))
        .map(([name, value]) => [name.slice(cellFieldPrefix.length), value]),
    ),
  }));
export type RecordCorrectionInput = z.output<typeof recordCorrectionInput>;

export interface CorrectedCells {
  /** Every cell of the record after the edit, in the sheet's column order. */
  cells: Record<string, string>;
  /** Only the cells whose value the edit changed. */
  changed: Record<string, string>;
}

/** Applies edits to a record's cells; only the record's own columns can be edited. */
export function applyCellEdits(cells: Record<string, string>, edits: Record<string, string>): Result<CorrectedCells> {
  const unknown = Object.keys(edits).filter((column) => !(column in cells));
  if (unknown.length > 0)
    return fail("invalid_input", `The record has no column ${unknown.map((c) => `"${c}"`).join(", ")}.`);
  const changed = Object.fromEntries(Object.entries(edits).filter(([column, value]) => cells[column] !== value));
  return ok({ cells: { ...cells, ...changed }, changed });
}

/** Checks one record's cells by the same rules as a whole upload (SPEC §4). */
export function validateRecordCells(
  catalog: CatalogIndex,
  rowNumber: number,
  cells: Record<string, string>,
): ValidatedRecord {
  const header = mapRecordHeader(Object.keys(cells), catalog.schema);
  if (!header.ok) throw new Error(`Stored cells of row ${rowNumber} no longer form a records header`);
  return createRecordValidator(catalog, header.columns)(rowNumber, Object.values(cells));
}
