// What a file a person picked really is, from its first bytes and the names in its zip: one answer and
// one message whichever reader opens it (the CLI's exceljs reader, the pane's small reader).

import { refuse } from './errors';

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
  if (bytes.length === 0) refuse('empty', `Tệp ${base} rỗng.`, `${base} is empty.`);
  if (bytes.length > WORKBOOK_LIMITS.maxFileBytes) {
    refuse('too-large', `Tệp ${base} quá lớn (trên 50 MB) để là một bảng chấm điểm.`, `${base} is too large (over 50 MB) to be a scoring workbook.`);
  }
  // OLE compound file: legacy .xls, or an .xlsx encrypted with a password.
  if (bytes.length >= 8 && u32be(bytes, 0) === 0xd0cf11e0 && u32be(bytes, 4) === 0xa1b11ae1) {
    if (latin1(bytes, 0, bytes.length).indexOf('E\u0000n\u0000c\u0000r\u0000y\u0000p\u0000t\u0000e\u0000d\u0000P\u0000a\u0000c\u0000k\u0000a\u0000g\u0000e') >= 0) {
      refuse('password', `Tệp ${base} được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.`,
        `${base} is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.`);
    }
    refuse('xls', `Tệp ${base} là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu dưới dạng .xlsx (Sổ làm việc Excel).`,
      `${base} is an old Excel file (.xls). Open it in Excel and save it as .xlsx (Excel Workbook).`);
  }
  if (bytes.length < 4 || u32be(bytes, 0) !== ZIP_LOCAL) {
    const head = latin1(bytes, 0, 512);
    if (/^\s*[{[]/.test(head)) refuse('json', `Tệp ${base} là tệp JSON, không phải tệp Excel (.xlsx).`, `${base} is a JSON file, not an Excel (.xlsx) file.`);
    if (/[,;\t]/.test(head) && !/[\u0000-\u0008]/.test(head)) {
      refuse('csv', `Tệp ${base} là tệp văn bản (CSV), không phải tệp Excel (.xlsx).`, `${base} is a text (CSV) file, not an Excel (.xlsx) file.`);
    }
    refuse('not-a-workbook', `Tệp ${base} không phải tệp Excel (.xlsx).`, `${base} is not an Excel (.xlsx) file.`);
  }
  const names = zipNames();
  if (!names) refuse('corrupt', `Tệp ${base} bị hỏng (không đọc được cấu trúc nén).`, `${base} is damaged (its zip structure cannot be read).`);
  if (names.indexOf('mimetype') >= 0 && latin1(bytes, 0, 200).indexOf('opendocument') >= 0) {
    refuse('ods', `Tệp ${base} là bảng tính OpenDocument (.ods). Hãy lưu lại dưới dạng .xlsx.`, `${base} is an OpenDocument spreadsheet (.ods). Save it as .xlsx.`);
  }
  if (names.indexOf('xl/workbook.xml') < 0) {
    refuse('not-a-workbook', `Tệp ${base} là tệp nén nhưng không phải sổ làm việc Excel (.xlsx).`, `${base} is a zip file but not an Excel (.xlsx) workbook.`);
  }
  if (names.length > WORKBOOK_LIMITS.maxEntries) {
    refuse('zip-bomb', `Tệp ${base} giải nén ra quá lớn so với một bảng chấm điểm; không mở.`,
      `${base} would expand far beyond the size of a scoring workbook; not opened.`);
  }
  return names;
}
