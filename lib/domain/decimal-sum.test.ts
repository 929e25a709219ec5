import { describe, expect, it } from "vitest";
import { addDecimals, parseDecimal, type DecimalText } from "./decimal";
import { DecimalSum } from "./decimal-sum";

const d = (text: string) => parseDecimal(text)!;

function sumOf(values: string[]): string {
  const sum = new DecimalSum();
  for (const value of values) sum.add(d(value));
  return sum.value;
}

describe("DecimalSum", () => {
  it("starts at zero", () => {
    expect(new DecimalSum().value).toBe("0");
  });

  it("adds exactly where floats would not", () => {
    expect(sumOf(["0.1", "0.2"])).toBe("0.3");
    expect(sumOf(["0.00000001", "0.99999999", "12"])).toBe("13");
    expect(sumOf(["1.5", "2.25", "3.125", "4.00000001"])).toBe("10.87500001");
  });

  it("agrees with text addition over many values", () => {
    const values = Array.from(
      { length: 5000 },
      (_, i) => `${(i * 7919) % 100000}.${String((i * 104729) % 100000000).padStart(8, "0")}`,
    );
    expect(sumOf(values)).toBe(values.reduce<DecimalText>((sum, value) => addDecimals(sum, d(value)), d("0")));
  });

  it("stays exact past 2^53, with more than 8 decimals, and with negatives", () => {
    expect(
      sumOf([
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "999999999999999",
        "0.5",
      ]),
    ).toBe("9999999999999990.5");
    expect(sumOf(["1.123456789", "1"])).toBe("2.123456789");
    expect(sumOf(["5", "-7.5"])).toBe("-2.5");
    expect(sumOf(["12345678901234567890", "1"])).toBe("12345678901234567891");
  });
});
