import "server-only";
import { formatCount, WorkbookError } from "./errors";
import type { SheetRow } from "./types";

/** Gathers rows into batches of one size, and stops a sheet that has more rows than allowed. */
export class RowBatcher {
  private batch: SheetRow[] = [];
  private full: SheetRow[][] = [];
  private rowCount = 0;

  constructor(
    private readonly sheetName: string,
    private readonly batchSize: number,
    private readonly maxRows: number,
  ) {}

  readonly add = (row: SheetRow): void => {
    this.rowCount += 1;
    // The first row is the header, which maxRows does not count.
    if (this.rowCount > this.maxRows + 1) {
      throw new WorkbookError(
        "too_many_rows",
        `The ${this.sheetName} sheet has more than ${formatCount(this.maxRows)} rows, the most a usage file may have.`,
      );
    }
    this.batch.push(row);
    if (this.batch.length >= this.batchSize) {
      this.full.push(this.batch);
      this.batch = [];
    }
  };

  /** The batches filled since the last call. */
  takeFull(): SheetRow[][] {
    const full = this.full;
    this.full = [];
    return full;
  }

  /** Everything left, the last batch possibly short: for the end of the sheet. */
  takeRest(): SheetRow[][] {
    const rest = this.takeFull();
    if (this.batch.length > 0) rest.push(this.batch);
    this.batch = [];
    return rest;
  }
}
