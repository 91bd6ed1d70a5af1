// The formats of a register entry: document number and symbol (số, ký hiệu: 125/KH-UBND,
// 12/2023/QĐ-UBND, 01/CT-TTg), issue date (dd/mm/yyyy), and the criterion codes it backs.

import { CellValue, cellText } from './grid';

/**
 * Số/ký hiệu: a number (optionally the year), then the symbol's parts joined by "-". Each part starts
 * with a capital ("TTg" of the Prime Minister is the one common mixed-case part).
 */
const DOCUMENT_NUMBER = /^\d{1,5}[a-z]?(\/\d{4})?\/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*$/;

/** "Số 125 / KH-UBND" → "125/KH-UBND": the form to store and to check. */
export function tidyDocumentNumber(text: string): string {
  return text.normalize('NFC').trim().replace(/^s[ốo]\s*:?\s*/i, '').replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-');
}

export function isDocumentNumber(text: string): boolean {
  return DOCUMENT_NUMBER.test(tidyDocumentNumber(text));
}

/** A document number inside free text ("Kế hoạch số 125/KH-UBND ngày ..."), or null. */
export function findDocumentNumber(text: string): string | null {
  const m = /(?:^|[\s(,;:])(\d{1,5}[a-z]?(?:\/\d{4})?\/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)/.exec(text.normalize('NFC'));
  return m ? m[1] : null;
}

const YEAR_RANGE = { min: 1945, max: 2100 };

function validDay(day: number, month: number, year: number): boolean {
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max || month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

function pad(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

/** "5/3/2024", "05.03.2024", "05-03-2024" → "05/03/2024"; null unless it is a real date. */
export function tidyDate(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(day, month, year) ? `${pad(day)}/${pad(month)}/${year}` : null;
}

/** A date inside free text or a file name ("ngay 20.12.2023"), as dd/mm/yyyy, or null. */
export function findDate(text: string): string | null {
  const re = /(?:^|\D)(\d{1,2}[/._-]\d{1,2}[/._-]\d{4})(?!\d)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const tidy = tidyDate(m[1].replace(/_/g, '-'));
    if (tidy) return tidy;
  }
  return null;
}

/** Excel's serial day 25569 is 1970-01-01 (the 1900 date system). */
const SERIAL_UNIX_EPOCH = 25569;
const DAY_MS = 86400000;

/**
 * A date cell as dd/mm/yyyy text. The register's date column is text, but a date typed into a
 * General cell arrives as a serial number (Office.js) or ISO text (exceljs); both are turned back.
 */
export function dateCellText(value: CellValue): string {
  if (typeof value === 'number') {
    const d = new Date(Math.round((value - SERIAL_UNIX_EPOCH) * DAY_MS));
    const year = d.getUTCFullYear();
    if (value % 1 === 0 && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max) return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${year}`;
    return String(value);
  }
  const text = cellText(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(text);
  if (iso && validDay(Number(iso[3]), Number(iso[2]), Number(iso[1]))) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return text;
}

/**
 * The codes of a register cell, as the Tài liệu kiểm chứng formula reads them: spaces dropped, then
 * split at ";", "," and line breaks. Reader and formula must agree, or the counts would differ.
 */
export function parseCodes(value: CellValue): string[] {
  const text = typeof value === 'number' ? String(value) : cellText(value);
  const codes: string[] = [];
  for (const part of text.replace(/ /g, '').split(/[;,\n]/)) if (part && codes.indexOf(part) < 0) codes.push(part);
  return codes;
}

export function formatCodes(codes: string[]): string {
  return codes.join('; ');
}
