import { afterAll, describe, expect, it } from "vitest";
import { readRows, readSheetValues, removeTempFiles, writeXlsxParts } from "@/test/reader-workbooks";

afterAll(removeTempFiles);

const dateStyles = {
  cellXfs: '<xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/>',
  numFmts: '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>',
};

describe("xlsx cells", () => {
  it("reads shared strings", async () => {
    const values = await readSheetValues('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>', {
      sharedStrings: ["<t>second</t>", "<t>first</t>"],
    });
    expect(values).toEqual([["first", "second"]]);
  });

  it("reads inline strings", async () => {
    const values = await readSheetValues('<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c></row>');
    expect(values).toEqual([["inline"]]);
  });

  it("joins the runs of rich text and leaves out phonetic hints", async () => {
    const richText =
      '<r><rPr><b/></rPr><t>Hello</t></r><r><t xml:space="preserve"> world</t></r><rPh sb="0" eb="1"><t>ハロー</t></rPh>';
    const values = await readSheetValues(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is>${richText}</is></c></row>`,
      { sharedStrings: [richText] },
    );
    expect(values).toEqual([["Hello world", "Hello world"]]);
  });

  it("shows numbers as Excel does: 15 significant digits, plain decimals", async () => {
    const stored = ["0.30000000000000004", "1E-3", "12345678901234567890", "-2.5E+2", "42", "0.1"];
    const cells = stored
      .map((number, index) => `<c r="${String.fromCharCode(65 + index)}1"><v>${number}</v></c>`)
      .join("");
    expect(await readSheetValues(`<row r="1">${cells}</row>`)).toEqual([
      ["0.3", "0.001", "12345678901234600000", "-250", "42", "0.1"],
    ]);
  });

  it("reads booleans as TRUE and FALSE", async () => {
    const values = await readSheetValues('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c></row>');
    expect(values).toEqual([["TRUE", "FALSE"]]);
  });

  it("reads date cells of the 1900 date system as UTC date-times, rounded to the second", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" s="1"><v>45306.354166666664</v></c><c r="B1" s="2"><v>45351</v></c><c r="C1" s="1"><v>0.99999999</v></c></row>',
      { styles: dateStyles },
    );
    expect(values).toEqual([["2024-01-15 08:30:00", "2024-02-29 00:00:00", "1900-01-01 00:00:00"]]);
  });

  it("honours Excel's fictitious 1900-02-29 and counts the days around it as Excel does", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" s="1"><v>59</v></c><c r="B1" s="1"><v>60</v></c><c r="C1" s="1"><v>61</v></c></row>',
      {
        styles: dateStyles,
      },
    );
    expect(values).toEqual([["1900-02-28 00:00:00", "1900-02-29 00:00:00", "1900-03-01 00:00:00"]]);
  });

  it("reads date cells of the 1904 date system", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43844.5</v></c></row>',
      {
        styles: dateStyles,
        date1904: true,
      },
    );
    expect(values).toEqual([["1904-01-01 00:00:00", "2024-01-15 12:00:00"]]);
  });

  it("reads ISO 8601 date cells (type d)", async () => {
    const values = await readSheetValues('<row r="1"><c r="A1" t="d"><v>2024-03-01T10:20:30Z</v></c></row>');
    expect(values).toEqual([["2024-03-01 10:20:30"]]);
  });

  it("reads the cached value of a formula", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="str"><f>""</f><v></v></c></row>',
    );
    expect(values).toEqual([["2", "ab"]]);
  });

  it("flags a formula without a cached value", async () => {
    const [row] = await readRows(
      await writeXlsxParts({ sheets: { records: '<row r="3"><c r="A3">1</c><c r="B3"><f>A3*2</f></c></row>' } }),
    );
    expect(row).toMatchObject({ rowNumber: 3, values: [], problems: [{ column: 1, code: "formula_without_value" }] });
  });

  it("flags error values, naming the error", async () => {
    const [row] = await readRows(
      await writeXlsxParts({ sheets: { records: '<row r="1"><c r="A1" t="e"><f>NA()</f><v>#N/A</v></c></row>' } }),
    );
    expect(row?.values).toEqual(["#N/A"]);
    expect(row?.problems).toEqual([{ column: 0, code: "error_value", message: "The cell shows the error #N/A." }]);
  });

  it("skips blank rows, keeping Excel's row numbers", async () => {
    const path = await writeXlsxParts({
      sheets: {
        records:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>header</t></is></c></row>' +
          '<row r="2"><c r="A2" s="1"/></row><row r="3"><c r="A3" t="inlineStr"><is><t>   </t></is></c></row>' +
          '<row r="7"><c r="A7"><v>7</v></c></row>',
      },
    });
    expect((await readRows(path)).map(({ rowNumber, values }) => [rowNumber, values])).toEqual([
      [1, ["header"]],
      [7, ["7"]],
    ]);
  });

  it("trims text", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t> b\n</t></is></c></row>',
      {
        sharedStrings: ['<t xml:space="preserve">  a  </t>'],
      },
    );
    expect(values).toEqual([["a", "b"]]);
  });

  it("places cells by their reference, leaving gaps empty and trailing blanks off", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="F1" s="1"/></row>',
    );
    expect(values).toEqual([["1", "", "3"]]);
  });

  it("counts positions when cells and rows have no reference", async () => {
    const rows = await readRows(
      await writeXlsxParts({
        sheets: { records: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>" },
      }),
    );
    expect(rows.map(({ rowNumber, values }) => [rowNumber, values])).toEqual([
      [1, ["1", "2"]],
      [2, ["3"]],
    ]);
  });

  it("returns values in the sheet's column order, whatever the header order", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>5</v></c><c r="B2" t="s"><v>2</v></c></row>',
      { sharedStrings: ["<t>quantity</t>", "<t>record_id</t>", "<t>R-1</t>"] },
    );
    expect(values).toEqual([
      ["quantity", "record_id"],
      ["5", "R-1"],
    ]);
  });

  it("decodes XML entities and Excel's _xHHHH_ escapes", async () => {
    const values = await readSheetValues(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;</t></is></c>' +
        '<c r="B1" t="s"><v>0</v></c></row>',
      { sharedStrings: ["<t>line_x000D_break _x005F_x0041_</t>"] },
    );
    expect(values).toEqual([[`a & b <c> "d" 'e' AB`, "line\rbreak _x0041_"]]);
  });

  it("reads sheets whose elements carry a namespace prefix", async () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const sheet = `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.50</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const strings = `<x:sst xmlns:x="${main}"><x:si><x:t>prefixed</x:t></x:si></x:sst>`;
    const path = await writeXlsxParts({
      sheets: { records: "" },
      parts: { "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strings },
    });
    expect((await readRows(path)).map((row) => row.values)).toEqual([["prefixed", "2.5"]]);
  });

  it("finds sheets by name, not by position", async () => {
    const path = await writeXlsxParts({
      sheets: {
        instructions: '<row r="1"><c r="A1" t="inlineStr"><is><t>help</t></is></c></row>',
        categories: '<row r="1"><c r="A1" t="inlineStr"><is><t>category_id</t></is></c></row>',
        records: '<row r="1"><c r="A1" t="inlineStr"><is><t>record_id</t></is></c></row>',
      },
    });
    expect((await readRows(path, "records")).map((row) => row.values)).toEqual([["record_id"]]);
    expect((await readRows(path, "categories")).map((row) => row.values)).toEqual([["category_id"]]);
  });

  it("cuts a cell longer than the limit and flags it", async () => {
    const long = "x".repeat(40_000);
    const [row] = await readRows(
      await writeXlsxParts({
        sheets: {
          records: `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" t="s"><v>0</v></c></row>`,
        },
        sharedStrings: [`<t>${long}</t>`],
      }),
    );
    expect(row?.values.map((value) => value.length)).toEqual([32_767, 32_767]);
    expect(row?.problems).toEqual([
      {
        column: 0,
        code: "cell_too_long",
        message: "The cell holds 40,000 characters; a cell may hold at most 32,767, so it was cut.",
      },
      {
        column: 1,
        code: "cell_too_long",
        message: "The cell holds 40,000 characters; a cell may hold at most 32,767, so it was cut.",
      },
    ]);
  });

  it("yields batches of the requested size", async () => {
    const rows = Array.from({ length: 5 }, (_, index) => `<row r="${index + 1}"><c><v>${index}</v></c></row>`).join("");
    const { openWorkbook } = await import("./open-workbook");
    const workbook = await openWorkbook(await writeXlsxParts({ sheets: { records: rows } }));
    const sizes: number[] = [];
    for await (const batch of workbook.rows("records", 2)) sizes.push(batch.length);
    await workbook.close();
    expect(sizes).toEqual([2, 2, 1]);
  });
});
