#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-{16,32,64,80}.png) from a tiny vector
 * description, so they are reproducible and need no image tools: a green
 * ledger sheet with ruled lines and a pen stroke, readable even at 16 px.
 * Run: node scripts/draw-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const GREEN = [16, 124, 65, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
const GOLD = [255, 185, 0, 255];

/** Coordinates are in a 16-unit design grid, scaled to each size. */
function icon(size) {
  const u = size / 16;
  return png(size, (px, py) => {
    const x = px / u, y = py / u;
    const inSheet = x >= 1 && x <= 15 && y >= 1 && y <= 15;
    if (!inSheet) return CLEAR;
    const border = x < 2 || x > 14 || y < 2 || y > 14;
    if (border) return GREEN;
    // a pen stroke in the lower right corner: the ledger being filled in
    const onTick = (Math.abs(y - (x - 8) * -1 - 18) < 1.1 && x >= 8.5 && x <= 10.5) || (Math.abs(y - (x - 10.5) * -1.6 - 13) < 1.2 && x >= 10.2 && x <= 13.5);
    if (onTick && y >= 9.5) return GOLD;
    // three ruled rows and a column line: a ledger
    const rule = [5, 8, 11].some((r) => Math.abs(y - r) < Math.max(0.5, 0.6 / u));
    const column = Math.abs(x - 5.5) < Math.max(0.5, 0.6 / u);
    if ((rule && y < 12) || (column && y > 3)) return GREEN;
    return WHITE;
  });
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
console.log('assets/icon-{16,32,64,80}.png written');
