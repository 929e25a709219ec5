import "server-only";
import { detached } from "./detached-string";
import { corrupt, formatBytes, formatCount, WorkbookError } from "./errors";
import { richText } from "./rich-text";
import { ElementSplitter, maxElementChars } from "./xml-elements";

export interface SharedStrings {
  /** Trimmed, cut to the cell limit, and detached: ready to be a cell value. */
  readonly values: readonly string[];
  /** The full length of each value that was cut, by index. */
  readonly cutLengths: ReadonlyMap<number, number>;
}

export interface SharedStringLimits {
  maxSharedStrings: number;
  maxSharedStringBytes: number;
  maxCellChars: number;
}

export const noSharedStrings: SharedStrings = { values: [], cutLengths: new Map() };

/** Loads the shared-string table (`sharedStrings.xml`), refusing one that would hold too much memory. */
export async function readSharedStrings(
  chunks: AsyncIterable<string>,
  limits: SharedStringLimits,
): Promise<SharedStrings> {
  const values: string[] = [];
  const cutLengths = new Map<number, number>();
  let heldChars = 0;
  const splitter = new ElementSplitter(
    "si",
    {
      root: () => {},
      element(xml, _start, contentStart, contentEnd) {
        if (values.length === limits.maxSharedStrings) throw tooManyStrings(limits.maxSharedStrings);
        const text = richText(xml, contentStart, contentEnd).trim();
        if (text.length > limits.maxCellChars) cutLengths.set(values.length, text.length);
        const value = detached(text.length > limits.maxCellChars ? text.slice(0, limits.maxCellChars) : text);
        heldChars += value.length;
        if (heldChars > limits.maxSharedStringBytes) throw tooManyBytes(limits.maxSharedStringBytes);
        values.push(value);
      },
    },
    {
      tooLarge: () => tooManyBytes(maxElementChars),
      cutShort: () => corrupt("its table of shared texts is cut short"),
    },
  );
  for await (const chunk of chunks) splitter.feed(chunk);
  splitter.end();
  return { values, cutLengths };
}

function tooManyStrings(limit: number): WorkbookError {
  return new WorkbookError(
    "shared_strings_too_large",
    `The workbook holds more than ${formatCount(limit)} different texts, the most a usage file may.`,
  );
}

function tooManyBytes(limit: number): WorkbookError {
  return new WorkbookError(
    "shared_strings_too_large",
    `The workbook's texts take more than ${formatBytes(limit)}, the most a usage file may.`,
  );
}
