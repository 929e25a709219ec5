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
const rootTag = /<([A-Za-z_][\w.:-]*)[\s/>]/;

/**
 * Cuts a stream of XML text into the complete elements of one name (`<row …>…</row>`), carrying an
 * unfinished element over to the next chunk. The elements must not nest, as rows and string
 * items do not; whatever lies between them is skipped unread.
 */
export class ElementSplitter {
  private pending = "";
  // Chunks that cannot finish the unfinished element in `pending` are held apart and glued to it
  // once one can: searching the whole element again with each chunk makes a big one quadratic.
  private held: string[] = [];
  private heldChars = 0;
  /** The last characters held, where an end tag cut by a chunk boundary begins. */
  private heldTail = "";
  private startTagEnded = false;
  private open = "";
  private close = "";

  constructor(
    private readonly localName: string,
    private readonly handler: ElementHandler,
    private readonly errors: { tooLarge(): Error; cutShort(): Error },
  ) {}

  feed(chunk: string): void {
    if (this.open && this.pending.startsWith(this.open)) this.continueElement(chunk);
    else this.readText(this.pending + chunk, 0);
  }

  private continueElement(chunk: string): void {
    if (!this.startTagEnded) {
      if (chunk.indexOf(">") < 0) return this.hold(chunk);
      return this.readText(this.takeHeld() + chunk, 0);
    }
    const headEnd = this.closeEnd(chunk);
    if (headEnd < 0) return this.hold(chunk);
    // Only the head is glued to the element, and the rest is read where it lies: gluing whole
    // chunks together would copy the whole part.
    this.splitElements(this.takeHeld() + chunk.slice(0, headEnd), 0);
    this.readText(chunk, headEnd);
  }

  /** Where the first end tag ends in the chunk, one begun at the end of the text before it included; -1 if none. */
  private closeEnd(chunk: string): number {
    const { close } = this;
    const across = (this.heldTail + chunk.slice(0, close.length - 1)).indexOf(close);
    if (across >= 0) return across - this.heldTail.length + close.length;
    const within = chunk.indexOf(close);
    return within < 0 ? -1 : within + close.length;
  }

  private hold(chunk: string): void {
    this.held.push(chunk);
    this.heldChars += chunk.length;
    this.heldTail = (this.heldTail + chunk.slice(1 - this.close.length)).slice(1 - this.close.length);
    if (this.pending.length + this.heldChars > maxElementChars) throw this.errors.tooLarge();
  }

  private takeHeld(): string {
    const text = this.pending + this.held.join("");
    this.held = [];
    this.heldChars = 0;
    return text;
  }

  private readText(text: string, from: number): void {
    const rest = this.open || this.findRoot(text) ? this.splitElements(text, from) : from;
    this.pending = text.slice(rest);
    if (this.pending.length > maxElementChars) throw this.errors.tooLarge();
    this.heldTail = this.pending.slice(1 - this.close.length);
    this.startTagEnded = this.pending.startsWith(this.open) && this.pending.indexOf(">") >= 0;
  }

  /** For the end of the part: it must have had a root element and must not stop inside an element. */
  end(): void {
    if (!this.open || this.pending.startsWith(this.open)) throw this.errors.cutShort();
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

  /** Hands over every complete element in the text from `from` on; returns where the unfinished rest begins. */
  private splitElements(text: string, from: number): number {
    const { open, close } = this;
    let position = from;
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

/**
 * Where `search` first occurs in text[from, to), or -1. Unlike indexOf it never looks past `to`: a
 * search inside a row that runs on to the end of the chunk makes a sheet of empty rows quadratic.
 * Rows and cells are short and what is searched for is usually right at `from`, so stepping over
 * characters costs no more than the native search.
 */
export function indexWithin(text: string, search: string, from: number, to: number): number {
  const first = search.charCodeAt(0);
  const last = to - search.length;
  for (let at = from; at <= last; at++) {
    if (text.charCodeAt(at) === first && text.startsWith(search, at)) return at;
  }
  return -1;
}

/** Whether the character after `<row` ends the name, so that `<rowBreaks>` is not taken for a row. */
export function endsName(code: number): boolean {
  return code === 62 /* > */ || code === slash || code === 32 || code === 9 || code === 10 || code === 13;
}
