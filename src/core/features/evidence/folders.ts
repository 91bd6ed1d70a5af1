// Names of the evidence folders (one per leaf: "1.1.1 Ban hanh ke hoach CCHC") and what a dropped
// file's name tells about the document. Folder names are safe on Windows: plain letters, digits and a
// few marks, short enough to leave room for long file names under the 260-character path limit.

import { findDate, findDocumentNumber } from '../../model/evidence-format';

/** Characters of the short name after the code; the whole folder name stays under about 50. */
const SHORT_NAME_LENGTH = 40;

/** "Ban hành Kế hoạch" → "Ban hanh Ke hoach": Vietnamese letters without their marks, case kept. */
export function plainLetters(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The folder of a leaf: its code and the first words of its name, nothing Windows refuses. */
export function leafFolderName(code: string, name: string): string {
  const words = plainLetters(name).replace(/[^A-Za-z0-9 ,()_-]+/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  let short = '';
  for (const word of words) {
    const next = short ? short + ' ' + word : word;
    if (next.length > SHORT_NAME_LENGTH) break;
    short = next;
  }
  if (!short && words[0]) short = words[0].slice(0, SHORT_NAME_LENGTH);
  // Windows drops trailing dots and spaces, so a name ending in one would not round-trip.
  short = short.replace(/[ .,_-]+$/, '');
  return short ? `${code} ${short}` : code;
}

/** The criterion code a folder name starts with ("1.1.1 Ban hanh..." → "1.1.1"), or null. */
export function codeOfFolder(name: string): string | null {
  const m = /^(\d+(?:\.\d+)*)(?=$|[\s_-])/.exec(name.normalize('NFC').trim());
  return m ? m[1] : null;
}

/** Files that are not evidence: Office lock files, system thumbnails, macOS metadata, hidden files. */
export function isIgnoredFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.charAt(0) === '.' || lower.slice(0, 2) === '~$' || lower === 'thumbs.db' || lower === 'desktop.ini';
}

/**
 * A document number in a file name: "125-KH-UBND", "12_2023_QĐ-UBND", after "Số"/"So" or a document
 * kind ("Quyết định 1234-QĐ-UBND", "Báo cáo số 45-BC-UBND"), anywhere in the name. File names cannot
 * hold "/", so people write "-" or "_"; the symbol's parts are capitals ("TTg" is the one common
 * mixed-case part), so "2024-Bao-Cao" is not one.
 */
const NUMBER_IN_NAME = /(?:^|[\s_(])(?:s[ốoô]\s*[:.]?[\s_-]*)?(\d{1,5})[\s_-]+(?:(\d{4})[\s_-]+)?([A-ZĐ][A-Za-zĐđ0-9]*(?:[-_][A-ZĐ][A-Za-zĐđ0-9]*)+)(?=$|[\s_.,)])/gi;

function numberInName(stem: string): string {
  NUMBER_IN_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_IN_NAME.exec(stem))) {
    if (m[3].split(/[-_]/).every((part) => /^[A-ZĐ][A-ZĐ0-9]*[a-z]?$/.test(part))) {
      return `${m[1]}/${m[2] ? m[2] + '/' : ''}${m[3].replace(/_/g, '-')}`;
    }
  }
  return '';
}

/**
 * What a file name says about its document: "125-KH-UBND ngay 20.12.2023 Ke hoach CCHC.pdf" or "Quyết
 * định 1234-QĐ-UBND ngày 5 tháng 3 năm 2024.pdf" give the number and the date, written with or
 * without diacritics. The description is the name without its extension, so nothing the clerk wrote is
 * lost.
 */
export function documentFromFileName(fileName: string): { number: string; date: string; summary: string } {
  const stem = fileName.normalize('NFC').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  const plain = plainSpaces(stem);
  return { number: numberInName(plain) || findDocumentNumber(stem) || '', date: findDate(plain) || '', summary: stem };
}

function plainSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}
