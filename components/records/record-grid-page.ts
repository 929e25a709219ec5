import { correctionInputOf, pickerValueOf, type CorrectionInput } from "@/lib/domain/correction-choices";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { amendmentRoleLabels, type AmendmentRole } from "@/lib/domain/usage-amendments";
import { cellFieldName } from "@/lib/domain/record-cell-fields";
import { inSheetOrder } from "@/lib/domain/record-header";
import { pageSizes, type Sort } from "@/lib/domain/table-query";
import type { UsageRecordListQuery, UsageRecordSortColumn } from "@/lib/domain/usage-record-query";
import type { UsageRecordPage, UsageRecordView } from "@/lib/server/queries/usage-records";

/** A cell of an invalid record as the correction form edits it: its column, form field, value and control. */
export interface SheetCellField {
  column: string;
  field: string;
  value: string;
  input: CorrectionInput;
  /** For a time: the value as the date-time picker shows it ("" when the cell holds no time). */
  pickerValue?: string;
}

function cellField(column: string, value: string): SheetCellField {
  const input = correctionInputOf(column);
  const field = { column, field: cellFieldName(column), value, input };
  return input === "time" ? { ...field, pickerValue: pickerValueOf(value) } : field;
}

/** A record as the grid shows it, built on the server: its public id, and its cells in sheet order. */
export interface RecordGridRow extends Omit<UsageRecordView, "sheetCells"> {
  publicId: string;
  /** The cells as read from the sheet, only for the file's vendor (to correct an invalid record). */
  cells: SheetCellField[] | null;
  /** In an amendment: what the record does to the billed ones ("Replaces UR-12"). */
  amendmentNote: string | null;
}

/** One page of the record grid: the rows, where they start, the neighbouring pages and the state it was asked in. */
export interface RecordGridPage extends Omit<UsageRecordPage, "rows"> {
  rows: RecordGridRow[];
  sort: Sort<UsageRecordSortColumn>;
  size: number;
  sizes: readonly number[];
}

function amendmentNoteOf(role: AmendmentRole, amendsRecordId: number | null): string {
  return amendsRecordId === null
    ? `${amendmentRoleLabels[role]} a record`
    : `${amendmentRoleLabels[role]} ${usageRecordPublicId(amendsRecordId)}`;
}

function gridRow({ sheetCells, ...record }: UsageRecordView): RecordGridRow {
  return {
    ...record,
    publicId: usageRecordPublicId(record.id),
    amendmentNote: record.amendment && amendmentNoteOf(record.amendment, record.amendsRecordId),
    cells: sheetCells ? inSheetOrder(sheetCells).map(([column, value]) => cellField(column, value)) : null,
  };
}

export function recordGridPage(page: UsageRecordPage, query: UsageRecordListQuery): RecordGridPage {
  return { ...page, rows: page.rows.map(gridRow), sort: query.sort, size: query.size, sizes: pageSizes };
}
