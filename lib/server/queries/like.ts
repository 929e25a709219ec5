/** A user's search text as a literal inside a LIKE pattern: its own % and _ match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
