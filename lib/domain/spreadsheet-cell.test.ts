import { describe, expect, it } from "vitest";
import { neutralizeFormula, restoreEscapedText } from "./spreadsheet-cell";

describe("neutralizeFormula", () => {
  it.each(["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", '=HYPERLINK("http://x")'])("escapes %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(["", "plain note", "12.5", "UR-12", "a=b", " =not first"])("leaves %j as it is", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("restoreEscapedText", () => {
  it.each(["=1+2", "-2 units", "@x", "plain", "'quoted by hand"])("gives back what was escaped: %j", (text) => {
    expect(restoreEscapedText(neutralizeFormula(text))).toBe(text);
  });
});
