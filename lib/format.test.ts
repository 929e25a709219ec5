import { describe, expect, it } from "vitest";
import { sheetTimeOfPicker } from "./format";

describe("a picked date and time", () => {
  it("is written in the sheet's format, seconds included", () => {
    expect(sheetTimeOfPicker("2026-03-10T06:30")).toBe("2026-03-10 06:30:00");
    expect(sheetTimeOfPicker("2026-03-10T06:30:15")).toBe("2026-03-10 06:30:15");
    expect(sheetTimeOfPicker("2026-03-10T06:30:15.250")).toBe("2026-03-10 06:30:15");
  });

  it("is empty when the picker was cleared", () => {
    expect(sheetTimeOfPicker("")).toBe("");
  });
});
