import "server-only";
import { detached } from "./detached-string";
import { formatCount, WorkbookError } from "./errors";
import type { CellProblem, CellProblemCode, SheetRow } from "./types";

const maxColumns = 16_384; // Excel's, up to column XFD

/** Collects one row's cells at a time, for the xlsx and the CSV readers alike. */
export class RowBuilder {
  private values: string[] = [];
  private problems: CellProblem[] | null = null;

  constructor(private readonly maxCellChars: number) {}

  /** Sets a cell from raw text: trimmed, cut to the cell limit, copied out of the chunk it was sliced from. */
  set(column: number, raw: string): void {
    const text = raw.trim();
    if (text.length > this.maxCellChars) this.tooLong(column, text.length);
    this.setPrepared(column, detached(text.length > this.maxCellChars ? text.slice(0, this.maxCellChars) : text));
  }

  /** Sets a cell from text already trimmed, cut and detached (shared strings are trimmed and cut as they load, and decoded into strings of their own). */
  setPrepared(column: number, value: string): void {
    if (value === "") return;
    if (column >= maxColumns) {
      throw new WorkbookError(
        "too_many_columns",
        `A row has a cell past column ${formatCount(maxColumns)} (XFD), the last one Excel has.`,
      );
    }
    while (this.values.length < column) this.values.push("");
    this.values[column] = value;
  }

  tooLong(column: number, length: number): void {
    this.addProblem(
      column,
      "cell_too_long",
      `The cell holds ${formatCount(length)} characters; a cell may hold at most ${formatCount(this.maxCellChars)}, so it was cut.`,
    );
  }

  addProblem(column: number, code: CellProblemCode, message: string): void {
    (this.problems ??= []).push({ column, code, message });
  }

  /** The row as built so far, undefined when it is blank; the builder then starts afresh. */
  finish(rowNumber: number): SheetRow | undefined {
    if (this.values.length === 0 && this.problems === null) return undefined;
    const row = { rowNumber, values: this.values, problems: this.problems };
    this.values = [];
    this.problems = null;
    return row;
  }
}
