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
    const integer = dot < 0 ? value : value.slice(0, dot);
    const fraction = dot < 0 ? "" : value.slice(dot + 1);
    if (
      integer.length > 15 ||
      fraction.length > fractionDigits ||
      value.charCodeAt(0) === 45 ||
      this.units > safeUnits
    ) {
      this.exact = addDecimals(this.value, value);
      return;
    }
    this.units += Number(integer);
    if (fraction !== "") this.fraction += Number(fraction.padEnd(fractionDigits, "0"));
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
