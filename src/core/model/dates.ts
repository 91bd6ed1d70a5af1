// Calendar days as the workbook holds them: Excel serial numbers (the 1900 date system) in cells,
// dd/mm/yyyy for people, yyyy-mm-dd in JSON and on the command line. A date cell reaches the core as a
// serial (Office.js), as ISO text (exceljs) or as text a person typed: parseDay takes all three.

import { CellValue, cellText } from './grid';

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The years a date of this work may fall in; anything else is a typing slip. */
export const YEAR_RANGE = { min: 1945, max: 2100 };

/** Excel's serial day 25569 is 1970-01-01 (the 1900 date system). */
const SERIAL_UNIX_EPOCH = 25569;
const DAY_MS = 86400000;

export function isValidDay(d: Day): boolean {
  const { year, month, day } = d;
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max || month < 1 || month > 12 || day < 1 || day % 1 !== 0) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

function pad(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

/** 25/11/2024 */
export function formatDay(d: Day): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** 2024-11-25 */
export function isoDay(d: Day): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function serialOfDay(d: Day): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS) + SERIAL_UNIX_EPOCH;
}

/** The day of a whole serial number, or null when it is not one of YEAR_RANGE. */
export function dayOfSerial(serial: number): Day | null {
  if (!isFinite(serial) || serial % 1 !== 0) return null;
  const date = new Date((serial - SERIAL_UNIX_EPOCH) * DAY_MS);
  const d = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  return isValidDay(d) ? d : null;
}

/** "2024-11-25" (with or without a time part) → the day, or null. */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(text.trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(d) ? d : null;
}

/** "25/11/2024", "25.11.2024", "25-11-2024" → the day, or null. */
export function parseVietnameseDay(text: string): Day | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return isValidDay(d) ? d : null;
}

/** A date cell however it arrives: a serial number, ISO text, or dd/mm/yyyy typed as text; else null. */
export function parseDay(value: CellValue | undefined): Day | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number') return dayOfSerial(value);
  const text = cellText(value);
  return parseIsoDay(text) || parseVietnameseDay(text);
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today on the machine's calendar (the CLI and the pane pass it in; the core never reads a clock). */
export function dayOfDate(date: Date): Day {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/**
 * True for a number format that shows a date (exceljs's utils.isDateFmt): both readers hand the
 * numbers of such cells back as ISO text, and planToGrids does as they do.
 */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** A serial as the readers give a date cell: ISO text at midnight UTC. */
export function serialToIso(serial: number): string {
  return new Date(Math.round((serial - SERIAL_UNIX_EPOCH) * DAY_MS)).toISOString();
}
