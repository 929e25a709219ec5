import { describe, expect, it } from "vitest";
import { amountLabel, groupDigits, quantityLabel } from "./figures";

describe("totals as people read them", () => {
  it("groups the whole part by thousands and keeps every digit of the exact text", () => {
    expect(groupDigits("1234567.891")).toBe("1,234,567.891");
    expect(groupDigits("1000000000000000000.00000001")).toBe("1,000,000,000,000,000,000.00000001");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("0.125")).toBe("0.125");
    expect(groupDigits("-1234.5")).toBe("-1,234.5");
  });

  it("names a quantity's unit and an amount's currency", () => {
    expect(quantityLabel("1234.5", "GB")).toBe("1,234.5 GB");
    expect(quantityLabel("3", "million tokens")).toBe("3 million tokens");
    expect(amountLabel("1020.5", "EUR")).toBe("1,020.5 EUR");
  });
});
