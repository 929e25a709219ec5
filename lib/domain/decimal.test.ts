import { describe, expect, it } from "vitest";
import { addDecimals, countDecimals, isNegative, parseDecimal, type DecimalText } from "./decimal";

function decimal(text: string): DecimalText {
  const value = parseDecimal(text);
  if (value === null) throw new Error(`test setup: ${text} is not a decimal`);
  return value;
}

describe("parseDecimal", () => {
  it.each([
    ["12.5", "12.5"],
    ["12.50", "12.5"],
    ["10", "10"],
    ["100.0", "100"],
    ["-10.50", "-10.5"],
    ["007", "7"],
    ["0", "0"],
    ["0.000", "0"],
    [".5", "0.5"],
    ["5.", "5"],
    ["-0", "0"],
    ["-0.0", "0"],
    ["-1.20", "-1.2"],
    ["-.5", "-0.5"],
    ["123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"],
  ])("reads %j as %j", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  const signs = ["", ".", "-", "+3", "--1", "1-"];
  const otherNotations = ["1,5", "1e5", "1E-3", "1.2.3", "0x10", "NaN", "Infinity", "١٢"];
  it.each([...signs, ...otherNotations, " 7", "7 "])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("countDecimals", () => {
  it.each([
    ["12.50", 1],
    ["12", 0],
    ["12.000", 0],
    ["0.00000001", 8],
    ["-3.14159", 5],
  ])("counts %j as %i decimals, ignoring trailing zeros", (text, expected) => {
    expect(countDecimals(decimal(text))).toBe(expected);
  });
});

describe("isNegative", () => {
  it.each([
    ["-0.01", true],
    ["0", false],
    ["-0", false],
    ["3", false],
  ])("%j → %s", (text, expected) => {
    expect(isNegative(decimal(text))).toBe(expected);
  });
});

describe("addDecimals", () => {
  it.each([
    ["0.1", "0.2", "0.3"],
    ["12.5", "0.25", "12.75"],
    ["0.5", "0.5", "1"],
    ["999999999999999.99999999", "0.00000001", "1000000000000000"],
    ["1", "-1.5", "-0.5"],
    ["-2.25", "2.25", "0"],
    ["0", "0", "0"],
  ])("%s + %s = %s exactly", (a, b, sum) => {
    expect(addDecimals(decimal(a), decimal(b))).toBe(sum);
  });

  it("keeps a running total exact over many additions where floats drift", () => {
    let total = decimal("0");
    for (let i = 0; i < 1000; i++) total = addDecimals(total, decimal("0.1"));
    expect(total).toBe("100");
  });
});
