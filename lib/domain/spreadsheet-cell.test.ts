import { describe, expect, it } from "vitest";
import { formulaStartPattern, restoreEscapedText, spreadsheetNumber } from "./spreadsheet-cell";

describe("the start of a formula, which exports escape", () => {
  const formulaStart = new RegExp(formulaStartPattern);

  it.each(["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", '=HYPERLINK("http://x")'])("is seen in %j", (text) => {
    expect(formulaStart.test(text)).toBe(true);
  });

  it.each(["", "plain note", "12.5", "UR-12", "a=b", " =not first"])("is not seen in %j", (text) => {
    expect(formulaStart.test(text)).toBe(false);
  });
});

describe("restoreEscapedText", () => {
  it.each([
    ["'=1+2", "=1+2"],
    ["'-2 units", "-2 units"],
    ["'@x", "@x"],
    ["plain", "plain"],
    ["'quoted by hand", "'quoted by hand"],
  ])("gives back what an export escaped: %j is %j", (exported, original) => {
    expect(restoreEscapedText(exported)).toBe(original);
  });
});

describe("spreadsheetNumber", () => {
  it.each([
    ["162.59", 162.59],
    ["0", 0],
    ["0.00012500", 0.000125],
    ["100000000000000000000", 1e20],
    ["123456789012345", 123456789012345],
    ["1234567.12345678", 1234567.12345678],
    ["0.000000000000000000123456789012345", 1.23456789012345e-19],
  ])("writes %j as the number %d", (decimal, number) => {
    expect(spreadsheetNumber(decimal)).toBe(number);
  });

  it.each(["1234567890123456", "12345678.12345678", "0.1234567890123456", "9007199254740993"])(
    "keeps %j as text: a double would round it",
    (decimal) => {
      expect(spreadsheetNumber(decimal)).toBeNull();
    },
  );
});
