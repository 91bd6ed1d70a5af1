// A .zip of files as they are (stored, not compressed: the workbooks inside are compressed already), so
// the pane hands several workbooks over as one download. Plain ES5: no library, no Node.

import { crc32 } from '../core/model/crc32';

/** UTF-8 bytes of a name (the zip marks them as UTF-8). */
function utf8(text: string): number[] {
  const out: number[] = [];
  const encoded = unescape(encodeURIComponent(text));
  for (let i = 0; i < encoded.length; i++) out.push(encoded.charCodeAt(i));
  return out;
}

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export function zipStored(entries: ZipEntry[]): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const cat = (...parts: number[][]) => ([] as number[]).concat(...parts);
  const chunks: Uint8Array[] = [];
  let central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    // Version 2.0, flag 0x0800 (UTF-8 names), stored, time 0 and date 1980-01-01, sizes, name length.
    const common = cat(u16(20), u16(0x0800), u16(0), u16(0), u16(0x21), u32(crc32(e.bytes)), u32(e.bytes.length), u32(e.bytes.length), u16(name.length), u16(0));
    const local = cat([0x50, 0x4b, 0x03, 0x04], common, name);
    chunks.push(new Uint8Array(local), e.bytes);
    central = cat(central, [0x50, 0x4b, 0x01, 0x02], u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name);
    offset += local.length + e.bytes.length;
  }
  const end = cat([0x50, 0x4b, 0x05, 0x06], u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0));
  chunks.push(new Uint8Array(central), new Uint8Array(end));
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
