// Recognises what a file really is before any parser sees it, so a wrong or hostile file gets a clear
// refusal instead of a crash or an unbounded inflate.

import { refuse } from '../../core/model/errors';
import { VerifiedPart, ZipDirectory, readZipDirectory, verifyZipParts } from './zip-scan';
import { message } from '../../core/text/node';

/** Limits for a workbook we agree to open. */
export const WORKBOOK_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 5000,
};


/** The zip's central directory with the uncompressed sizes it declares, summed. */
function declaredZipSize(bytes: Buffer): { total: number; entries: number; names: string[]; directory: ZipDirectory } | null {
  const directory = readZipDirectory(bytes);
  if (!directory) return null;
  const total = directory.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  return { total, entries: directory.entries.length, names: directory.entries.map((e) => e.name), directory };
}

/** Refuses, with a UserError, what is not an .xlsx we can safely open; returns its verified parts. */
export function sniffWorkbookBytes(bytes: Buffer, base: string): VerifiedPart[] {
  if (bytes.length === 0) refuse('empty', message('files.sniff.empty', { base }));
  if (bytes.length > WORKBOOK_LIMITS.maxFileBytes) {
    refuse('too-large', message('files.sniff.tooLargeOverMb', { base }));
  }
  // OLE compound file: legacy .xls, or an .xlsx encrypted with a password.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    const asText = bytes.toString('latin1');
    if (asText.indexOf('E\u0000n\u0000c\u0000r\u0000y\u0000p\u0000t\u0000e\u0000d\u0000P\u0000a\u0000c\u0000k\u0000a\u0000g\u0000e') >= 0) {
      refuse('password', message('files.sniff.passwordProtectedOpenExcel', { base }));
    }
    refuse('xls', message('files.sniff.oldExcelFileXls', { base }));
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    const head = bytes.slice(0, 512).toString('utf8');
    if (/^\s*[{[]/.test(head)) refuse('json', message('files.sniff.jsonFileExcelXlsx', { base }));
    if (/[,;\t]/.test(head) && !/[\u0000-\u0008]/.test(head)) {
      refuse('csv', message('files.sniff.textCsvFileExcel', { base }));
    }
    refuse('not-a-workbook', message('files.sniff.excelXlsxFile', { base }));
  }
  const zip = declaredZipSize(bytes);
  if (!zip) refuse('corrupt', message('files.sniff.damagedZipStructureRead', { base }));
  if (zip.names.indexOf('mimetype') >= 0 && bytes.toString('latin1', 0, 200).indexOf('opendocument') >= 0) {
    refuse('ods', message('files.sniff.opendocumentSpreadsheetOdsSave', { base }));
  }
  if (zip.names.indexOf('xl/workbook.xml') < 0) {
    refuse('not-a-workbook', message('files.sniff.zipFileButExcel', { base }));
  }
  if (zip.entries > WORKBOOK_LIMITS.maxEntries || zip.total > WORKBOOK_LIMITS.maxUncompressedBytes) {
    refuse('zip-bomb', message('files.sniff.wouldExpandFarBeyond', { base }));
  }
  return verifyZipParts(bytes, zip.directory, base);
}
