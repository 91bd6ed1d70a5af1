// What a file a person picked really is, from its first bytes and the names in its zip: one answer and
// one message whichever reader opens it (the CLI's exceljs reader, the pane's small reader).

import { refuse } from './errors';
import { message } from '../text/catalogue';
import { useReadingTexts } from '../text/reading-texts';

useReadingTexts();

export const WORKBOOK_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 5000,
};

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) out += String.fromCharCode(bytes[i]);
  return out;
}

const ZIP_LOCAL = 0x504b0304;

/**
 * Refuses, with what to do, a file that is not an .xlsx: empty, too large, an old .xls or a
 * password-protected workbook, JSON, CSV, an OpenDocument spreadsheet, another zip. `zipNames` reads
 * the zip's directory (null when it cannot). Returns the names for the caller's own checks.
 */
export function recognizeWorkbook(bytes: Uint8Array, base: string, zipNames: () => string[] | null): string[] {
  if (bytes.length === 0) refuse('empty', message('files.sniff.empty', { base }));
  if (bytes.length > WORKBOOK_LIMITS.maxFileBytes) {
    refuse('too-large', message('files.sniff.tooLargeOverMb', { base }));
  }
  // OLE compound file: legacy .xls, or an .xlsx encrypted with a password.
  if (bytes.length >= 8 && u32be(bytes, 0) === 0xd0cf11e0 && u32be(bytes, 4) === 0xa1b11ae1) {
    if (latin1(bytes, 0, bytes.length).indexOf('E\u0000n\u0000c\u0000r\u0000y\u0000p\u0000t\u0000e\u0000d\u0000P\u0000a\u0000c\u0000k\u0000a\u0000g\u0000e') >= 0) {
      refuse('password', message('files.sniff.passwordProtectedOpenExcel', { base }));
    }
    refuse('xls', message('files.sniff.oldExcelFileXls', { base }));
  }
  if (bytes.length < 4 || u32be(bytes, 0) !== ZIP_LOCAL) {
    const head = latin1(bytes, 0, 512);
    if (/^\s*[{[]/.test(head)) refuse('json', message('files.sniff.jsonFileExcelXlsx', { base }));
    if (/[,;\t]/.test(head) && !/[\u0000-\u0008]/.test(head)) {
      refuse('csv', message('files.sniff.textCsvFileExcel', { base }));
    }
    refuse('not-a-workbook', message('files.sniff.excelXlsxFile', { base }));
  }
  const names = zipNames();
  if (!names) refuse('corrupt', message('files.sniff.damagedZipStructureRead', { base }));
  if (names.indexOf('mimetype') >= 0 && latin1(bytes, 0, 200).indexOf('opendocument') >= 0) {
    refuse('ods', message('files.sniff.opendocumentSpreadsheetOdsSave', { base }));
  }
  if (names.indexOf('xl/workbook.xml') < 0) {
    refuse('not-a-workbook', message('files.sniff.zipFileButExcel', { base }));
  }
  if (names.length > WORKBOOK_LIMITS.maxEntries) {
    refuse('zip-bomb', message('files.sniff.wouldExpandFarBeyond', { base }));
  }
  return names;
}
