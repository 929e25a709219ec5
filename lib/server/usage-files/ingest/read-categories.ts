import "server-only";
import type { SheetError } from "@/lib/domain/record-errors";
import { isStorableText } from "@/lib/domain/storable-text";
import { categoryColumns } from "@/lib/domain/usage-sheet";
import type { SheetRow, UsageWorkbook } from "@/lib/server/spreadsheet/reader";

export interface CategoryRow {
  categoryId: string;
  name: string;
  description: string;
}

export type CategoriesOutcome = { ok: true; categories: CategoryRow[] } | { ok: false; errors: SheetError[] };

/** The optional `categories` sheet (SPEC §4): the category_id values records may refer to. */
export async function readCategories(
  workbook: UsageWorkbook,
  sheetName: string | undefined,
): Promise<CategoriesOutcome> {
  if (!sheetName) return { ok: true, categories: [] };
  const categories: CategoryRow[] = [];
  let columns: number[] | null = null;
  for await (const batch of workbook.rows(sheetName)) {
    for (const row of batch) {
      if (!columns) {
        const header = row.values.map((value) => value.toLowerCase());
        columns = categoryColumns.map((name) => header.indexOf(name));
        if (columns[0] === -1) {
          return {
            ok: false,
            errors: [
              {
                code: "missing_column",
                message: `The categories sheet has no category_id column.`,
                row: row.rowNumber,
                column: "category_id",
              },
            ],
          };
        }
        continue;
      }
      const unstorable = unstorableCell(row, columns);
      if (unstorable) return { ok: false, errors: [unstorable] };
      const [idColumn, nameColumn, descriptionColumn] = columns as [number, number, number];
      const categoryId = row.values[idColumn] ?? "";
      if (categoryId === "") continue;
      categories.push({
        categoryId,
        name: row.values[nameColumn] ?? categoryId,
        description: row.values[descriptionColumn] ?? "",
      });
    }
  }
  return { ok: true, categories };
}

/** A category is stored as read, so a cell the database cannot store makes the sheet unusable. */
function unstorableCell(row: SheetRow, columns: readonly number[]): SheetError | null {
  const at = columns.findIndex((index) => !isStorableText(row.values[index] ?? ""));
  if (at === -1) return null;
  const column = categoryColumns[at]!;
  return {
    code: "invalid_character",
    message:
      `The categories sheet's ${column} on row ${row.rowNumber} has a character that cannot be stored ` +
      `(NUL or half of a surrogate pair); remove it.`,
    row: row.rowNumber,
    column,
  };
}
