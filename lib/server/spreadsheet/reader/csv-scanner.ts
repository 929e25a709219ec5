import "server-only";
import { maxElementChars } from "./xml-elements";

const quote = 34;
const lineFeed = 10;

/**
 * Splits CSV text into records, chunk by chunk, reading it as Excel does: CRLF or LF line ends
 * (a CR left at a field's end is trimmed with the rest of its whitespace), a quote opens a quoted
 * field only at the start of the field, `""` inside one is a quote, and text after a closing quote
 * is kept. Lines without any quote, nearly all of them, are cut with `split`.
 */
export class CsvScanner {
  private pending = "";
  private readonly delimiterCode: number;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (fields: string[]) => void,
    private readonly tooLarge: () => Error,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  feed(chunk: string): void {
    const text = this.pending + chunk;
    this.pending = text.slice(this.readRecords(text, false));
    if (this.pending.length > maxElementChars) throw this.tooLarge();
  }

  /** Reads the last record, which needs no line end. */
  end(): void {
    this.readRecords(this.pending, true);
    this.pending = "";
  }

  /** Hands over every complete record in the text; returns where the unfinished rest begins. */
  private readRecords(text: string, atEnd: boolean): number {
    let position = 0;
    while (position < text.length) {
      const lineEnd = text.indexOf("\n", position);
      if (lineEnd < 0 && !atEnd) return position;
      const line = text.slice(position, lineEnd < 0 ? text.length : lineEnd);
      if (line.indexOf('"') < 0) {
        this.onRecord(line.split(this.delimiter));
        position += line.length + 1;
      } else {
        const next = this.readQuotedRecord(text, position, atEnd);
        if (next < 0) return position;
        position = next;
      }
    }
    return position;
  }

  /** Reads a record that has a quote somewhere; returns where the next record starts, or -1 when it is unfinished. */
  private readQuotedRecord(text: string, start: number, atEnd: boolean): number {
    const fields: string[] = [];
    let position = start;
    for (;;) {
      let field = "";
      if (text.charCodeAt(position) === quote) {
        const quoted = readQuotedField(text, position + 1, atEnd);
        if (quoted === undefined) return -1;
        field = quoted.value;
        position = quoted.end;
      }
      const stop = this.fieldEnd(text, position);
      fields.push(field + text.slice(position, stop));
      if (stop === text.length && !atEnd) return -1;
      if (stop === text.length || text.charCodeAt(stop) === lineFeed) {
        this.onRecord(fields);
        return stop + 1;
      }
      position = stop + 1;
    }
  }

  /** Where the unquoted part of a field ends: at the delimiter, the line end or the end of the text. */
  private fieldEnd(text: string, from: number): number {
    let position = from;
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === this.delimiterCode || code === lineFeed) break;
      position += 1;
    }
    return position;
  }
}

/** Reads a quoted field's text from just past its opening quote; undefined when the text may go on in the next chunk. */
function readQuotedField(text: string, from: number, atEnd: boolean): { value: string; end: number } | undefined {
  let value = "";
  let position = from;
  for (;;) {
    const close = text.indexOf('"', position);
    if (close < 0) return atEnd ? { value: value + text.slice(position), end: text.length } : undefined;
    value += text.slice(position, close);
    if (close + 1 === text.length && !atEnd) return undefined; // a second quote, making "", may come next
    if (text.charCodeAt(close + 1) !== quote) return { value, end: close + 1 };
    value += '"';
    position = close + 2;
  }
}
