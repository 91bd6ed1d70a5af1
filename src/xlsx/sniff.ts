// Recognises what a file really is before any parser sees it, so a wrong or hostile file gets a clear
// refusal instead of a crash or an unbounded inflate.

import { UserError, msg } from '../core/errors';

/** Limits for a workbook we agree to open. */
export const WORKBOOK_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 5000,
};

function refuse(reason: string, vi: string, en: string): never {
  throw new UserError(reason, msg(vi, en));
}

/** Sums the uncompressed sizes declared in the zip's central directory. */
function declaredZipSize(bytes: Buffer): { total: number; entries: number; names: string[] } | null {
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const min = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(offset + 24);
    const nameLen = bytes.readUInt16LE(offset + 28);
    const extraLen = bytes.readUInt16LE(offset + 30);
    const commentLen = bytes.readUInt16LE(offset + 32);
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLen));
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return { total, entries, names };
}

export function sniffWorkbookBytes(bytes: Buffer, base: string): void {
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
}
