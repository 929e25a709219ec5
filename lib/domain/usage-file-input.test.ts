import { describe, expect, it } from "vitest";
import { createUsageFileInput, lastFullMonth, monthPeriod, periodDays } from "./usage-file-input";

const valid = {
  productId: "PRD-100-001",
  contractId: "CRD-00001",
  name: " October usage ",
  currency: "usd",
  firstDay: "2026-10-01",
  lastDay: "2026-10-31",
};

describe("a new usage file's details", () => {
  it("defaults to the last full month, shown as its first and last day", () => {
    const period = lastFullMonth(new Date("2026-11-25T10:00:00Z"));
    expect(period).toEqual({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") });
    expect(periodDays(period)).toEqual({ firstDay: "2026-10-01", lastDay: "2026-10-31" });
  });

  it("wraps a January default back to December of the year before", () => {
    expect(lastFullMonth(new Date("2027-01-05T00:00:00Z")).from).toEqual(new Date("2026-12-01T00:00:00Z"));
  });

  it("reads a YYYY-MM month as its whole month, December up to the next January", () => {
    expect(monthPeriod("2026-02")).toEqual({
      from: new Date("2026-02-01T00:00:00Z"),
      to: new Date("2026-03-01T00:00:00Z"),
    });
    expect(monthPeriod("2026-12")).toEqual({
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
  });

  it("stores the period half-open, through the end of the last day", () => {
    const parsed = createUsageFileInput.parse(valid);
    expect(parsed).toMatchObject({ name: "October usage", currency: "USD", description: "" });
    expect(parsed.period).toEqual({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") });
  });

  it("names the field that is wrong", () => {
    const result = createUsageFileInput.safeParse({ ...valid, name: " ", currency: "dollars", lastDay: "2026-09-30" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields).toMatchObject({
      name: "Give the file a name.",
      currency: "Use a three-letter currency code such as USD.",
    });
  });

  it("refuses a period that ends before it starts", () => {
    const result = createUsageFileInput.safeParse({ ...valid, firstDay: "2026-10-10", lastDay: "2026-10-01" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["lastDay"],
      message: "The last day cannot be before the first.",
    });
  });
});
