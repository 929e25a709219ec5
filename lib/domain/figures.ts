/**
 * How a total reads on a page: exact decimal text (never through a float) with thousands
 * separators, and always its unit or currency, so "1,234.5 GB" is never mistaken for dollars.
 */

/** "1234567.891" → "1,234,567.891"; the digits are kept as they are, only commas are added. */
export function groupDigits(decimal: string): string {
  const sign = decimal.startsWith("-") ? "-" : "";
  const unsigned = sign ? decimal.slice(1) : decimal;
  const dot = unsigned.indexOf(".");
  const integer = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot === -1 ? "" : unsigned.slice(dot);
  return sign + integer.replace(/\B(?=(\d{3})+$)/g, ",") + fraction;
}

/** A quantity with its item's unit: "1,234.5 GB". */
export function quantityLabel(quantity: string, unit: string): string {
  return `${groupDigits(quantity)} ${unit}`;
}

/** An amount with its currency: "1,020.5 EUR". */
export function amountLabel(amount: string, currency: string): string {
  return `${groupDigits(amount)} ${currency}`;
}
