/**
 * Exact decimal numbers as text (SPEC §1: quantities and amounts become invoices, so a JavaScript
 * number never carries one). Accepted text: an optional "-", digits, and an optional "." with
 * digits; ".5" and "5." are accepted. Refused: "+", exponents, "," and any spaces (callers trim).
 */

declare const normalized: unique symbol;

/** Decimal text in canonical form: no leading zeros, no trailing fractional zeros, no "-0". */
export type DecimalText = string & { readonly [normalized]: true };

const ZERO = 48;
const NINE = 57;
const DOT = 46;
const MINUS = 45;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function skipDigits(text: string, from: number): number {
  let position = from;
  while (position < text.length && isDigit(text.charCodeAt(position))) position++;
  return position;
}

/** Reads decimal text into canonical form ("012.50" → "12.5", ".5" → "0.5"), or null if it is not one. */
export function parseDecimal(text: string): DecimalText | null {
  const negative = text.charCodeAt(0) === MINUS;
  const integerStart = negative ? 1 : 0;
  const integerEnd = skipDigits(text, integerStart);
  const hasDot = text.charCodeAt(integerEnd) === DOT;
  const fractionStart = hasDot ? integerEnd + 1 : integerEnd;
  const fractionEnd = skipDigits(text, fractionStart);
  const hasDigits = integerEnd > integerStart || fractionEnd > fractionStart;
  if (!hasDigits || fractionEnd !== text.length) return null;

  let significantStart = integerStart;
  while (significantStart < integerEnd - 1 && text.charCodeAt(significantStart) === ZERO) significantStart++;
  let significantEnd = fractionEnd;
  while (significantEnd > fractionStart && text.charCodeAt(significantEnd - 1) === ZERO) significantEnd--;

  // Most cells are canonical already; returning them as they are spares building a new string.
  const alreadyCanonical =
    significantStart === integerStart &&
    integerEnd > integerStart &&
    significantEnd === fractionEnd &&
    fractionEnd > fractionStart === hasDot &&
    text !== "-0";
  if (alreadyCanonical) return text as DecimalText;

  const integer = integerEnd > integerStart ? text.slice(significantStart, integerEnd) : "0";
  const fraction = text.slice(fractionStart, significantEnd);
  const sign = negative && (integer !== "0" || fraction !== "") ? "-" : "";
  return (fraction === "" ? sign + integer : `${sign}${integer}.${fraction}`) as DecimalText;
}

/** Digits after the point; trailing zeros were dropped by parseDecimal, so "12.50" counts 1. */
export function countDecimals(value: DecimalText): number {
  const dot = value.indexOf(".");
  return dot === -1 ? 0 : value.length - dot - 1;
}

export function isNegative(value: DecimalText): boolean {
  return value.charCodeAt(0) === MINUS;
}

/** Exact sum, through integers scaled to the longer fraction. */
export function addDecimals(a: DecimalText, b: DecimalText): DecimalText {
  const scale = Math.max(countDecimals(a), countDecimals(b));
  return fromScaled(toScaled(a, scale) + toScaled(b, scale), scale);
}

function toScaled(value: DecimalText, scale: number): bigint {
  const [integer = "", fraction = ""] = value.split(".");
  return BigInt(integer + fraction.padEnd(scale, "0"));
}

function fromScaled(scaled: bigint, scale: number): DecimalText {
  const sign = scaled < 0n ? "-" : "";
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(scale + 1, "0");
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return (fraction === "" ? sign + integer : `${sign}${integer}.${fraction}`) as DecimalText;
}
