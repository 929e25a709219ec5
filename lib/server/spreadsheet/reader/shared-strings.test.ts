import { afterAll, describe, expect, it } from "vitest";
import { readRows, readSheetValues, removeTempFiles, writeXlsxParts } from "@/test/reader-workbooks";
import { readSharedStrings, SharedStrings } from "./shared-strings";
import { defaultReadLimits } from "./types";

afterAll(removeTempFiles);

const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
// Issue 16: a 7.4 MB upload of 2.9 million short texts. Every thousandth text is past Latin-1 and
// takes 3 or 4 bytes a character in UTF-8, so decoding is tested across the table's blocks too.
const textCount = 3_000_000;

function text(index: number): string {
  return index % 1000 === 7 ? `ü€😀-${index}` : `t${index}`;
}

/** The table's XML in chunks of about a megabyte, never one string of all of it. */
function* sharedStringsXml(): Generator<string> {
  let xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${mainNamespace}" uniqueCount="${textCount}">`;
  for (let index = 0; index < textCount; index++) {
    xml += `<si><t>${text(index)}</t></si>`;
    if (xml.length >= 1 << 20) {
      yield xml;
      xml = "";
    }
  }
  yield `${xml}</sst>`;
}

/** Indexes spread over the whole table: its first and last texts, and texts in most of its blocks. */
const referenced = [0, 1, 7, 1007, ...Array.from({ length: 2000 }, (_, n) => n * 1499 + 7), textCount - 1];

function sheetRows(): string {
  return referenced.map((index, n) => `<row r="${n + 1}"><c r="A${n + 1}" t="s"><v>${index}</v></c></row>`).join("");
}

describe("shared strings", () => {
  it("reads a workbook of 3 million short shared texts, each cell the text it refers to, in bounded memory", async () => {
    const path = await writeXlsxParts({
      sheets: { records: sheetRows() },
      parts: { "xl/sharedStrings.xml": sharedStringsXml() },
    });
    const rssBefore = process.memoryUsage.rss();
    let peakRss = rssBefore;
    const rows = await readRows(path);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    expect(rows.map((row) => row.values)).toEqual(referenced.map((index) => [text(index)]));
    // Held as JS strings, these texts grew RSS by some 190 MB here; as UTF-8 bytes, by some 40 MB.
    // The bound is loose, as garbage from inflating and splitting the XML may not yet be collected.
    expect(peakRss - rssBefore).toBeLessThan(120 * 1024 ** 2);
  }, 30_000);

  it("holds the table's texts as their UTF-8 bytes, against the byte limit", async () => {
    async function* chunks() {
      yield* sharedStringsXml();
    }
    const table = await readSharedStrings(chunks(), defaultReadLimits);
    let bytes = 0;
    for (let index = 0; index < textCount; index++) bytes += Buffer.byteLength(text(index));
    expect(table.size).toBe(textCount);
    expect(table.heldBytes).toBe(bytes);
    expect(table.text(textCount - 1)).toBe(text(textCount - 1));
    expect(table.text(textCount)).toBeUndefined();
  }, 30_000);

  it("keeps texts whole where a block fills up, long texts and empty texts too", () => {
    const table = new SharedStrings(defaultReadLimits);
    const long = "é€".repeat(200);
    const texts = Array.from({ length: 60_000 }, (_, n) => (n % 5 === 4 ? "" : `${n}${long}`.slice(0, n % 300)));
    for (const value of texts) table.add(value);
    expect(texts.map((_, index) => table.text(index))).toEqual(texts);
  });

  it("gives every cell referring to a long text that text, in a workbook", async () => {
    const long = "Ü".repeat(defaultReadLimits.maxCellChars);
    const cells = Array.from({ length: 50 }, (_, n) => `<c r="${columnName(n)}1" t="s"><v>${n % 2}</v></c>`);
    const values = await readSheetValues(`<row r="1">${cells.join("")}</row>`, {
      sharedStrings: [`<t>${long}</t>`, "<t>short</t>"],
    });
    expect(values).toEqual([Array.from({ length: 50 }, (_, n) => (n % 2 === 0 ? long : "short"))]);
  });

  it("cuts a text past the cell limit and remembers its full length", () => {
    const table = new SharedStrings({ ...defaultReadLimits, maxCellChars: 3 });
    table.add("abcdef");
    table.add("ab");
    expect([table.text(0), table.cutLength(0), table.text(1), table.cutLength(1)]).toEqual(["abc", 6, "ab", undefined]);
  });
});

function columnName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(65 + index - 26)}`;
}
