import "server-only";
import type { SheetError } from "@/lib/domain/record-errors";
import { categoryColumns } from "@/lib/domain/usage-sheet";
import type { UsageWorkbook } from "@/lib/server/spreadsheet/reader";

export interface CategoryRow {
  categoryId: string;
  name: string;
  description: string;
}

export type CategoriesOutcome = { ok: true; categories: CategoryRow[] } | { ok: false; errors: SheetError[] };

/** The optional `categories` sheet (SPEC §4): the category_id values records may refer to. */
export async function readCategories(workbook: UsageWorkbook, sheetName: string | undefined): Promise<CategoriesOutcome> {
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
