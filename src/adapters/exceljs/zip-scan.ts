// Proves that a workbook's zip is what it claims before exceljs sees it. exceljs (through JSZip)
// inflates every part whole and only afterwards compares sizes, and it expands merged ranges, data
// validation ranges and defined names cell by cell; a small hostile file could therefore take
// unbounded time or memory. Each part is inflated here once, with its output capped at the size the
// directory declares, its CRC checked, and the ranges and column definitions inside its XML counted,
// so a file that passes costs exceljs a bounded amount of work. The parts so verified are what exceljs
// then parses (load-parts.ts): the file is unzipped once, and nothing unverified reaches the parser.

import * as zlib from 'zlib';
import { Message, UserError } from '../../core/model/errors';
import { message } from '../../core/text/node';
import { crc32 as crc32Portable } from '../../core/model/crc32';

export const PART_LIMITS = {
  /** One XML part (a worksheet, the shared strings): a real scoring sheet is about 0.3 MB. */
  maxXmlPartBytes: 16 * 1024 * 1024,
  /** All XML parts together: bounds exceljs's parsing time (roughly 1 s per 3 MB). */
  maxXmlTotalBytes: 24 * 1024 * 1024,
  /** Any other part (pictures): as large as the whole file may be. */
  maxOtherPartBytes: 50 * 1024 * 1024,
  /** Cells exceljs creates one by one for merges, validation ranges and defined names: two whole columns. */
  maxExpandedCells: 2200000,
  /** exceljs compares every merge with every other. */
  maxMerges: 10000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: no entry's data may reach past it. */
  directoryOffset: number;
}

const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };
const ZIP64_MARK = 0xffffffff;

/** The central directory, or null when the bytes hold none that is readable. */
export function readZipDirectory(bytes: Buffer): ZipDirectory | null {
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === SIGNATURE.end) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (directoryOffset > end) return null;
  const entries: ZipEntry[] = [];
  const names: Record<string, boolean> = {};
  let offset = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== SIGNATURE.central) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > end) return null;
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    // Two parts of one name: which one a reader takes is anybody's guess.
    if (Object.prototype.hasOwnProperty.call(names, name)) return null;
    names[name] = true;
    entries.push({
      name,
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  // More records than the end record declares: JSZip would read them all, unverified.
  if (offset + 4 <= end && bytes.readUInt32LE(offset) === SIGNATURE.central) return null;
  return { entries, directoryOffset };
}

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;

/** CRC-32 as zip stores it: zlib's where Node has it (20.15 and later), else the core's (Node 18). */
export function crc32(data: Buffer): number {
  return nativeCrc32 ? nativeCrc32(data) >>> 0 : crc32Portable(data);
}

function damaged(base: string, why: Message): UserError {
  return new UserError('corrupt', message('files.zipScan.damaged', { base, why }));
}

function tooLarge(base: string, why: Message): UserError {
  return new UserError('too-large', message('files.zipScan.tooLarge', { base, why }));
}

function expandsBeyond(base: string, part: string): UserError {
  return new UserError('zip-bomb', message('files.zipScan.expandsBeyondSizeDeclares', { base, part }));
}

const MB = 1024 * 1024;

/** The part's bytes, inflated with the output capped at its declared size. */
function inflatePart(bytes: Buffer, entry: ZipEntry, dir: ZipDirectory, base: string): Buffer {
  const local = entry.localHeaderOffset;
  if (local + 30 > dir.directoryOffset || bytes.readUInt32LE(local) !== SIGNATURE.local) {
    throw damaged(base, message('files.zipScan.partFound', { name: entry.name }));
  }
  const nameLength = bytes.readUInt16LE(local + 26);
  const extraLength = bytes.readUInt16LE(local + 28);
  // JSZip takes the name from one header and the data from the other: they must agree.
  if (bytes.toString('utf8', local + 30, local + 30 + nameLength) !== entry.name) {
    throw damaged(base, message('files.zipScan.namePartDoesMatch', { name: entry.name }));
  }
  const start = local + 30 + nameLength + extraLength;
  const stop = start + entry.compressedSize;
  if (stop > dir.directoryOffset) throw damaged(base, message('files.zipScan.partCutShort', { name: entry.name }));
  const data = bytes.subarray(start, stop);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      // One byte more than declared, so a part that inflates beyond its declaration is caught.
      out = zlib.inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (e) {
      if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw expandsBeyond(base, entry.name);
      throw damaged(base, message('files.zipScan.partInflated', { name: entry.name }));
    }
  } else {
    throw damaged(base, message('files.zipScan.partUsesUnsupportedCompression', { name: entry.name }));
  }
  if (out.length > entry.uncompressedSize) throw expandsBeyond(base, entry.name);
  if (out.length < entry.uncompressedSize || crc32(out) !== entry.crc32) {
    throw damaged(base, message('files.zipScan.dataPartFailsChecksum', { name: entry.name }));
  }
  return out;
}

const COLUMN_LIMIT = 16384;
const ROW_LIMIT = 1048576;

/** Cells in an A1 range ("B2", "$A$1:$C$10"); null when it is not one. */
export function rangeCellCount(range: string): number | null {
  const parts = range.split(':');
  if (parts.length > 2) return null;
  const corners: Array<{ row: number; col: number }> = [];
  for (const part of parts) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(part.trim());
    if (!m) return null;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]);
    // exceljs walks any numbers it is given; past Excel's grid is no workbook's range.
    if (col > COLUMN_LIMIT || row > ROW_LIMIT) return Infinity;
    corners.push({ row, col });
  }
  const [a, b] = corners.length === 2 ? corners : [corners[0], corners[0]];
  return (Math.abs(a.row - b.row) + 1) * (Math.abs(a.col - b.col) + 1);
}

