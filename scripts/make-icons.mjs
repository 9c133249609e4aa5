/**
 * Draws the KH icons (16, 32, 64, 80 px PNG) without any image library: a green tile with
 * "KH" in a 5×7 pixel font. Run `node scripts/make-icons.mjs` after changing the design.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GLYPHS = {
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
};
const TILE = [16, 107, 72];
const INK = [255, 255, 255];
const ACCENT = [253, 200, 47];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
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
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const radius = size * 0.18;
  const text = size >= 32 ? 'KH' : 'K';
  const cols = text.length * 5 + (text.length - 1);
  const scale = Math.max(1, Math.floor((size * 0.62) / cols));
  const w = cols * scale;
  const h = 7 * scale;
  const x0 = Math.floor((size - w) / 2);
  const y0 = Math.floor((size - h) / 2) - Math.floor(scale / 2);
  const barY = y0 + h + Math.max(1, scale);
  return png(size, (x, y) => {
    // rounded tile
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) return [0, 0, 0, 0];
    const gx = Math.floor((x - x0) / scale);
    const gy = Math.floor((y - y0) / scale);
    if (x >= x0 && y >= y0 && gx < cols && gy < 7) {
      const letter = Math.floor(gx / 6);
      const col = gx % 6;
      if (col < 5 && GLYPHS[text[letter]][gy][col] === '1') return [...INK, 255];
    }
    // a gold underline: the "total" line of a budget table
    if (size >= 32 && y >= barY && y < barY + Math.max(1, scale) && x >= x0 && x < x0 + w) return [...ACCENT, 255];
    return [...TILE, 255];
  });
}

mkdirSync('assets', { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(`assets/icon-${size}.png`, icon(size));
console.log('assets/icon-{16,32,64,80}.png written');
