import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as CFB from "cfb";
import { afterAll, describe, expect, it } from "vitest";
import { WorkbookError, type WorkbookErrorCode } from "./errors";
import { openWorkbook } from "./open-workbook";
import { readRows, removeTempFiles, tempPath, writeXlsxParts } from "@/test/reader-workbooks";
import type { ReadLimits } from "./types";
import { writeZip } from "./zip-writer";

afterAll(removeTempFiles);

const fixtures = join(process.cwd(), "test/fixtures/workbooks");
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>record_id</t></is></c></row>';

async function readFailure(path: string, sheetName = "records", limits?: Partial<ReadLimits>): Promise<WorkbookError> {
  const error = await readRows(path, sheetName, limits).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof WorkbookError)) throw new Error(`expected a WorkbookError, got ${String(error)}`);
  return error;
}

async function expectRefused(path: string, code: WorkbookErrorCode, message?: RegExp, limits?: Partial<ReadLimits>) {
  const error = await readFailure(path, "records", limits);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

function dataRows(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `<row r="${index + 2}"><c r="A${index + 2}"><v>${index}</v></c></row>`,
  ).join("");
}

/** A compound file with the given streams, as Office writes for encrypted and legacy files. */
async function writeCompoundFile(streams: Record<string, Buffer>): Promise<string> {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  const path = tempPath("xlsx");
  await writeFile(path, CFB.write(container, { type: "buffer" }) as Buffer);
  return path;
}

/** Makes the zip's directory understate how far an entry inflates, as a crafted bomb would. */
async function understateSize(path: string, entryName: string, size: number): Promise<void> {
  const zip = await readFile(path);
  const name = Buffer.from(entryName);
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(size, at - 46 + 24);
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(size, at - 30 + 22);
  }
  await writeFile(path, zip);
}

describe("files that are not spreadsheets", () => {
  it("refuses a file that is neither a zip nor text", async () => {
    const path = tempPath("xlsx");
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await expectRefused(path, "not_a_spreadsheet", /neither an \.xlsx workbook nor a CSV file/);
  });

  it("refuses an empty file", async () => {
    const path = tempPath("csv");
    await writeFile(path, "");
    await expectRefused(path, "not_a_spreadsheet", /empty/);
  });

  it("refuses a web page saved with a spreadsheet's name", async () => {
    const path = tempPath("xls");
    await writeFile(path, "<html><body><table><tr><td>1</td></tr></table></body></html>");
    await expectRefused(path, "not_a_spreadsheet", /web page/);
  });

  it("refuses a zip that is not a workbook", async () => {
    const path = tempPath("xlsx");
    await writeZip(path, [["notes.txt", "hello"]]);
    await expectRefused(path, "not_a_spreadsheet", /not an Excel workbook/);
  });

  it("refuses a Word document", async () => {
    const path = await writeXlsxParts({
      sheets: {},
      parts: {
        "_rels/.rels":
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml":
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
      },
    });
    await expectRefused(path, "not_a_spreadsheet");
  });

  it("refuses an OpenDocument spreadsheet (.ods)", async () => {
    await expectRefused(join(fixtures, "libreoffice.ods"), "ods", /\.ods/);
  });

  it("refuses a legacy Excel workbook (.xls)", async () => {
    await expectRefused(join(fixtures, "libreoffice.xls"), "legacy_xls", /\.xls\b/);
  });

  it("refuses a password-protected workbook", async () => {
    // Office encrypts a workbook into a compound file holding EncryptionInfo and EncryptedPackage.
    const path = await writeCompoundFile({
      EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
      EncryptedPackage: Buffer.alloc(4096, 7),
    });
    await expectRefused(path, "encrypted", /password-protected/);
  });

  it("refuses other Office compound files", async () => {
    const path = await writeCompoundFile({ WordDocument: Buffer.alloc(4096, 1) });
    await expectRefused(path, "not_a_spreadsheet");
  });
});

