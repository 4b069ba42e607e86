#!/usr/bin/env node
// Draws the GANvas app icons into public/icons/ (PNG via node:zlib, plus the same picture as SVG):
// a small node graph, two inputs feeding one output, white on the accent colour. Run by hand after
// changing the picture; the files are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BG = [0x5b, 0x4b, 0xdb];
const FG = [0xff, 0xff, 0xff];
// In a unit square: the nodes and the two edges between them.
const NODES = [
  { x: 0.3, y: 0.33, r: 0.1 },
  { x: 0.3, y: 0.67, r: 0.1 },
  { x: 0.7, y: 0.5, r: 0.12 },
];
const EDGES = [
  [0, 2],
  [1, 2],
];
const EDGE_WIDTH = 0.055;

function segmentDistance(px, py, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - a.x - t * dx, py - a.y - t * dy);
}

/** Whether a point of the unit square is in the mark, drawn at `scale` about the centre. */
function inMark(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  return (
    NODES.some((n) => Math.hypot(u - n.x, v - n.y) <= n.r) ||
    EDGES.some(([a, b]) => segmentDistance(u, v, NODES[a], NODES[b]) <= EDGE_WIDTH / 2)
  );
}

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels, 4×4 samples a pixel. `maskable`: full-bleed background, mark inside the safe circle. */
function render(size, maskable) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let fg = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const x = (i + (si + 0.5) / S) / size;
          const y = (j + (sj + 0.5) / S) / size;
          if (!maskable && !inRoundedSquare(x, y, 0.2)) continue;
          if (inMark(x, y, maskable ? 0.7 : 1)) fg++;
          else bg++;
        }
      }
      const alpha = (bg + fg) / (S * S);
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = bg + fg ? Math.round((BG[c] * bg + FG[c] * fg) / (bg + fg)) : 0;
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG (no filtering: each row starts with filter byte 0). */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) rgba.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const s = (v) => +(v * 512).toFixed(1);
  const edges = EDGES.map(
    ([a, b]) => `<line x1="${s(NODES[a].x)}" y1="${s(NODES[a].y)}" x2="${s(NODES[b].x)}" y2="${s(NODES[b].y)}"/>`,
  ).join('');
  const nodes = NODES.map((n) => `<circle cx="${s(n.x)}" cy="${s(n.y)}" r="${s(n.r)}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${s(0.2)}" fill="${hex(BG)}"/><g fill="${hex(FG)}" stroke="${hex(FG)}" stroke-width="${s(EDGE_WIDTH)}" stroke-linecap="round">${edges}${nodes}</g></svg>\n`;
}

mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(`${out}${name}`, png(size, render(size, maskable)));
}
writeFileSync(`${out}icon.svg`, svg());
console.log(`make-icons: wrote icon-192.png, icon-512.png, icon-maskable-512.png, apple-touch-icon.png and icon.svg to public/icons/`);
