import { addDecimals, parseDecimal, type DecimalText } from "./decimal";

const fractionDigits = 8;
const fractionUnit = 10 ** fractionDigits;
// Past this the integer sum could lose a unit to rounding: the exact text path takes over.
const safeUnits = Number.MAX_SAFE_INTEGER - 2 * 10 ** 15;

/**
 * An exact running sum of decimal text, fast enough to keep several per record of a million-row
 * file: whole units and 1e-8 fractions add as integer-valued numbers (exact below 2^53); a value
 * that does not fit (more than 8 decimals, 15 integer digits, a sign) or a sum grown past 2^53
 * switches the sum to exact text addition.
 */
export class DecimalSum {
  private units = 0;
  private fraction = 0;
  private exact: DecimalText | null = null;

  add(value: DecimalText): void {
    if (this.exact !== null) {
      this.exact = addDecimals(this.exact, value);
      return;
    }
    const dot = value.indexOf(".");
    const integerEnd = dot < 0 ? value.length : dot;
    const fractionLength = dot < 0 ? 0 : value.length - dot - 1;
    if (integerEnd > 15 || fractionLength > fractionDigits || value.charCodeAt(0) === 45 || this.units > safeUnits) {
      this.exact = addDecimals(this.value, value);
      return;
    }
    // Digit by digit rather than by slices and Number(): this runs three times per record read.
    this.units += digitsValue(value, 0, integerEnd);
    if (fractionLength > 0) {
      this.fraction += digitsValue(value, dot + 1, value.length) * 10 ** (fractionDigits - fractionLength);
    }
    if (this.fraction >= fractionUnit) {
      this.units += Math.floor(this.fraction / fractionUnit);
      this.fraction %= fractionUnit;
    }
  }

  get value(): DecimalText {
    if (this.exact !== null) return this.exact;
    return parseDecimal(`${this.units}.${String(this.fraction).padStart(fractionDigits, "0")}`)!;
  }
}

/** The whole number the canonical digits `text[from..to)` spell (at most 15 of them: exact). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) value = value * 10 + (text.charCodeAt(at) - 48);
  return value;
}
