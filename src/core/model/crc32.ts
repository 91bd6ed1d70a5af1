// CRC-32 as zip stores it, in plain ES5 (the pane's zip writer and reader use it; Node's exceljs side
// prefers zlib's own where Node has it).

let table: number[] | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of a text's UTF-16 code units (a stamp, not a zip entry: any stable bytes will do). */
export function crc32Text(text: string): number {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    bytes[2 * i] = u & 0xff;
    bytes[2 * i + 1] = u >>> 8;
  }
  return crc32(bytes);
}
