/**
 * PostgreSQL stores no NUL (U+0000) in text or jsonb, and no half of a UTF-16 surrogate pair in
 * jsonb; a spreadsheet cell can hold either (a CSV's raw byte, Excel's `_x0000_` or `_xD800_`).
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\0") && text.isWellFormed();
}

/** The text with each character that cannot be stored replaced by U+FFFD, the replacement character. */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.toWellFormed().replaceAll("\0", "\uFFFD");
}

const unstorableCharacter = /[\0\uD800-\uDFFF]/u;

/** The first character of `text` that cannot be stored, as U+XXXX; null when there is none. */
export function firstUnstorableCharacter(text: string): string | null {
  const found = unstorableCharacter.exec(text)?.[0];
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
