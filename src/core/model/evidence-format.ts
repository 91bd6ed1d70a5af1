// The formats of a register entry: document number and symbol (số, ký hiệu: 125/KH-UBND,
// 12/2023/QĐ-UBND, 01/CT-TTg), issue date (dd/mm/yyyy), and the criterion codes it backs.

import { CellValue, cellText } from './grid';
import { dayOfSerial, formatDay, parseIsoDay, parseVietnameseDay } from './dates';

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

/** "5/3/2024", "05.03.2024", "05-03-2024" → "05/03/2024"; null unless it is a real date. */
export function tidyDate(text: string): string | null {
  const d = parseVietnameseDay(text);
  return d ? formatDay(d) : null;
}

/**
 * A date inside free text or a file name ("ngay 20.12.2023", "ngày 5 tháng 3 năm 2024"), as
 * dd/mm/yyyy, or null.
 */
export function findDate(text: string): string | null {
  const re = /(?:^|\D)(\d{1,2}[/._-]\d{1,2}[/._-]\d{4})(?!\d)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const tidy = tidyDate(m[1].replace(/_/g, '-'));
    if (tidy) return tidy;
  }
  const words = /ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})/i.exec(text.normalize('NFC'));
  return words ? tidyDate(`${words[1]}/${words[2]}/${words[3]}`) : null;
}

/**
 * A date cell as dd/mm/yyyy text. The register's date column is text, but a date typed into a
 * General cell arrives as a serial number (Office.js) or ISO text (exceljs); both are turned back.
 */
export function dateCellText(value: CellValue): string {
  if (typeof value === 'number') {
    const d = dayOfSerial(value);
    return d ? formatDay(d) : String(value);
  }
  const text = cellText(value);
  const iso = parseIsoDay(text);
  return iso ? formatDay(iso) : text;
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
