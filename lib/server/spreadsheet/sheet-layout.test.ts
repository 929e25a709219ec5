import { describe, expect, it } from "vitest";
import { SheetLayout } from "./sheet-layout";

async function laidOut(xml: string, chunkSize: number): Promise<SheetLayout> {
  const layout = new SheetLayout();
  async function* chunks() {
    for (let at = 0; at < xml.length; at += chunkSize) yield xml.slice(at, at + chunkSize);
  }
  let passed = "";
  for await (const chunk of layout.tap(chunks())) passed += chunk;
  expect(passed).toBe(xml);
  return layout;
}

// As Excel 2016 saves a sheet whose list refers to another sheet: that one goes in the extension list.
const excelSheet =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14="x14" xmlns:xm="xm">' +
  '<dimension ref="A1:C3"/><cols><col min="1" max="2" width="18.5" customWidth="1"/><col min="4" max="4" width="40" customWidth="1"/></cols>' +
  '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>' +
  '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" error="A number &amp; 0 or more" sqref="E2:E100 G2:G100"><formula1>0</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1" xmlns:xm="xm">' +
  '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning">' +
  "<x14:formula1><xm:f>items!$B$2:$B$6</xm:f></x14:formula1><xm:sqref>D2:D10001</xm:sqref></x14:dataValidation>" +
  "</x14:dataValidations></ext></extLst></worksheet>";

describe("SheetLayout", () => {
  it.each([7, 64, 100_000])(
    "keeps the widths and validations of a sheet read in chunks of %d characters",
    async (size) => {
      const layout = await laidOut(excelSheet, size);
      expect([...layout.columnWidths()]).toEqual([
        [1, 18.5],
        [2, 18.5],
        [4, 40],
      ]);
      expect(layout.validations()).toEqual([
        {
          ranges: ["E2:E100", "G2:G100"],
          validation: {
            type: "decimal",
            operator: "greaterThanOrEqual",
            formulae: ["0"],
            allowBlank: true,
            showInputMessage: false,
            showErrorMessage: true,
            error: "A number & 0 or more",
          },
        },
        {
          ranges: ["D2:D10001"],
          validation: {
            type: "list",
            formulae: ["items!$B$2:$B$6"],
            allowBlank: true,
            showInputMessage: true,
            showErrorMessage: true,
            errorStyle: "warning",
          },
        },
      ]);
    },
  );

  it("has neither for a sheet without them", async () => {
    const layout = await laidOut('<worksheet><sheetData><row r="1"/></sheetData></worksheet>', 5);
    expect(layout.columnWidths().size).toBe(0);
    expect(layout.validations()).toEqual([]);
  });
});
