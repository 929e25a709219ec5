/**
 * Start and end times of a usage record (SPEC §4), read into epoch milliseconds, UTC.
 *
 * Accepted: `YYYY-MM-DD` (midnight), then optionally " " or "T", `hh:mm`, optionally `:ss`,
 * optionally a fraction of seconds (kept to the millisecond, further digits dropped), and
 * optionally `Z` or an offset `±hh:mm`. Without an offset the time is UTC, as the column names say.
 * Refused: impossible dates (2026-02-30), 24:00, leap seconds, anything else.
 */

export type SheetTimeResult = { ok: true; epochMs: number } | { ok: false; reason: string };

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const DATE_LENGTH = "YYYY-MM-DD".length;
const ZERO = 48;
const NINE = 57;
const HYPHEN = 45;
const COLON = 58;
const DOT = 46;
const SPACE = 32;
const PLUS = 43;
const LETTER_T = 84;
const LETTER_Z = 90;

const wrongFormat: SheetTimeResult = {
  ok: false,
  reason: "expected YYYY-MM-DD hh:mm:ss (UTC) or ISO 8601 such as 2026-01-31T23:00:00Z",
};

export function parseSheetTime(text: string): SheetTimeResult {
  const century = readTwoDigits(text, 0);
  const yearOfCentury = readTwoDigits(text, 2);
  const month = readTwoDigits(text, 5);
  const day = readTwoDigits(text, 8);
  if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0) return wrongFormat;
  const year = century * 100 + yearOfCentury;
  if (text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return wrongFormat;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `${text.slice(0, DATE_LENGTH)} is not a calendar date` };
  }
  const midnight = daysSinceEpoch(year, month, day) * MS_PER_DAY;
  if (text.length === DATE_LENGTH) return { ok: true, epochMs: midnight };

  const separator = text.charCodeAt(DATE_LENGTH);
  if (separator !== SPACE && separator !== LETTER_T) return wrongFormat;
  return parseTimeOfDay(text, DATE_LENGTH + 1, midnight);
}

function parseTimeOfDay(text: string, start: number, midnight: number): SheetTimeResult {
  const hour = readTwoDigits(text, start);
  const minute = readTwoDigits(text, start + 3);
  if (hour < 0 || minute < 0 || text.charCodeAt(start + 2) !== COLON) return wrongFormat;

  let position = start + 5;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(position) === COLON) {
    second = readTwoDigits(text, position + 1);
    if (second < 0) return wrongFormat;
    position += 3;
    if (text.charCodeAt(position) === DOT) {
      const fractionEnd = skipDigits(text, position + 1);
      if (fractionEnd === position + 1) return wrongFormat;
      millisecond = readMilliseconds(text, position + 1, fractionEnd);
      position = fractionEnd;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `${text.slice(start, position)} is not a time of day` };
  }

  const offsetMinutes = readOffsetMinutes(text, position);
  if (Number.isNaN(offsetMinutes)) return wrongFormat;
  const local = midnight + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond;
  return { ok: true, epochMs: local - offsetMinutes * MS_PER_MINUTE };
}

/** Minutes east of UTC for "", "Z" or "±hh:mm" ending the text; NaN for anything else. */
function readOffsetMinutes(text: string, start: number): number {
  if (start === text.length) return 0;
  const sign = text.charCodeAt(start);
  if (sign === LETTER_Z) return start + 1 === text.length ? 0 : NaN;
  if (sign !== PLUS && sign !== HYPHEN) return NaN;
  const hours = readTwoDigits(text, start + 1);
  const minutes = readTwoDigits(text, start + 4);
  const wellFormed = text.charCodeAt(start + 3) === COLON && start + 6 === text.length;
  if (!wellFormed || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  return (sign === PLUS ? 1 : -1) * (hours * 60 + minutes);
}

/** The number written by the two digits at `start`, or -1 if either is not a digit. */
function readTwoDigits(text: string, start: number): number {
  const tens = text.charCodeAt(start) - ZERO;
  const ones = text.charCodeAt(start + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function isDigitAt(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code >= ZERO && code <= NINE;
}

function skipDigits(text: string, from: number): number {
  let position = from;
  while (isDigitAt(text, position)) position++;
  return position;
}

/** The first three digits of the fraction between `start` and `end`, padded with zeros. */
function readMilliseconds(text: string, start: number, end: number): number {
  let milliseconds = 0;
  for (let position = start; position < start + 3; position++) {
    milliseconds = milliseconds * 10 + (position < end ? text.charCodeAt(position) - ZERO : 0);
  }
  return milliseconds;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 * Date.UTC would read years 0–99 as 1900–1999.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const marchBasedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchBasedYear / 400);
  const yearOfEra = marchBasedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Epoch milliseconds as the sheet writes them, `YYYY-MM-DD hh:mm:ss` (with `.sss` when not zero). */
export function formatSheetTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const milliseconds = iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${milliseconds === ".000" ? "" : milliseconds}`;
}
