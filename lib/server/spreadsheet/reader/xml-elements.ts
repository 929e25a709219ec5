import "server-only";

export interface ElementHandler {
  /** Called once, before any element, with the root element's namespace prefix: "" or e.g. "x:". */
  root(prefix: string): void;
  /**
   * One complete element: its start tag is text[start, contentStart), its content
   * text[contentStart, contentEnd) (empty for a self-closing `<name/>`).
   */
  element(text: string, start: number, contentStart: number, contentEnd: number): void;
}

/** Elements bigger than this are refused rather than buffered: no row or string of a usage file comes near. */
export const maxElementChars = 32 * 1024 * 1024;

const slash = 47;
const rootTag = /<([A-Za-z_][\w.-]*)[\s/>]/;

/**
 * Cuts a stream of XML text into the complete elements of one name (`<row …>…</row>`), carrying an
 * unfinished element over to the next chunk. The elements must not nest, as rows and string
 * items do not; whatever lies between them is skipped unread.
 */
export class ElementSplitter {
  private pending = "";
  private open = "";
  private close = "";

  constructor(
    private readonly localName: string,
    private readonly handler: ElementHandler,
    private readonly tooLarge: () => Error,
  ) {}

  feed(chunk: string): void {
    const text = this.pending + chunk;
    const rest = this.open || this.findRoot(text) ? this.splitElements(text) : 0;
    this.pending = text.slice(rest);
    if (this.pending.length > maxElementChars) throw this.tooLarge();
  }

  private findRoot(text: string): boolean {
    const name = rootTag.exec(text)?.[1];
    if (name === undefined) return false;
    const prefix = name.slice(0, name.indexOf(":") + 1);
    this.open = `<${prefix}${this.localName}`;
    this.close = `</${prefix}${this.localName}>`;
    this.handler.root(prefix);
    return true;
  }

  /** Hands over every complete element in the text; returns where the unfinished rest begins. */
  private splitElements(text: string): number {
    const { open, close } = this;
    let position = 0;
    for (;;) {
      const start = text.indexOf(open, position);
      if (start < 0) return Math.max(position, text.length - open.length + 1);
      const tagEnd = text.indexOf(">", start);
      if (tagEnd < 0) return start;
      if (!endsName(text.charCodeAt(start + open.length))) {
        position = start + open.length;
      } else if (text.charCodeAt(tagEnd - 1) === slash) {
        this.handler.element(text, start, tagEnd + 1, tagEnd + 1);
        position = tagEnd + 1;
      } else {
        const end = text.indexOf(close, tagEnd);
        if (end < 0) return start;
        this.handler.element(text, start, tagEnd + 1, end);
        position = end + close.length;
      }
    }
  }
}

/** Whether the character after `<row` ends the name, so that `<rowBreaks>` is not taken for a row. */
export function endsName(code: number): boolean {
  return code === 62 /* > */ || code === slash || code === 32 || code === 9 || code === 10 || code === 13;
}