interface RangeBudget {
  cells: number;
  merges: number;
}

/** Each match's first group, once the element's opening (a plain search) shows it is there at all. */
function eachMatch(xml: string, opening: string, pattern: RegExp, each: (value: string) => void): void {
  // Most parts hold none of these elements: the search rules them out before any pattern runs.
  if (xml.indexOf(opening) < 0) return;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) each(m[1]);
}

/** Adds what exceljs will expand in one XML part: merged ranges, validation ranges, defined names. */
function countExpandedRanges(xml: string, budget: RangeBudget): void {
  eachMatch(xml, '<mergeCell', /<mergeCell\b[^>]*?\bref="([^"]*)"/g, (ref) => {
    budget.merges++;
    budget.cells += rangeCellCount(ref) || 0;
  });
  eachMatch(xml, '<dataValidation', /<dataValidation\b[^>]*?\bsqref="([^"]*)"/g, (sqref) => {
    for (const range of sqref.split(/\s+/)) if (range) budget.cells += rangeCellCount(range) || 0;
  });
  eachMatch(xml, '<definedName', /<definedName\b[^>]*>([^<]*)</g, (text) => {
    // exceljs expands only absolute references ($A$1 or $A$1:$B$2).
    const refs = text.match(/\$[A-Za-z]+\$\d+(?::\$[A-Za-z]+\$\d+)?/g) || [];
    for (const ref of refs) budget.cells += rangeCellCount(ref) || 0;
  });
}

/** The last column any <col> definition reaches: exceljs makes one object per column up to it. */
function widestColumn(xml: string): number {
  let widest = 0;
  eachMatch(xml, '<col', /<col\b[^>]*?\bmax="(\d+)"/g, (max) => (widest = Math.max(widest, Number(max))));
  return widest;
}

/** A declaration (<!DOCTYPE, <!ENTITY): a plain search for "<!" first, as OOXML parts rarely hold one. */
function declaresDtd(xml: string): boolean {
  return xml.indexOf('<!') >= 0 && /<!DOCTYPE|<!ENTITY/i.test(xml);
}

/** The parts checked as XML (and the only ones handed to exceljs's XML parsers). */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** A part that passed the checks. */
export interface VerifiedPart {
  name: string;
  data: Buffer;
  /** The text of a part checked as XML (decoded once, as exceljs reads it); absent for other parts. */
  xml?: string;
}

/**
 * Inflates every part once under limits and refuses, with a UserError, a zip whose parts are
 * damaged, expand beyond their declaration, carry a DTD (OOXML never does; entity expansion is an
 * old attack) or would make exceljs expand more cells than PART_LIMITS allow. Returns the parts, in
 * the directory's order, for exceljs to parse (load-parts.ts).
 */
export function verifyZipParts(bytes: Buffer, dir: ZipDirectory, base: string): VerifiedPart[] {
  const parts: VerifiedPart[] = [];
  let xmlTotal = 0;
  const budget: RangeBudget = { cells: 0, merges: 0 };
  for (const entry of dir.entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.flags & 1) {
      throw damaged(base, message('files.zipScan.partCarriesZipEncryption', { name: entry.name }));
    }
    if (entry.uncompressedSize === ZIP64_MARK || entry.compressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      throw tooLarge(base, message('files.zipScan.zipFormat'));
    }
    const xml = isXmlPart(entry.name);
    const limit = xml ? PART_LIMITS.maxXmlPartBytes : PART_LIMITS.maxOtherPartBytes;
    if (entry.uncompressedSize > limit) {
      throw tooLarge(base, message('files.zipScan.partMb', { name: entry.name, megabytes: Math.round(entry.uncompressedSize / MB) }));
    }
    if (xml) {
      xmlTotal += entry.uncompressedSize;
      if (xmlTotal > PART_LIMITS.maxXmlTotalBytes) {
        throw tooLarge(base, message('files.zipScan.overMbSheetData', { value: PART_LIMITS.maxXmlTotalBytes / MB }));
      }
    }
    const data = inflatePart(bytes, entry, dir, base);
    if (!xml) {
      parts.push({ name: entry.name, data });
      continue;
    }
    // Decoded once, as exceljs reads it: the checks and the parser see the same text.
    const text = data.toString('utf8');
    parts.push({ name: entry.name, data, xml: text });
    if (declaresDtd(text)) {
      throw damaged(base, message('files.zipScan.partCarriesDtd', { name: entry.name }));
    }
    const widest = widestColumn(text);
    if (widest > COLUMN_LIMIT) {
      throw damaged(base, message('files.zipScan.partDefinesColumnPast', { name: entry.name, widest }));
    }
    countExpandedRanges(text, budget);
    if (budget.merges > PART_LIMITS.maxMerges) {
      throw tooLarge(base, message('files.zipScan.overMergedRanges', { maxMerges: PART_LIMITS.maxMerges }));
    }
    if (budget.cells > PART_LIMITS.maxExpandedCells) {
      throw tooLarge(base, message('files.zipScan.mergedRangesDataValidation'));
    }
  }
  return parts;
}
