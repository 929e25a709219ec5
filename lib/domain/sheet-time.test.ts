import { describe, expect, it } from "vitest";
import { formatSheetTime, parseSheetTime } from "./sheet-time";

function epochOf(text: string): number {
  const result = parseSheetTime(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.reason}`);
  return result.epochMs;
}

function reasonFor(text: string): string {
  const result = parseSheetTime(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.reason;
}

describe("parseSheetTime", () => {
  it.each([
    ["2026-01-31 23:59:59", "2026-01-31T23:59:59.000Z"],
    ["2026-01-31T23:59:59", "2026-01-31T23:59:59.000Z"],
    ["2026-01-31T23:59:59Z", "2026-01-31T23:59:59.000Z"],
    ["2026-01-31T23:59:59.5Z", "2026-01-31T23:59:59.500Z"],
    ["2026-01-31T23:59:59.123Z", "2026-01-31T23:59:59.123Z"],
    ["2026-01-31T23:59:59.1239Z", "2026-01-31T23:59:59.123Z"],
    ["2026-01-31T10:00+02:00", "2026-01-31T08:00:00.000Z"],
    ["2026-01-31T22:30:00-05:30", "2026-02-01T04:00:00.000Z"],
    ["2026-01-31 10:00", "2026-01-31T10:00:00.000Z"],
    ["2026-01-31", "2026-01-31T00:00:00.000Z"],
    ["2024-02-29 12:00:00", "2024-02-29T12:00:00.000Z"],
    ["2000-02-29", "2000-02-29T00:00:00.000Z"],
    ["1969-12-31 23:59:59", "1969-12-31T23:59:59.000Z"],
    ["0099-03-01", "0099-03-01T00:00:00.000Z"],
  ])("reads %j as %s", (text, iso) => {
    expect(epochOf(text)).toBe(Date.parse(iso));
  });

  it.each(["2026-02-30", "2025-02-29 00:00:00", "1900-02-29", "2026-04-31T00:00:00Z", "2026-13-01", "2026-00-10"])(
    "refuses the impossible date in %j, naming it",
    (text) => {
      expect(reasonFor(text)).toBe(`${text.slice(0, 10)} is not a calendar date`);
    },
  );

  it.each([
    ["2026-01-31 24:00:00", "24:00:00"],
    ["2026-01-31 23:60:00", "23:60:00"],
    ["2026-01-31 23:59:60", "23:59:60"],
    ["2026-01-31T23:59:60.5Z", "23:59:60.5"],
  ])("refuses the impossible time of day in %j", (text, time) => {
    expect(reasonFor(text)).toBe(`${time} is not a time of day`);
  });

  it.each([
    "",
    "31/01/2026",
    "2026/01/31",
    "2026-1-31",
    "26-01-31",
    "2026-01-31 ",
    "2026-01-31 1:00:00",
    "2026-01-31 10",
    "2026-01-31_10:00:00",
    "2026-01-31T10:00:00.",
    "2026-01-31T10:00:00ZZ",
    "2026-01-31T10:00:00+0200",
    "2026-01-31T10:00:00+02",
    "2026-01-31T10:00:00+24:00",
    "2026-01-31T10:00:00 UTC",
    "45322.5",
  ])("refuses %j with the accepted formats as the reason", (text) => {
    expect(reasonFor(text)).toMatch(/expected YYYY-MM-DD hh:mm:ss \(UTC\) or ISO 8601/);
  });
});

describe("formatSheetTime", () => {
  it("writes the sheet's format, UTC", () => {
    expect(formatSheetTime(Date.parse("2026-03-01T07:05:09Z"))).toBe("2026-03-01 07:05:09");
  });

  it("keeps milliseconds only when there are some", () => {
    expect(formatSheetTime(Date.parse("2026-03-01T07:05:09.250Z"))).toBe("2026-03-01 07:05:09.250");
  });

  it("round-trips with parseSheetTime", () => {
    const text = "2031-12-31 23:59:59";
    expect(formatSheetTime(epochOf(text))).toBe(text);
  });
});
