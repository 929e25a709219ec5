/**
 * Table pages as JSON between the server and the browser's tables, with their dates kept as dates:
 * a date travels as `{"$date": "<ISO>"}`, which no string field can be mistaken for.
 */

export function tableJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, converted) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : converted;
  });
}

export function parseTableJson<Value>(text: string): Value {
  return JSON.parse(text, (_, value) =>
    value !== null && typeof value === "object" && Object.keys(value).length === 1 && typeof value.$date === "string"
      ? new Date(value.$date)
      : value,
  ) as Value;
}
