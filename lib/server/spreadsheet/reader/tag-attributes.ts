import "server-only";

const r = 114;
const s = 115;
const t = 116;
const doubleQuote = 34;
const singleQuote = 39;
const equals = 61;
const greaterThan = 62;
const slash = 47;

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

  /**
   * Reads the attributes of a start tag from just after its name; returns the index of the tag's
   * closing `>`, or -1 when the tag does not close before `limit`.
   */
  read(text: string, from: number, limit: number): number {
    this.rStart = this.sStart = this.tStart = -1;
    let at = from;
    for (;;) {
      while (isSpace(text.charCodeAt(at))) at += 1;
      const code = text.charCodeAt(at);
      if (code === greaterThan) return at < limit ? at : -1;
      if (code === slash) return text.charCodeAt(at + 1) === greaterThan && at + 1 < limit ? at + 1 : -1;
      const nameStart = at;
      while (at < limit && !isNameEnd(text.charCodeAt(at))) at += 1;
      const nameLength = at - nameStart;
      while (at < limit && text.charCodeAt(at) !== equals) at += 1;
      at += 1;
      while (isSpace(text.charCodeAt(at))) at += 1;
      const quote = text.charCodeAt(at);
      if (at >= limit || (quote !== doubleQuote && quote !== singleQuote)) return -1;
      const valueStart = at + 1;
      // Values here are a few characters long: stepping over them beats a call to indexOf.
      at = valueStart;
      while (at < limit && text.charCodeAt(at) !== quote) at += 1;
      if (at >= limit) return -1;
      if (nameLength === 1) this.keep(text.charCodeAt(nameStart), valueStart, at);
      at += 1;
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

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isNameEnd(code: number): boolean {
  return code === equals || code === greaterThan || code === slash || isSpace(code);
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
