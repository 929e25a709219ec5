import { describe, expect, it } from "vitest";
import { neutralizeFormula } from "./spreadsheet-cell";

describe("neutralizeFormula", () => {
  it.each(["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", '=HYPERLINK("http://x")'])("escapes %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(["", "plain note", "12.5", "UR-12", "a=b", " =not first"])("leaves %j as it is", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});
