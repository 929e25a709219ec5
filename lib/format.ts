/** Dates are shown in UTC everywhere: usage periods and record windows are defined in UTC. */

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A period is stored half-open [from, to); people read its last day, not the next month's first. */
export function formatPeriod(from: Date, to: Date): string {
  const lastDay = new Date(to.getTime() - 1);
  return `${formatDate(from)} – ${formatDate(lastDay)}`;
}

/**
 * A `datetime-local` picker's value (`YYYY-MM-DDThh:mm`, seconds when set) in the sheet's own text
 * format, `YYYY-MM-DD hh:mm:ss`: the picker's wall clock is read as UTC, as the sheet's columns are.
 */
export function sheetTimeOfPicker(value: string): string {
  const [date = "", time = ""] = value.split("T");
  return time === "" ? "" : `${date} ${time.length === 5 ? `${time}:00` : time.slice(0, 8)}`;
}
