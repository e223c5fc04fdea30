/**
 * A small PNG reader for tests: 8-bit RGB or RGBA, not interlaced (what Chromium writes). It
 * checks the signature, reads IHDR, inflates the IDAT chunks with Node's zlib and undoes each
 * scanline's filter, so tests can look at the pixels of an exported image.
 */
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: number;
  /** Rows top to bottom, `channels` bytes per pixel. */
  pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPng(bytes: Uint8Array): Png {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG: wrong signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = SIGNATURE.length; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length; // length, type, data, CRC
  }
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  const ihdr = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const [bitDepth, colourType, , , interlace] = header.data.subarray(8, 13);
  if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0)
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  const channels = colourType === 6 ? 4 : 3;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  return { width, height, channels, pixels: unfilter(inflateSync(idat), width, height, channels) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Each scanline is a filter byte then the row, each byte predicted from its left, upper and upper-left neighbours. */
function unfilter(data: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (data.length !== height * (stride + 1)) throw new Error('PNG image data has the wrong length');
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? out[row + x - channels]! : 0;
      const up = y > 0 ? out[row - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? out[row - stride + x - channels]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[row + x] = (data[src + x]! + predicted) & 0xff;
    }
  }
  return out;
}

/** The [r, g, b] of pixel (x, y), counted from the top-left. */
export function pngPixel(png: Png, x: number, y: number): [number, number, number] {
  const at = (y * png.width + x) * png.channels;
  return [png.pixels[at]!, png.pixels[at + 1]!, png.pixels[at + 2]!];
}
