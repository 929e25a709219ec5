import "server-only";

const significantDigits = 15;
// Doubles reach from 5E-324 to 1.8E308; a stored exponent far outside is not an Excel number, and
// writing it out in full would cost megabytes.
const widestDecimalExponent = 330;
const decimalNumber = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A stored number as Excel shows it: rounded to 15 significant digits, written out in plain
 * decimals without exponent or trailing zeros (`0.30000000000000004` → `0.3`, `1E-3` → `0.001`).
 * Pure string arithmetic, so no binary float ever leaks into an amount. Text that is not a number
 * comes back unchanged.
 */
export function formatExcelNumber(stored: string): string {
  if (isShownAsStored(stored)) return stored;
  const [, sign = "", integer = "", fraction = "", exponent = "0"] = decimalNumber.exec(stored) ?? [];
  const digits = integer + fraction;
  if (digits === "") return stored;
  const firstSignificant = digits.search(/[1-9]/);
  if (firstSignificant < 0) return "0";
  const rounded = roundDigits(digits.slice(firstSignificant), significantDigits);
  const pointPosition = integer.length - firstSignificant + Number(exponent) + rounded.carry;
  if (Math.abs(pointPosition) > widestDecimalExponent) return stored;
  const text = placePoint(rounded.digits.replace(/0+$/, ""), pointPosition);
  return sign === "-" ? `-${text}` : text;
}

/** Rounds half up; `carry` is 1 when rounding added a digit in front (999.5 → 1000). */
function roundDigits(digits: string, count: number): { digits: string; carry: number } {
  if (digits.length <= count) return { digits, carry: 0 };
  const kept = digits.slice(0, count);
  if (digits.charCodeAt(count) < 53 /* "5" */) return { digits: kept, carry: 0 };
  const incremented = (BigInt(kept) + 1n).toString();
  return { digits: incremented, carry: incremented.length - count };
}

/** Places the decimal point `position` digits from the left of `digits` (negative: left of them). */
function placePoint(digits: string, position: number): string {
  if (position <= 0) return `0.${"0".repeat(-position)}${digits}`;
  if (position >= digits.length) return digits + "0".repeat(position - digits.length);
  return `${digits.slice(0, position)}.${digits.slice(position)}`;
}

/** Whether Excel shows the stored text unchanged: a plain decimal of at most 15 characters, no padding zeros. The common case, checked without allocating. */
function isShownAsStored(stored: string): boolean {
  const { length } = stored;
  const first = stored.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (length === first || length > significantDigits) return false;
  if (stored.charCodeAt(first) === 48 /* 0 */ && length > first + 1 && stored.charCodeAt(first + 1) !== 46 /* . */)
    return false;
  let point = -1;
  for (let i = first; i < length; i++) {
    const code = stored.charCodeAt(i);
    if (code === 46 && point < 0 && i > first) point = i;
    else if (code < 48 || code > 57) return false;
  }
  const last = stored.charCodeAt(length - 1);
  if (point >= 0 && (last === 48 || last === 46)) return false;
  return stored !== "-0";
}
