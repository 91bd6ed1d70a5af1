
// A small, careful unzip for .xlsx files read in the task pane (no exceljs there: the pane must stay
// small and run in Internet Explorer 11). The central directory is read first; a part is inflated only
// when asked for, a piece at a time into a buffer of exactly the size the directory declares, and its
// CRC is checked, so a file that claims little and expands to much (a zip bomb) is refused before it
// costs memory or time.

import { Inflate, strFromU8 } from 'fflate';
import { UserError } from '../../core/model/errors';
import { TextKey, message } from '../../core/text/catalogue';
import { useReadingTexts } from '../../core/text/reading-texts';
import { WORKBOOK_LIMITS, recognizeWorkbook } from '../../core/model/workbook-bytes';
import { crc32 } from '../../core/model/crc32';

useReadingTexts();

export const UNZIP_LIMITS = {
  /** Parts in the zip (the file's own size and its declared total are the CLI's limits, workbook-bytes.ts). */
  maxEntries: WORKBOOK_LIMITS.maxEntries,
  /** One XML part inflated (a worksheet, the shared strings). */
  maxPartBytes: 16 * 1024 * 1024,
  /** All parts inflated by one reader. */
  maxTotalBytes: 48 * 1024 * 1024,
};

export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };

function damaged(file: string, what: TextKey, part: string): UserError {
  return new UserError('corrupt', message('reading.damaged', { file, detail: message(what, { part }) }));
}

function bomb(file: string, part: string): UserError {
  return new UserError('zip-bomb', message('reading.expandsBeyond', { file, part }));
}

function tooLarge(file: string): UserError {
  return new UserError('too-large', message('reading.tooLarge', { file }));
}

/** Compressed input fed to the inflater at a time: bounds what one step can expand to. */
const FEED_BYTES = 16 * 1024;

/**
 * Inflates into exactly `size` bytes, a piece at a time, and stops as soon as the output passes the
 * size: a part that lies about its size costs no more than what it declared.
 */
function inflateCapped(data: Uint8Array, size: number, overflow: () => UserError): Uint8Array {
  const out = new Uint8Array(size);
  let got = 0;
  let over = false;
  const inflater = new Inflate((chunk: Uint8Array) => {
    if (over) return;
    if (got + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, got);
    got += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && !over; at += FEED_BYTES) {
      const stop = Math.min(at + FEED_BYTES, data.length);
      inflater.push(data.subarray(at, stop), stop === data.length);
    }
  } catch {
    throw overflow();
  }
  if (over || got !== size) throw overflow();
  return out;
}

export interface Zip {
  names(): string[];
  has(name: string): boolean;
  /** The part's text (UTF-8), or null when the zip has no such part. */
  text(name: string): string | null;
}

interface Directory {
  parts: Record<string, ZipPart>;
  order: string[];
  offset: number;
}

/** The central directory, or null when the bytes hold none that is readable. */
function readDirectory(bytes: Uint8Array): Directory | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === SIGNATURE.end) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  const offset = u32(end + 16);
  if (offset > end || count > UNZIP_LIMITS.maxEntries) return null;
  const parts: Record<string, ZipPart> = {};
  const order: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(at) !== SIGNATURE.central) return null;
    const nameLength = u16(at + 28);
    if (at + 46 + nameLength > end) return null;
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    if (parts[name]) return null;
    parts[name] = {
      name, flags: u16(at + 8), method: u16(at + 10), crc32: u32(at + 16),
      compressedSize: u32(at + 20), size: u32(at + 24), localOffset: u32(at + 42),
    };
    order.push(name);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return { parts, order, offset };
}

/** Opens the zip of an .xlsx: refuses what is not one (as the CLI does), or is damaged, encrypted or oversized. */
export function openZip(bytes: Uint8Array, file: string): Zip {
  const dir = readDirectory(bytes);
  recognizeWorkbook(bytes, file, () => (dir ? dir.order : null));
  const { parts, order, offset: directory } = dir!;
  const declared = order.reduce((sum, n) => sum + parts[n].size, 0);
  if (declared > WORKBOOK_LIMITS.maxUncompressedBytes) {
    throw new UserError('zip-bomb', message('files.sniff.wouldExpandFarBeyond', { base: file }));
  }
  if (order.some((n) => (parts[n].flags & 1) === 1)) {
    throw new UserError('password', message('files.sniff.passwordProtectedOpenExcel', { base: file }));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let inflated = 0;
  const read = (part: ZipPart): Uint8Array => {
    if (part.size > UNZIP_LIMITS.maxPartBytes || inflated + part.size > UNZIP_LIMITS.maxTotalBytes) throw tooLarge(file);
    const local = part.localOffset;
    if (local + 30 > directory || u32(local) !== SIGNATURE.local) throw damaged(file, 'reading.partMissing', part.name);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const stop = start + part.compressedSize;
    if (stop > directory) throw damaged(file, 'reading.partCut', part.name);
    const data = bytes.subarray(start, stop);
    let out: Uint8Array;
    if (part.method === 0) {
      out = data;
    } else if (part.method === 8) {
      out = inflateCapped(data, part.size, () => bomb(file, part.name));
    } else {
      throw damaged(file, 'reading.partCompression', part.name);
    }
    if (out.length !== part.size || crc32(out) !== part.crc32) throw damaged(file, 'reading.partChecksum', part.name);
    inflated += part.size;
    return out;
  };
  return {
    names: () => order.slice(),
    has: (name) => !!parts[name],
    text: (name) => (parts[name] ? strFromU8(read(parts[name])) : null),
  };
}
