import "server-only";
import type ExcelJS from "exceljs";
import { sheetDateTimeFormat } from "@/lib/domain/usage-sheet";

export const headerFont: Partial<ExcelJS.Font> = { bold: true };

export const frozenHeaderRow: Partial<ExcelJS.WorksheetView> = { state: "frozen", ySplit: 1 };

export const dateTimeStyle: Partial<ExcelJS.Style> = { numFmt: sheetDateTimeFormat };

// Excel's built-in "Bad" cell colours: vendors read them as "fix this" without a legend.
const invalidFill: ExcelJS.FillPattern = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFFC7CE" },
};
const invalidFontColor = "FF9C0006";

/** The cell's own style (number format, borders, …) with the invalid-cell colours on top. */
export function markedInvalid(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return { ...style, fill: invalidFill, font: { ...style.font, color: { argb: invalidFontColor } } };
}

/**
 * The style without the invalid-cell colours: a re-uploaded processed copy still carries them
 * on cells the vendor has since fixed, and those must not look invalid in the next copy.
 */
export function withoutInvalidMark(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  if (!isInvalidFill(style.fill)) return style;
  const unmarked = { ...style };
  delete unmarked.fill;
  if (style.font?.color?.argb === invalidFontColor) unmarked.font = { ...style.font, color: undefined };
  return unmarked;
}

function isInvalidFill(fill: ExcelJS.Fill | undefined): boolean {
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb === invalidFill.fgColor?.argb;
}
