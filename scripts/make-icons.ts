// Draws the app icons (public/icons/*.png) without any image library: the favicon's white cross on the brand blue.
// Run once after changing the design (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BRAND = [0x1d, 0x4f, 0x91] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** Colour of pixel (x, y) in a size×size icon; maskable icons fill the square and keep the cross in the safe zone. */
function pixel(x: number, y: number, size: number, maskable: boolean): [number, number, number, number] {
  // In 64-unit favicon coordinates (see public/favicon.svg).
  const scale = maskable ? 64 / 0.8 : 64;
  const offset = maskable ? (scale - 64) / 2 : 0;
  const u = ((x + 0.5) / size) * scale - offset;
  const v = ((y + 0.5) / size) * scale - offset;
  if (!maskable) {
    const r = 12;
    const cx = Math.min(Math.max(u, r), 64 - r);
    const cy = Math.min(Math.max(v, r), 64 - r);
    if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  }
  const inCross = (u >= 27 && u <= 37 && v >= 14 && v <= 50) || (v >= 27 && v <= 37 && u >= 14 && u <= 50);
  const [r, g, b] = inCross ? WHITE : BRAND;
  return [r, g, b, 255];
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size: number, maskable: boolean): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size, maskable), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve("public/icons");
fs.mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
  ["apple-touch-icon.png", 180, true],
] as const) {
  fs.writeFileSync(path.join(out, name), png(size, maskable));
}