describe("damaged workbooks", () => {
  it("refuses a truncated zip", async () => {
    const path = await writeXlsxParts({ sheets: { records: header + dataRows(100) } });
    await truncate(path, Math.floor((await readFile(path)).length / 2));
    await expectRefused(path, "truncated_or_corrupt", /damaged or incomplete/);
  });

  it("refuses a sheet whose compressed data is damaged", async () => {
    const path = await writeXlsxParts({ sheets: { records: header + dataRows(2000) } });
    const zip = await readFile(path);
    const sheetData = zip.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 200;
    zip.fill(0xff, sheetData, sheetData + 64);
    await writeFile(path, zip);
    await expectRefused(path, "truncated_or_corrupt");
  });

  it("refuses a sheet cut short in the middle of a row", async () => {
    const path = await writeXlsxParts({
      sheets: { records: "" },
      parts: { "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${header}<row r="2"><c r="A2"><v>1</v>` },
    });
    await expectRefused(path, "truncated_or_corrupt", /cut short/);
  });

  it("refuses a cell that refers to a shared string that does not exist", async () => {
    const path = await writeXlsxParts({ sheets: { records: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' } });
    await expectRefused(path, "truncated_or_corrupt");
  });
});

describe("hostile workbooks", () => {
  it("refuses a sheet whose size in the zip's directory is past the inflate limit", async () => {
    const path = await writeXlsxParts({ sheets: { records: header + dataRows(20_000) } });
    await expectRefused(path, "entry_too_large", /more than 100 KB.*zip bomb/, {
      maxInflatedBytesPerEntry: 100 * 1024,
    });
  });

  it("stops inflating a sheet past the limit when the zip's directory understates its size", async () => {
    const path = await writeXlsxParts({
      sheets: { records: header + `<row r="2"><c r="A2"><v>0</v></c>${" ".repeat(10_000_000)}</row>` },
    });
    await understateSize(path, "xl/worksheets/sheet1.xml", 1000);
    expect((await readFile(path)).length).toBeLessThan(50_000);
    await expectRefused(path, "entry_too_large", /zip bomb/, { maxInflatedBytesPerEntry: 1024 * 1024 });
  });

  it("refuses a DOCTYPE with entities in a sheet", async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>';
    const path = await writeXlsxParts({
      sheets: { records: "" },
      parts: {
        "xl/worksheets/sheet1.xml": `${bomb}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
      },
    });
    await expectRefused(path, "doctype_refused", /xl\/worksheets\/sheet1\.xml/);
  });

  it("refuses a DOCTYPE in the workbook part and in the shared strings", async () => {
    const doctype = '<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd">';
    const workbook = `<?xml version="1.0"?>${doctype}<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="records" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    await expectRefused(
      await writeXlsxParts({ sheets: { records: header }, parts: { "xl/workbook.xml": workbook } }),
      "doctype_refused",
    );
    const strings = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e "x">]><sst><si><t>&e;</t></si></sst>';
    await expectRefused(
      await writeXlsxParts({ sheets: { records: header }, parts: { "xl/sharedStrings.xml": strings } }),
      "doctype_refused",
    );
  });

  it("refuses more data rows than allowed, naming the limit; the header row does not count", async () => {
    const path = await writeXlsxParts({ sheets: { records: header + dataRows(4) } });
    expect(await readRows(path, "records", { maxRows: 4 })).toHaveLength(5);
    await expectRefused(path, "too_many_rows", /^The records sheet has more than 3 rows/, { maxRows: 3 });
  });

  it("refuses a table of shared strings with too many strings or too much text", async () => {
    const path = await writeXlsxParts({
      sheets: { records: header },
      sharedStrings: ["<t>one</t>", "<t>two</t>", "<t>three</t>"],
    });
    await expectRefused(path, "shared_strings_too_large", /more than 2 different texts/, { maxSharedStrings: 2 });
    await expectRefused(path, "shared_strings_too_large", /more than 10 bytes/, { maxSharedStringBytes: 10 });
  });

  it("refuses a cell past Excel's last column rather than filling a huge row", async () => {
    const path = await writeXlsxParts({ sheets: { records: '<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>' } });
    await expectRefused(path, "too_many_columns", /XFD/);
  });
});

describe("sheets and the life of an opened workbook", () => {
  it("refuses a sheet that is not there, naming those that are", async () => {
    const path = await writeXlsxParts({ sheets: { instructions: "", Records: header } });
    const error = await readFailure(path, "records");
    expect(error.code).toBe("missing_sheet");
    expect(error.message).toBe('The workbook has no sheet named "records" (it has "instructions", "Records").');
  });

  it("stops reading when the loop is left early, and can read the sheet again", async () => {
    const workbook = await openWorkbook(await writeXlsxParts({ sheets: { records: header + dataRows(5000) } }));
    for await (const batch of workbook.rows("records", 10)) {
      expect(batch).toHaveLength(10);
      break;
    }
    let count = 0;
    for await (const batch of workbook.rows("records")) count += batch.length;
    expect(count).toBe(5001);
    await workbook.close();
  });

  it("fails every later read the same way once reading failed", async () => {
    const workbook = await openWorkbook(await writeXlsxParts({ sheets: { records: header + dataRows(10) } }), {
      maxRows: 2,
    });
    const read = async () => {
      for await (const batch of workbook.rows("records")) expect(batch).toBeDefined();
    };
    await expect(read()).rejects.toMatchObject({ code: "too_many_rows" });
    await expect(read()).rejects.toMatchObject({ code: "too_many_rows" });
    await workbook.close();
  });
});
