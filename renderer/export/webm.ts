/**
 * Just enough of WebM (Matroska, an EBML tree) to give a recorded video its length.
 *
 * MediaRecorder writes a live stream: the Segment and its Clusters have an unknown size and the
 * Segment Info has no Duration, so a player shows no length and no usable seek bar until it has
 * read the whole file. Once the recording has ended its length is known, and `withWebmDuration`
 * writes it into the Info. Growing the Info moves everything after it, which is safe only when
 * nothing points at byte positions: a live stream has no SeekHead and no Cues. A file that has a
 * SeekHead, a Duration already, or a shape not understood here is returned unchanged.
 */

export const EBML_ID = {
  Header: 0x1a45dfa3,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Cluster: 0x1f43b675,
} as const;

/** Matroska's default: timestamps count milliseconds. */
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

export interface EbmlElement {
  id: number;
  /** Where the element starts, where its size field starts and how many bytes that field takes. */
  at: number;
  sizeAt: number;
  sizeLength: number;
  /** Bytes of content; null when unknown (a live stream's Segment and Clusters run to the next sibling). */
  size: number | null;
  /** Where the content starts. */
  dataAt: number;
}

/** Bytes a variable-length integer takes, from its first byte's leading zeros (1–8); 0 when invalid. */
function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) if (first & (0x100 >> length)) return length;
  return 0;
}

/** The element header at `at`, or null when the bytes there do not hold one. */
export function readElement(bytes: Uint8Array, at: number): EbmlElement | null {
  const idLength = vintLength(bytes[at] ?? 0);
  if (idLength === 0 || idLength > 4 || at + idLength >= bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + bytes[at + i]!;
  const sizeAt = at + idLength;
  const sizeLength = vintLength(bytes[sizeAt]!);
  if (sizeLength === 0 || sizeAt + sizeLength > bytes.length) return null;
  // The length marker is cleared; a size whose remaining bits are all ones means "unknown".
  let size = bytes[sizeAt]! & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    size = size * 256 + bytes[sizeAt + i]!;
    allOnes &&= bytes[sizeAt + i] === 0xff;
  }
  return { id, at, sizeAt, sizeLength, size: allOnes ? null : size, dataAt: sizeAt + sizeLength };
}

/** `value` as an EBML size `width` bytes long, or null when it does not fit (all ones is reserved). */
export function encodeSize(value: number, width: number): Uint8Array | null {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** (7 * width) - 1) return null;
  const out = new Uint8Array(width);
  let rest = value;
  for (let i = width - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (width - 1);
  return out;
}

/** The children of a known-size element, in order. */
function children(bytes: Uint8Array, parent: EbmlElement): EbmlElement[] {
  const end = parent.dataAt + (parent.size ?? 0);
  const found: EbmlElement[] = [];
  for (let at = parent.dataAt; at < end;) {
    const child = readElement(bytes, at);
    if (!child || child.size === null) break;
    found.push(child);
    at = child.dataAt + child.size;
  }
  return found;
}

function readUint(bytes: Uint8Array, element: EbmlElement): number {
  let value = 0;
  for (let i = 0; i < (element.size ?? 0); i++) value = value * 256 + bytes[element.dataAt + i]!;
  return value;
}

interface SegmentInfo {
  segment: EbmlElement;
  info: EbmlElement;
  /** Whether a SeekHead comes before the Info (it holds byte positions). */
  indexed: boolean;
}

/** The Segment and its Info, which comes before the first Cluster. */
function findInfo(bytes: Uint8Array): SegmentInfo | null {
  const header = readElement(bytes, 0);
  if (header?.id !== EBML_ID.Header || header.size === null) return null;
  const segment = readElement(bytes, header.dataAt + header.size);
  if (segment?.id !== EBML_ID.Segment) return null;
  let indexed = false;
  for (let at = segment.dataAt; at < bytes.length;) {
    const element = readElement(bytes, at);
    if (!element || element.size === null || element.id === EBML_ID.Cluster) return null;
    if (element.id === EBML_ID.Info) return { segment, info: element, indexed };
    if (element.id === EBML_ID.SeekHead) indexed = true;
    at = element.dataAt + element.size;
  }
  return null;
}

/** The duration the file declares, in milliseconds; null when it declares none. */
export function webmDurationMs(bytes: Uint8Array): number | null {
  const found = findInfo(bytes);
  if (!found) return null;
  const fields = children(bytes, found.info);
  const duration = fields.find((e) => e.id === EBML_ID.Duration);
  if (!duration || (duration.size !== 4 && duration.size !== 8)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + duration.dataAt, duration.size);
  const ticks = duration.size === 8 ? view.getFloat64(0) : view.getFloat32(0);
  const scale = fields.find((e) => e.id === EBML_ID.TimecodeScale);
  return (ticks * (scale ? readUint(bytes, scale) : DEFAULT_TIMECODE_SCALE_NS)) / 1e6;
}

/** The WebM with `durationMs` written into its Segment Info (see above for when it is left as it is). */
export function withWebmDuration(bytes: Uint8Array, durationMs: number): Uint8Array {
  const found = findInfo(bytes);
  if (!found || found.indexed || !(durationMs > 0)) return bytes;
  const { segment, info } = found;
  const fields = children(bytes, info);
  if (fields.some((e) => e.id === EBML_ID.Duration)) return bytes;
  const scale = fields.find((e) => e.id === EBML_ID.TimecodeScale);
  const scaleNs = scale ? readUint(bytes, scale) : DEFAULT_TIMECODE_SCALE_NS;

  // Duration: ID 0x4489, size 8, a big-endian float64 in TimecodeScale units.
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, (durationMs * 1e6) / scaleNs);

  // Sizes are rewritten in the width they had, so no other byte moves but those after the Info.
  const infoSize = encodeSize(info.size! + duration.length, info.sizeLength);
  const segmentSize = segment.size === null ? null : encodeSize(segment.size + duration.length, segment.sizeLength);
  if (!infoSize || (segment.size !== null && !segmentSize)) return bytes;

  const infoEnd = info.dataAt + info.size!;
  const out = new Uint8Array(bytes.length + duration.length);
  out.set(bytes.subarray(0, infoEnd));
  if (segmentSize) out.set(segmentSize, segment.sizeAt);
  out.set(infoSize, info.sizeAt);
  out.set(duration, infoEnd);
  out.set(bytes.subarray(infoEnd), infoEnd + duration.length);
  return out;
}
