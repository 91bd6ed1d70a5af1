// Recognises what a file really is before any parser sees it, so a wrong or hostile file gets a clear
// refusal instead of a crash or an unbounded inflate.

import { refuse } from '../../core/model/errors';
import { VerifiedPart, ZipDirectory, readZipDirectory, verifyZipParts } from './zip-scan';

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
  if (bytes.length === 0) refuse('empty', `Tệp ${base} rỗng.`, `${base} is empty.`);
  if (bytes.length > WORKBOOK_LIMITS.maxFileBytes) {
    refuse('too-large', `Tệp ${base} quá lớn (trên 50 MB) để là một bảng chấm điểm.`, `${base} is too large (over 50 MB) to be a scoring workbook.`);
  }
  // OLE compound file: legacy .xls, or an .xlsx encrypted with a password.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    const asText = bytes.toString('latin1');
    if (asText.indexOf('E\u0000n\u0000c\u0000r\u0000y\u0000p\u0000t\u0000e\u0000d\u0000P\u0000a\u0000c\u0000k\u0000a\u0000g\u0000e') >= 0) {
      refuse('password', `Tệp ${base} được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.`,
        `${base} is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.`);
    }
    refuse('xls', `Tệp ${base} là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu dưới dạng .xlsx (Sổ làm việc Excel).`,
      `${base} is an old Excel file (.xls). Open it in Excel and save it as .xlsx (Excel Workbook).`);
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    const head = bytes.slice(0, 512).toString('utf8');
    if (/^\s*[{[]/.test(head)) refuse('json', `Tệp ${base} là tệp JSON, không phải tệp Excel (.xlsx).`, `${base} is a JSON file, not an Excel (.xlsx) file.`);
    if (/[,;\t]/.test(head) && !/[\u0000-\u0008]/.test(head)) {
      refuse('csv', `Tệp ${base} là tệp văn bản (CSV), không phải tệp Excel (.xlsx).`, `${base} is a text (CSV) file, not an Excel (.xlsx) file.`);
    }
    refuse('not-a-workbook', `Tệp ${base} không phải tệp Excel (.xlsx).`, `${base} is not an Excel (.xlsx) file.`);
  }
  const zip = declaredZipSize(bytes);
  if (!zip) refuse('corrupt', `Tệp ${base} bị hỏng (không đọc được cấu trúc nén).`, `${base} is damaged (its zip structure cannot be read).`);
  if (zip.names.indexOf('mimetype') >= 0 && bytes.toString('latin1', 0, 200).indexOf('opendocument') >= 0) {
    refuse('ods', `Tệp ${base} là bảng tính OpenDocument (.ods). Hãy lưu lại dưới dạng .xlsx.`, `${base} is an OpenDocument spreadsheet (.ods). Save it as .xlsx.`);
  }
  if (zip.names.indexOf('xl/workbook.xml') < 0) {
    refuse('not-a-workbook', `Tệp ${base} là tệp nén nhưng không phải sổ làm việc Excel (.xlsx).`, `${base} is a zip file but not an Excel (.xlsx) workbook.`);
  }
  if (zip.entries > WORKBOOK_LIMITS.maxEntries || zip.total > WORKBOOK_LIMITS.maxUncompressedBytes) {
    refuse('zip-bomb', `Tệp ${base} giải nén ra quá lớn so với một bảng chấm điểm; không mở.`,
      `${base} would expand far beyond the size of a scoring workbook; not opened.`);
  }
  return verifyZipParts(bytes, zip.directory, base);
}
