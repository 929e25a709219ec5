import "server-only";

// Built-in formats that show dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the
// East Asian locales (ECMA-376 Part 1, 18.8.30).
const builtInDateFormatIds = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Everything in a format code that is shown as-is: "quoted text", [colours and locales], \x, and _x or *x padding. */
const literalParts = /"[^"]*"|\[[^\]]*\]|\\.|[_*]./g;
const dateTimeTokens = /[ymdhs]/i;

/** Whether a cell with this number format shows a date or time. `formatCode` is the workbook's own, if any. */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return builtInDateFormatIds.has(numFmtId);
  return dateTimeTokens.test(formatCode.replace(literalParts, ""));
}
