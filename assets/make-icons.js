// Draws the add-in's icons (a scoring sheet's rows and a check mark on Fluent blue) as PNG files,
// with Node's zlib only, so they can be regenerated anywhere: node assets/make-icons.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;
const BACKGROUND = [15, 108, 189]; // #0F6CBD
const ROWS = [169, 209, 247]; // #A9D1F7
const CHECK = [255, 255, 255];

function roundedSquareDistance(x, y, inset, radius) {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(x, y, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

function polylineDistance(x, y, points) {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) d = Math.min(d, segmentDistance(x, y, points[i - 1], points[i]));
  return d;
}

// Small icons keep only the check mark: three rows would blur into a grey block at 16 px.
function shapesFor(size) {
  if (size < 32) {
    return { rows: [], check: { points: [[0.25, 0.52], [0.43, 0.71], [0.77, 0.31]], radius: 0.095 } };
  }
  const rows = [0.3, 0.5, 0.7].map((y) => ({ points: [[0.2, y], [0.44, y]], radius: 0.045 }));
  return { rows, check: { points: [[0.5, 0.55], [0.62, 0.68], [0.82, 0.34]], radius: 0.062 } };
}

function colourAt(x, y, shapes) {
  if (roundedSquareDistance(x, y, 0.03, 0.2) > 0) return null;
  if (polylineDistance(x, y, shapes.check.points) <= shapes.check.radius) return CHECK;
  for (const row of shapes.rows) if (polylineDistance(x, y, row.points) <= row.radius) return ROWS;
  return BACKGROUND;
}

function render(size) {
  const shapes = shapesFor(size);
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, shapes);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        // Colour averaged over covered samples only, so edges fade in alpha, not towards black.
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((covered / samples) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)} ${size}×${size}`);
}
