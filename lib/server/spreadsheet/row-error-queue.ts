import "server-only";

export interface CellError {
  /** The header name (e.g. `quantity`), or null for an error about the whole row. */
  column: string | null;
  message: string;
}

export interface RowErrors {
  /** The row number as Excel shows it, header row = 1; for a CSV, the record number, header = 1. */
  rowNumber: number;
  cells: CellError[];
  /** Values the vendor corrected in the browser, by header name: written over the uploaded ones. */
  corrections?: Record<string, string>;
}

/** Hands out row errors, sorted by row number, as the rows they belong to go by. */
export class RowErrorQueue {
  private readonly iterator: AsyncIterator<RowErrors> | Iterator<RowErrors>;
  private head: RowErrors | undefined;
  private exhausted = false;
  private lastRowNumber = 0;

  constructor(errors: AsyncIterable<RowErrors> | Iterable<RowErrors>) {
    this.iterator = Symbol.asyncIterator in errors ? errors[Symbol.asyncIterator]() : errors[Symbol.iterator]();
  }

  /** The errors of every row up to `rowNumber` not taken yet, one entry per row, in row order. */
  async takeThrough(rowNumber: number): Promise<RowErrors[]> {
    const due: RowErrors[] = [];
    for (let next = await this.peek(); next && next.rowNumber <= rowNumber; next = await this.peek()) {
      this.head = undefined;
      const last = due.at(-1);
      if (last?.rowNumber === next.rowNumber) due[due.length - 1] = mergedRow(last, next);
      else due.push(next);
    }
    return due;
  }

  takeRest(): Promise<RowErrors[]> {
    return this.takeThrough(Number.POSITIVE_INFINITY);
  }

  private async peek(): Promise<RowErrors | undefined> {
    if (this.head || this.exhausted) return this.head;
    const next = await this.iterator.next();
    if (next.done) {
      this.exhausted = true;
      return undefined;
    }
    if (next.value.rowNumber < this.lastRowNumber) {
      throw new Error(`row errors out of order: row ${next.value.rowNumber} after row ${this.lastRowNumber}`);
    }
    this.lastRowNumber = next.value.rowNumber;
    this.head = next.value;
    return this.head;
  }
}

function mergedRow(first: RowErrors, second: RowErrors): RowErrors {
  const merged: RowErrors = { ...first, cells: [...first.cells, ...second.cells] };
  if (first.corrections || second.corrections) merged.corrections = { ...first.corrections, ...second.corrections };
  return merged;
}
