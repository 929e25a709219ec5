import "server-only";
import { detached } from "./detached-string";
import { corrupt, formatBytes, formatCount, WorkbookError } from "./errors";
import { richText } from "./rich-text";
import { ElementSplitter, maxElementChars } from "./xml-elements";

export interface SharedStringLimits {
  maxSharedStrings: number;
  maxSharedStringBytes: number;
  maxCellChars: number;
}

// Blocks of this size hold the table's UTF-8 bytes; a text never spans two, so the last bytes of a
// block may go unused (fewer than a short text's, at most 381).
const blockBytes = 1 << 20;
const maxUtf8BytesPerChar = 3;
const firstIndexCapacity = 1024;
const maxPosition = 0xffff_ffff;
// Texts this long stay JS strings, so that every cell referring to one shares it: decoded per
// reference, a crafted sheet of 20-character references to one 32,767-character text would
// take 3,000 times its size. Shorter texts decode to at most some 270 bytes a reference, about
// what the reference's own XML takes; longer ones are few (a million at most within the byte
// limit), so their string headers and map entries stay a small part of their text.
const minSharedChars = 128;

/**
 * The shared-string table as the UTF-8 bytes of its short texts in a few large blocks, plus where each
 * text ends: a short text becomes a JS string only when a cell refers to it, and that string is the
 * reader's to drop with the row. Held as JS strings, a table of 2.9 million short texts peaked at
 * 545 MB RSS (issue 16; a V8 string costs 16–32 bytes before its characters, two bytes a character
 * past Latin-1); held so, it takes its UTF-8 size plus 4 bytes a text. Decoding per reference costs the
 * 1M-row file nothing measurable: its texts are short, and the reader no longer copies each as it loads.
 */
export class SharedStrings {
  private readonly blocks: Buffer[] = [];
  /** Where each text's bytes end, counted over the blocks as one run (a text's bytes lie in one block). */
  private ends = new Uint32Array(firstIndexCapacity);
  private count = 0;
  private position = 0;
  private readonly cutLengths = new Map<number, number>();
  private readonly longTexts = new Map<number, string>();
  /** The UTF-8 bytes of text held, the measure `maxSharedStringBytes` limits. */
  heldBytes = 0;

  constructor(private readonly limits: SharedStringLimits) {}

  get size(): number {
    return this.count;
  }

  /** Adds the next text, trimmed; cuts it to the cell limit, remembering its full length. */
  add(text: string): void {
    if (this.count === this.limits.maxSharedStrings) throw tooManyStrings(this.limits.maxSharedStrings);
    if (text.length > this.limits.maxCellChars) this.cutLengths.set(this.count, text.length);
    const value = text.length > this.limits.maxCellChars ? text.slice(0, this.limits.maxCellChars) : text;
    if (value.length >= minSharedChars) return this.addLong(value);
    let offset = this.position - (this.blocks.length - 1) * blockBytes;
    const worstBytes = value.length * maxUtf8BytesPerChar;
    if (this.blocks.length === 0 || (offset + worstBytes > blockBytes && !this.fits(value, offset))) {
      this.blocks.push(Buffer.allocUnsafeSlow(blockBytes));
      this.position = (this.blocks.length - 1) * blockBytes;
      offset = 0;
    }
    const written = value === "" ? 0 : this.blocks[this.blocks.length - 1]!.write(value, offset, "utf8");
    this.heldBytes += written;
    if (this.heldBytes > this.limits.maxSharedStringBytes) throw tooManyBytes(this.limits.maxSharedStringBytes);
    if (this.position + written > maxPosition) throw tooManyBytes(this.heldBytes);
    this.position += written;
    this.pushEnd();
  }

  /** The text at `index`, trimmed and cut to the cell limit; undefined past the table's end. */
  text(index: number): string | undefined {
    if (index >= this.count) return undefined;
    const long = this.longTexts.size === 0 ? undefined : this.longTexts.get(index);
    if (long !== undefined) return long;
    const end = this.ends[index]!;
    const previousEnd = index === 0 ? 0 : this.ends[index - 1]!;
    if (end === previousEnd) return "";
    const block = Math.floor((end - 1) / blockBytes);
    const blockStart = block * blockBytes;
    return this.blocks[block]!.toString("utf8", Math.max(previousEnd, blockStart) - blockStart, end - blockStart);
  }

  /** The full length of the text at `index` if it was cut to the cell limit. */
  cutLength(index: number): number | undefined {
    return this.cutLengths.size === 0 ? undefined : this.cutLengths.get(index);
  }

  /** Holds a long text as a string of its own; its bytes count as if stored, and it takes none in the blocks. */
  private addLong(value: string): void {
    this.heldBytes += Buffer.byteLength(value, "utf8");
    if (this.heldBytes > this.limits.maxSharedStringBytes) throw tooManyBytes(this.limits.maxSharedStringBytes);
    this.longTexts.set(this.count, detached(value));
    this.pushEnd();
  }

  private pushEnd(): void {
    if (this.count === this.ends.length) this.growEnds();
    this.ends[this.count++] = this.position;
  }

  private fits(value: string, offset: number): boolean {
    return offset + Buffer.byteLength(value, "utf8") <= blockBytes;
  }

  private growEnds(): void {
    const grown = new Uint32Array(this.ends.length * 2);
    grown.set(this.ends);
    this.ends = grown;
  }
}

export const noSharedStrings = new SharedStrings({ maxSharedStrings: 0, maxSharedStringBytes: 0, maxCellChars: 0 });

/** Loads the shared-string table (`sharedStrings.xml`), refusing one that would hold too much memory. */
export async function readSharedStrings(
  chunks: AsyncIterable<string>,
  limits: SharedStringLimits,
): Promise<SharedStrings> {
  const table = new SharedStrings(limits);
  const splitter = new ElementSplitter(
    "si",
    {
      root: () => {},
      element(xml, _start, contentStart, contentEnd) {
        table.add(richText(xml, contentStart, contentEnd).trim());
      },
    },
    {
      tooLarge: () => tooManyBytes(maxElementChars),
      cutShort: () => corrupt("its table of shared texts is cut short"),
    },
  );
  for await (const chunk of chunks) splitter.feed(chunk);
  splitter.end();
  return table;
}

function tooManyStrings(limit: number): WorkbookError {
  return new WorkbookError(
    "shared_strings_too_large",
    `The workbook holds more than ${formatCount(limit)} different texts, the most a usage file may. ` +
      "Save it as CSV (UTF-8) and upload that instead.",
  );
}

function tooManyBytes(limit: number): WorkbookError {
  return new WorkbookError(
    "shared_strings_too_large",
    `The workbook's texts take more than ${formatBytes(limit)}, the most a usage file may. ` +
      "Save it as CSV (UTF-8) and upload that instead.",
  );
}
