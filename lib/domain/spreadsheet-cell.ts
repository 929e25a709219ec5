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
