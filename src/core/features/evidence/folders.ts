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
 * What a file name says about its document: "125-KH-UBND ngay 20.12.2023 Ke hoach CCHC.pdf" gives the
 * number 125/KH-UBND and the date 20/12/2023 (file names cannot hold "/", so people write "-" or "_").
 * The description is the name without its extension, so nothing the clerk wrote is lost.
 */
export function documentFromFileName(fileName: string): { number: string; date: string; summary: string } {
  const stem = fileName.normalize('NFC').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  const numbered = /^(?:so[\s_-]*)?(\d{1,5})[\s_-]+(?:(\d{4})[\s_-]+)?([A-ZĐ][A-Za-zĐđ0-9]*(?:[-_][A-ZĐ][A-Za-zĐđ0-9]*)+)(?=$|[\s_.,])/i.exec(plainSpaces(stem));
  let number = '';
  // Symbol parts are capitals ("KH", "UBND"; "TTg" of the Prime Minister): "Bao-Cao" is not a symbol.
  if (numbered && numbered[3].split(/[-_]/).every((part) => /^[A-ZĐ][A-ZĐ0-9]*[a-z]?$/.test(part))) {
    number = `${numbered[1]}/${numbered[2] ? numbered[2] + '/' : ''}${numbered[3].replace(/_/g, '-')}`;
  }
  return { number: number || findDocumentNumber(stem) || '', date: findDate(stem) || '', summary: stem };
}

function plainSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}
