import type { UsageSchema } from "./catalog";
import { quoteValue, type SheetError } from "./record-errors";
import { isStorableText, storableText } from "./storable-text";
import {
  customParamPrefixes,
  processedErrorsColumn,
  recordColumns,
  requiredRecordColumns,
  type RecordColumn,
} from "./usage-sheet";

/**
 * Where each column sits in the records sheet, as 0-based cell indexes.
 * `index[column]` is -1 when the sheet has no such column.
 */
export interface RecordColumnMap {
  index: Readonly<Record<RecordColumn, number>>;
  params: readonly CustomParamColumn[];
}

/** A `v.*` or `p.*` column; its name is the header as written (trimmed), prefix included. */
export interface CustomParamColumn {
  name: string;
  index: number;
}

export type RecordHeaderMapping = { ok: true; columns: RecordColumnMap } | { ok: false; errors: SheetError[] };

const headerRowNumber = 1;
const knownColumns: ReadonlySet<string> = new Set(recordColumns);

/**
 * Maps the header row of a records sheet (SPEC §4). Names are trimmed and compared without regard
 * to case, so "Record_ID " is record_id. Empty header cells, and the processed spreadsheet's
 * errors column, are skipped: their column is not read.
 */
export function mapRecordHeader(headerValues: readonly string[], schema: UsageSchema): RecordHeaderMapping {
  const index = Object.fromEntries(recordColumns.map((column) => [column, -1])) as Record<RecordColumn, number>;
  const params: CustomParamColumn[] = [];
  const errors: SheetError[] = [];
  const firstIndexByName = new Map<string, number>();

  for (const [position, value] of headerValues.entries()) {
    const name = value.trim();
    if (name === "" || name.toLowerCase() === processedErrorsColumn) continue;
    if (!isStorableText(name)) {
      errors.push(unstorableColumn(name, position));
      continue;
    }
    const key = name.toLowerCase();
    const firstIndex = firstIndexByName.get(key);
    if (firstIndex !== undefined) {
      errors.push(duplicateColumn(name, firstIndex, position));
      continue;
    }
    firstIndexByName.set(key, position);
    if (isRecordColumn(key)) index[key] = position;
    else if (isCustomParam(key)) params.push({ name, index: position });
    else errors.push(unknownColumn(name, position));
  }

  for (const column of requiredRecordColumns(schema)) {
    if (index[column] === -1) errors.push(missingColumn(column, schema));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns: { index, params } };
}

/**
 * A row's cells by column name (records columns by their canonical name, custom ones as written),
 * in header order: what an invalid record keeps so that it can be corrected and checked again. A
 * character the database cannot store is kept as U+FFFD; the record's invalid_character error names it.
 */
export function cellsByColumn(values: readonly string[], columns: RecordColumnMap): Record<string, string> {
  const named: [number, string][] = [
    ...recordColumns.flatMap((column): [number, string][] =>
      columns.index[column] >= 0 ? [[columns.index[column], column]] : [],
    ),
    ...columns.params.map((param): [number, string] => [param.index, param.name]),
  ];
  named.sort(([a], [b]) => a - b);
  return Object.fromEntries(named.map(([index, name]) => [name, storableText(values[index] ?? "")]));
}

/** Stored cells in the template's column order, custom columns last (a JSON store may reorder keys). */
export function inSheetOrder(cells: Record<string, string>): [string, string][] {
  const rank = (column: string) => {
    const index = (recordColumns as readonly string[]).indexOf(column);
    return index === -1 ? recordColumns.length : index;
  };
  return Object.entries(cells).sort(([a], [b]) => rank(a) - rank(b));
}

function isRecordColumn(name: string): name is RecordColumn {
  return knownColumns.has(name);
}

function isCustomParam(name: string): boolean {
  return customParamPrefixes.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function duplicateColumn(name: string, firstIndex: number, index: number): SheetError {
  return {
    code: "duplicate_column",
    message: `Column ${quoteValue(name)} is in ${columnLetter(firstIndex)} and again in ${columnLetter(index)}.`,
    row: headerRowNumber,
    column: name,
  };
}

function unknownColumn(name: string, index: number): SheetError {
  return {
    code: "unknown_column",
    message:
      `Column ${columnLetter(index)}, ${quoteValue(name)}, is not a records column; ` +
      `custom columns must start with "v." or "p." followed by a name.`,
    row: headerRowNumber,
    column: name,
  };
}

/** A header the database could not store: a custom column's name is a key of the records' params. */
function unstorableColumn(name: string, index: number): SheetError {
  return {
    code: "invalid_character",
    message:
      `Column ${columnLetter(index)}, ${quoteValue(name)}, has a character in its header that cannot be stored ` +
      `(NUL or half of a surrogate pair); remove it.`,
    row: headerRowNumber,
    column: storableText(name),
  };
}

function missingColumn(column: RecordColumn, schema: UsageSchema): SheetError {
  return {
    code: "missing_column",
    message: `The records sheet has no ${column} column, which ${schema} products require.`,
    row: headerRowNumber,
    column,
  };
}
