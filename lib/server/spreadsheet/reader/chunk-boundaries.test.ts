import { describe, expect, it } from "vitest";
import { CsvScanner } from "./csv-scanner";
import { noSharedStrings } from "./shared-strings";
import { SheetScanner } from "./sheet-scanner";
import type { SheetRow } from "./types";
import { refusingDoctype } from "./xml-text";

// Parts arrive in 64 KB pieces that cut rows, tags and characters anywhere: feeding small XML in
// pieces of every small size must read the same as feeding it whole.

const sheet =
  '<?xml version="1.0"?><worksheet xmlns="main"><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="C1"><v>0.30000000000000004</v></c></row>' +
  '<row r="2"/><row r="3"><c r="A3" s="1"/><c r="B3" t="str"><f>X</f><v>text</v></c><c r="C3"><f>Y</f></c></row>' +
  '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#REF!</v></c></row>' +
  '</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>';

function scanSheet(pieces: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const scanner = new SheetScanner(
    "records",
    { sharedStrings: noSharedStrings, dateStyles: [], date1904: false },
    32_767,
    (row) => rows.push(row),
  );
  for (const piece of pieces) scanner.feed(piece);
  scanner.end();
  return rows;
}

function scanCsv(pieces: string[]): string[][] {
  const records: string[][] = [];
  const scanner = new CsvScanner(
    ",",
    (fields) => records.push(fields),
    () => new Error("too large"),
  );
  for (const piece of pieces) scanner.feed(piece);
  scanner.end();
  return records;
}

function piecesOf(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) =>
    text.slice(index * size, (index + 1) * size),
  );
}

describe("reading across chunk boundaries", () => {
  it("reads a sheet the same in pieces of any size", () => {
    const whole = scanSheet([sheet]);
    expect(whole.map((row) => [row.rowNumber, row.values])).toEqual([
      [1, ["a & b", "", "0.3"]],
      [3, ["", "text"]],
      [4, ["TRUE", "#REF!"]],
    ]);
    for (let size = 1; size <= 40; size++) expect(scanSheet(piecesOf(sheet, size))).toEqual(whole);
  });

  it("reads CSV the same in pieces of any size", () => {
    const csv = 'id,note\r\nR-1,"a ""b""\r\nc"\r\nR-2,plain\r\n\r\nR-3,"x",""\r\nR-4,end';
    const whole = scanCsv([csv]);
    // Raw fields: the CR of a CRLF stays at the end of a line's last field, for trimming to remove.
    expect(whole).toEqual([
      ["id", "note\r"],
      ["R-1", 'a "b"\r\nc\r'],
      ["R-2", "plain\r"],
      ["\r"],
      ["R-3", "x", "\r"],
      ["R-4", "end"],
    ]);
    for (let size = 1; size <= 20; size++) expect(scanCsv(piecesOf(csv, size))).toEqual(whole);
  });

  it("refuses a DOCTYPE cut in two by a chunk boundary", async () => {
    async function* pieces() {
      yield '<?xml version="1.0"?><!DOC';
      yield "TYPE worksheet><worksheet/>";
    }
    const read = async () => {
      for await (const piece of refusingDoctype(pieces(), "sheet.xml")) expect(piece).toBeTypeOf("string");
    };
    await expect(read()).rejects.toMatchObject({ code: "doctype_refused" });
  });
});
