import "server-only";

const r = 114;
const s = 115;
const t = 116;
const doubleQuote = 34;
const singleQuote = 39;

/**
 * Finds the `r`, `s` and `t` attributes of a `<row>` or `<c>` start tag, as positions of their values
 * in the text. One instance is reused from tag to tag: a million-row sheet has ten million cells,
 * and this spares an object and three strings for each.
 */
export class TagAttributes {
  rStart = -1;
  rEnd = -1;
  sStart = -1;
  sEnd = -1;
  tStart = -1;
  tEnd = -1;

  /** Reads the attributes of the tag whose attribute text is text[from, to). */
  read(text: string, from: number, to: number): void {
    this.rStart = this.sStart = this.tStart = -1;
    for (let equals = text.indexOf("=", from); equals >= 0 && equals < to; equals = text.indexOf("=", equals + 1)) {
      let quoteAt = equals + 1;
      while (isSpace(text.charCodeAt(quoteAt))) quoteAt += 1;
      const quote = text.charCodeAt(quoteAt);
      if (quote !== doubleQuote && quote !== singleQuote) return;
      const valueEnd = text.indexOf(quote === doubleQuote ? '"' : "'", quoteAt + 1);
      if (valueEnd < 0 || valueEnd > to) return;
      this.keep(singleLetterNameBefore(text, equals), quoteAt + 1, valueEnd);
      equals = valueEnd;
    }
  }

  private keep(name: number, start: number, end: number): void {
    if (name === r) {
      this.rStart = start;
      this.rEnd = end;
    } else if (name === s) {
      this.sStart = start;
      this.sEnd = end;
    } else if (name === t) {
      this.tStart = start;
      this.tEnd = end;
    }
  }
}

/** The character code of the attribute name ending before `=`, or 0 when that name is longer than one letter. */
function singleLetterNameBefore(text: string, equals: number): number {
  let last = equals - 1;
  while (isSpace(text.charCodeAt(last))) last -= 1;
  return isSpace(text.charCodeAt(last - 1)) ? text.charCodeAt(last) : 0;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The decimal digits of text[from, to) as a number; 0 when there are none. */
export function parseDigits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/** The 0-based column of a cell reference such as `AB12` in text[from, to); -1 when it has no letters. */
export function parseColumn(text: string, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const letter = (text.charCodeAt(i) | 32) - 96; // a → 1, case-insensitively
    if (letter < 1 || letter > 26) break;
    column = column * 26 + letter;
  }
  return column - 1;
}
