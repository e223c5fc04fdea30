import { describe, expect, it } from 'vitest';
import { EBML_ID, encodeSize, readElement, webmDurationMs, withWebmDuration } from './webm';

const hex = (text: string) => Uint8Array.from(text.replace(/\s+/g, '').match(/../g)!, (h) => parseInt(h, 16));

/**
 * The start of a WebM as Chromium's MediaRecorder writes it (VP9, 1100 × 800): the EBML header,
 * a Segment of unknown size, an Info without Duration (TimecodeScale 1 ms, muxer and writer
 * "Chrome"), the Tracks, then a Cluster of unknown size with its Timecode and a (shortened) block.
 */
const HEADER = hex('1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102');
const SEGMENT_START = hex('1853806701ffffffffffffff');
const INFO = hex('1549a966992ad7b1830f42404d80864368726f6d655741864368726f6d65');
const TRACKS = hex(
  '1654ae6bbeaebcd7810173c5874ef295acf93b2e83810155ee81018685565f565039e09fb082044cba82032053c0810155b09055b1810155b9810255ba810d55bb8101',
);
const CLUSTER = hex('1f43b67501ffffffffffffffe78100a38581000080aa');
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const chromium = concat(HEADER, SEGMENT_START, INFO, TRACKS, CLUSTER);

describe('EBML element headers', () => {
  it('reads IDs and sizes, unknown sizes as null', () => {
    expect(readElement(chromium, 0)).toMatchObject({ id: EBML_ID.Header, size: 31, sizeLength: 1, dataAt: 5 });
    expect(readElement(chromium, HEADER.length)).toMatchObject({ id: EBML_ID.Segment, size: null, sizeLength: 8 });
    expect(readElement(INFO, 0)).toMatchObject({ id: EBML_ID.Info, size: 25, sizeAt: 4, dataAt: 5 });
    expect(readElement(new Uint8Array([0x00, 0x81]), 0)).toBeNull();
    expect(readElement(new Uint8Array([0x1a, 0x45]), 0)).toBeNull();
  });

  it('encodes sizes in a given width, refusing what does not fit or would read as unknown', () => {
    expect(encodeSize(36, 1)).toEqual(new Uint8Array([0xa4]));
    expect(encodeSize(300, 2)).toEqual(new Uint8Array([0x41, 0x2c]));
    expect(encodeSize(36, 8)).toEqual(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 36]));
    expect(encodeSize(126, 1)).toEqual(new Uint8Array([0xfe]));
    expect(encodeSize(127, 1)).toBeNull();
    expect(encodeSize(-1, 1)).toBeNull();
    for (const [value, width] of [
      [0, 1],
      [5000, 2],
      [2 ** 40, 8],
    ] as const) {
      const bytes = concat(new Uint8Array([0x81]), encodeSize(value, width)!);
      expect(readElement(bytes, 0)).toMatchObject({ size: value, sizeLength: width });
    }
  });
});

describe('the duration of a recorded WebM', () => {
  it('writes the duration into a live stream and moves nothing but what follows the Info', () => {
    expect(webmDurationMs(chromium)).toBeNull();
    const out = withWebmDuration(chromium, 12_345.5);
    expect(webmDurationMs(out)).toBeCloseTo(12_345.5, 6);
    expect(out.length).toBe(chromium.length + 11);
    const infoAt = HEADER.length + SEGMENT_START.length;
    expect(readElement(out, infoAt)).toMatchObject({ id: EBML_ID.Info, size: 36 });
    // Everything before the Info's size and after its old end is byte for byte the same.
    expect(out.subarray(0, infoAt + 4)).toEqual(chromium.subarray(0, infoAt + 4));
    expect(out.subarray(infoAt + INFO.length + 11)).toEqual(chromium.subarray(infoAt + INFO.length));
    expect(readElement(out, infoAt + INFO.length + 11 + TRACKS.length)).toMatchObject({ id: EBML_ID.Cluster });
  });

  it('counts in the file’s TimecodeScale', () => {
    // 1 µs ticks instead of 1 ms.
    const info = hex('1549a966872ad7b1830003e8');
    const file = concat(HEADER, SEGMENT_START, info, CLUSTER);
    const out = withWebmDuration(file, 2_000);
    expect(webmDurationMs(out)).toBeCloseTo(2_000, 6);
    const duration = readElement(out, HEADER.length + SEGMENT_START.length + info.length);
    expect(duration).toMatchObject({ id: EBML_ID.Duration, size: 8 });
    expect(new DataView(out.buffer, duration!.dataAt, 8).getFloat64(0)).toBe(2_000_000);
  });

  it('grows a Segment of known size with it', () => {
    const rest = concat(INFO, TRACKS, CLUSTER.subarray(0, 4), hex('85'), hex('e78100a380'));
    const segment = concat(hex('18538067'), encodeSize(rest.length, 4)!, rest);
    const out = withWebmDuration(concat(HEADER, segment), 1_000);
    expect(readElement(out, HEADER.length)).toMatchObject({ id: EBML_ID.Segment, size: rest.length + 11 });
    expect(webmDurationMs(out)).toBeCloseTo(1_000, 6);
  });

  it('leaves alone a file with a Duration, a SeekHead, or not a WebM at all', () => {
    const once = withWebmDuration(chromium, 1_000);
    expect(withWebmDuration(once, 2_000)).toBe(once);
    const seekHead = hex('114d9b7480');
    const indexed = concat(HEADER, SEGMENT_START, seekHead, INFO, TRACKS, CLUSTER);
    expect(withWebmDuration(indexed, 1_000)).toBe(indexed);
    const png = hex('89504e470d0a1a0a');
    expect(withWebmDuration(png, 1_000)).toBe(png);
    expect(webmDurationMs(png)).toBeNull();
    expect(withWebmDuration(chromium, 0)).toBe(chromium);
    // A stream cut before its Info.
    expect(withWebmDuration(chromium.subarray(0, HEADER.length + 14), 1_000)).toEqual(
      chromium.subarray(0, HEADER.length + 14),
    );
  });
});
