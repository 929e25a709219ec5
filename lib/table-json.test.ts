import { describe, expect, it } from "vitest";
import { parseTableJson, tableJson } from "./table-json";

describe("table pages as JSON", () => {
  it("brings dates back as dates, and leaves text that looks like a date as text", () => {
    const page = {
      rows: [{ startTime: new Date("2026-10-01T00:00:00.000Z"), note: "2026-10-01T00:00:00.000Z", end: null }],
      total: 1,
    };
    const back = parseTableJson<typeof page>(tableJson(page));
    expect(back).toEqual(page);
    expect(back.rows[0]!.startTime).toBeInstanceOf(Date);
    expect(typeof back.rows[0]!.note).toBe("string");
  });
});
