/**
 * Form fields named `cell.<column>` carry the edited cells of one record. Kept apart from the
 * correction rules so that the browser's dialog does not load the record validator.
 */
export const cellFieldPrefix = "cell.";

export function cellFieldName(column: string): string {
  return `${cellFieldPrefix}${column}`;
}
