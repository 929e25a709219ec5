import { describe, expect, it } from "vitest";
import { formulaStartPattern, restoreEscapedText } from "./spreadsheet-cell";

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
