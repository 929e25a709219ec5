/**
 * Text that a spreadsheet program would run as a formula when the export is opened (CSV injection):
 * a leading `=`, `+`, `-` or `@`, and the tab or carriage return some programs skip before one.
 * Written so that JavaScript and PostgreSQL read the pattern alike: exports escape in SQL.
 */
export const formulaStartPattern = "^[=+@\\t\\r-]";
const formulaStart = new RegExp(formulaStartPattern);

/** A cell read back from an export (a reconciliation sheet): the escaping apostrophe comes off again. */
export function restoreEscapedText(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}

/** The most significant digits a spreadsheet number (an IEEE double) holds exactly, as Excel shows them. */
export const spreadsheetSignificantDigits = 15;

/**
 * Exact decimal text (canonical, as PostgreSQL's `numeric` prints it) as a spreadsheet number, or
 * null when it has more significant digits than a double holds exactly: such a value must stay
 * text, or the sheet would bill a rounded amount. Up to 15 digits, the double read back rounds to
 * the same decimal, which is what Excel shows and sums.
 */
export function spreadsheetNumber(decimal: string): number | null {
  const digits = decimal.replace(/^-/, "").replace(".", "");
  const significant = digits.replace(/^0+/, "").replace(/0+$/, "");
  if (significant.length > spreadsheetSignificantDigits) return null;
  return Number(decimal);
}
