import "server-only";

const secondsPerDay = 86_400;
const millisecondsPerDay = secondsPerDay * 1000;
const lastSerial = 2_958_465; // 9999-12-31, the last day Excel shows
const fictitiousLeapDay = 60; // Excel counts a 1900-02-29 that never was, as Lotus 1-2-3 did
const epoch1900 = Date.UTC(1899, 11, 30); // day 0 for serials after the fictitious leap day
const epoch1904 = Date.UTC(1904, 0, 1);

/**
 * A date serial as `YYYY-MM-DD hh:mm:ss`, rounded to the second, as Excel shows it in UTC; undefined
 * for serials Excel cannot show as a date (negative, past 9999).
 */
export function formatExcelDate(serial: number, date1904: boolean): string | undefined {
  if (!(serial >= 0 && serial < lastSerial + 1)) return undefined;
  const totalSeconds = Math.round(serial * secondsPerDay);
  let day = Math.floor(totalSeconds / secondsPerDay);
  const time = formatTime(totalSeconds - day * secondsPerDay);
  if (date1904) return `${formatDay(epoch1904, day)} ${time}`;
  if (day === fictitiousLeapDay) return `1900-02-29 ${time}`;
  if (day < fictitiousLeapDay) day += 1;
  return `${formatDay(epoch1900, day)} ${time}`;
}

function formatDay(epoch: number, day: number): string {
  const date = new Date(epoch + day * millisecondsPerDay);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function formatTime(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

const isoDateTime = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/;

/** A cell of type `d` (stored as ISO 8601 text, rare) as `YYYY-MM-DD hh:mm:ss`; other text unchanged. */
export function formatIsoDate(stored: string): string {
  const [, day, time = "00:00:00"] = isoDateTime.exec(stored) ?? [];
  return day ? `${day} ${time}` : stored;
}
