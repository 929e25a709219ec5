import { describe, expect, it } from "vitest";
import { SharedStrings } from "./shared-strings";
import { SheetScanner } from "./sheet-scanner";
import { defaultReadLimits } from "./types";

// A million empty rows make a 2.6 MB upload: an empty row must cost no more than a row of cells.
// A search running past its row's end costs in proportion to the rest of the chunk, not to the
// sheet, so the ratio shows as well on an eighth of that and the test stays quick. Times are
// compared with filled rows timed in the same test, never with a fixed figure, and each is the
// fastest of a few runs taken in turn, so that a busy machine slows both alike.

const rowCount = 131_072;
const chunkChars = 256 * 1024; // as the zip reader inflates them
const runs = 3;
const slack = 3;

const filledRow = (n: number) => `<row r="${n}"><c r="A${n}" t="s"><v>0</v></c><c r="B${n}"><v>12.5</v></c></row>`;
const emptyRows = {
  "self-closing rows": (n: number) => `<row r="${n}"/>`,
  "rows with an end tag": (n: number) => `<row r="${n}" s="1" customFormat="1"></row>`,
  "rows of empty styled cells": (n: number) => `<row r="${n}"><c r="A${n}" s="1"></c><c r="B${n}" s="1"></c></row>`,
};

function sheetChunks(row: (n: number) => string): string[] {
  const rows = Array.from({ length: rowCount }, (_, index) => row(index + 1)).join("");
  const text = `<worksheet xmlns="main"><sheetData>${rows}</sheetData></worksheet>`;
  return Array.from({ length: Math.ceil(text.length / chunkChars) }, (_, index) =>
    text.slice(index * chunkChars, (index + 1) * chunkChars),
  );
}

/** Milliseconds to scan the chunks; gives up once past `budget`, so that a slow scan fails in seconds, not minutes. */
function scanMilliseconds(chunks: string[], budget = Infinity): number {
  const strings = new SharedStrings(defaultReadLimits);
  strings.add("R-1");
  const scanner = new SheetScanner(
    "records",
    { sharedStrings: strings, dateStyles: [], date1904: false },
    32_767,
    () => {},
  );
  const started = performance.now();
  for (const chunk of chunks) {
    scanner.feed(chunk);
    if (performance.now() - started > budget) break;
  }
  return performance.now() - started;
}

describe("scanning empty rows", () => {
  const filled = sheetChunks(filledRow);

  it.each(Object.entries(emptyRows))("takes no longer for %s than for as many rows of cells", (_, row) => {
    const empty = sheetChunks(row);
    let filledTime = Infinity;
    let emptyTime = Infinity;
    for (let run = 0; run < runs; run++) {
      filledTime = Math.min(filledTime, scanMilliseconds(filled));
      emptyTime = Math.min(emptyTime, scanMilliseconds(empty, slack * filledTime));
    }
    expect(emptyTime).toBeLessThan(slack * filledTime);
  });
});
