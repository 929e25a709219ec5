import { describe, expect, it } from "vitest";
import { formatExcelDate, formatIsoDate } from "./excel-date";
import { formatExcelNumber } from "./excel-number";
import { isDateFormat } from "./number-format";

describe("formatExcelNumber", () => {
  it.each([
    ["0.30000000000000004", "0.3"],
    ["0.1", "0.1"],
    ["1E-3", "0.001"],
    ["1.5e2", "150"],
    ["12345678901234567890", "12345678901234600000"],
    ["123456789012345.67", "123456789012346"],
    ["0.000012345678901234567", "0.0000123456789012346"],
    ["99999999999999999", "100000000000000000"],
    ["-0.1000", "-0.1"],
    ["2.50", "2.5"],
    ["-0", "0"],
    ["0", "0"],
    ["007", "7"],
    [".5", "0.5"],
    ["+3", "3"],
    ["4.", "4"],
  ])("shows %s as %s", (stored, shown) => {
    expect(formatExcelNumber(stored)).toBe(shown);
  });

  it("leaves text that is not a number as it is", () => {
    for (const text of ["", "-", ".", "abc", "1,5", "1E", "1E+999999999"]) expect(formatExcelNumber(text)).toBe(text);
  });
});

describe("formatExcelDate", () => {
  it.each([
    [1, false, "1900-01-01 00:00:00"],
    [59, false, "1900-02-28 00:00:00"],
    [60, false, "1900-02-29 00:00:00"],
    [61, false, "1900-03-01 00:00:00"],
    [45306.5, false, "2024-01-15 12:00:00"],
    [45306.999999999, false, "2024-01-16 00:00:00"],
    [2958465.99999, false, "9999-12-31 23:59:59"],
    [0, true, "1904-01-01 00:00:00"],
    [1, true, "1904-01-02 00:00:00"],
  ])("shows serial %s (1904 system: %s) as %s", (serial, date1904, shown) => {
    expect(formatExcelDate(serial, date1904)).toBe(shown);
  });

  it("has no date for serials Excel cannot show as one", () => {
    expect(formatExcelDate(-1, false)).toBeUndefined();
    expect(formatExcelDate(2958466, false)).toBeUndefined();
    expect(formatExcelDate(Number.NaN, false)).toBeUndefined();
  });

  it("reads ISO 8601 date cells", () => {
    expect(formatIsoDate("2024-03-01T10:20:30.5Z")).toBe("2024-03-01 10:20:30");
    expect(formatIsoDate("2024-03-01")).toBe("2024-03-01 00:00:00");
    expect(formatIsoDate("soon")).toBe("soon");
  });
});

describe("isDateFormat", () => {
  it("knows the built-in date formats", () => {
    expect([14, 15, 22, 45, 47].every((id) => isDateFormat(id, undefined))).toBe(true);
    expect([0, 1, 2, 10, 49].some((id) => isDateFormat(id, undefined))).toBe(false);
  });

  it("reads custom formats, ignoring quoted text, brackets, escapes and padding", () => {
    expect(isDateFormat(164, "yyyy\\-mm\\-dd\\ hh:mm:ss")).toBe(true);
    expect(isDateFormat(164, "[$-409]d-mmm-yy;@")).toBe(true);
    expect(isDateFormat(164, "[h]:mm")).toBe(true);
    expect(isDateFormat(164, "General")).toBe(false);
    expect(isDateFormat(164, '#,##0.00 "days"')).toBe(false);
    expect(isDateFormat(164, "[Red][<=100]0.00;0.00_)")).toBe(false);
    expect(isDateFormat(164, "0.00\\h")).toBe(false);
  });

  it("lets a workbook's own format override a built-in id", () => {
    expect(isDateFormat(14, "0.00")).toBe(false);
  });
});
