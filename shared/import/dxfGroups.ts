/**
 * DXF group code / value pairs, read one at a time from the text without splitting it into lines:
 * a 50 MB drawing is some 16 million lines, and an array of them costs hundreds of megabytes.
 * A group is two lines, an integer code and its value (Autodesk, AutoCAD DXF Reference, "DXF
 * Format"); the reader keeps where each group starts and ends, so callers pass on slices of the
 * original text.
 */

/** A file the import refuses; the message says what is wrong and where. */
export class DxfFormatError extends Error {}

const isBlank = (c: number) => c === 32 || c === 9 || c === 13;
/** A value as a message quotes it: at most 40 characters. */
export const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export class GroupReader {
  /** Offset of the current group's code line, and just past its value line. */
  start = 0;
  end = 0;
  /** 1-based line number of the current group's code line. */
  line = -1;
  private groupCode = 0;
  private valueStart = 0;
  private valueEnd = 0;
  private cached: string | null = null;
  private replay = false;

  constructor(private readonly text: string) {}

  /** The current group's code (a method, so a check before `next()` does not narrow it after). */
  code(): number {
    return this.groupCode;
  }

  /** The current group's value, trimmed (a CR of CR LF line ends goes with it). */
  value(): string {
    this.cached ??= this.text.slice(this.valueStart, this.valueEnd).trim();
    return this.cached;
  }

  /** Makes the next `next()` return the current group again. */
  back(): void {
    this.replay = true;
  }

  /** Moves to the next group; false at the end of the text. Throws DxfFormatError on a line that is not a group code. */
  next(): boolean {
    if (this.replay) {
      this.replay = false;
      return true;
    }
    const { text } = this;
    const pos = this.end;
    if (pos >= text.length) return false;
    const codeEnd = lineEnd(text, pos);
    const code = parseCode(text, pos, codeEnd);
    const line = this.line < 0 ? 1 : this.line + 2;
    if (code === null) {
      if (text.slice(pos).trim() === '') return false;
      const shown = clip(text.slice(pos, codeEnd).trim());
      throw new DxfFormatError(
        line === 1
          ? `This is not an ASCII DXF file: it should start with the group code 0, but line 1 reads "${shown}".`
          : `Line ${line} should hold a group code (an integer) but reads "${shown}": the DXF file is damaged.`,
      );
    }
    if (codeEnd >= text.length)
      throw new DxfFormatError(
        `The file ends in the middle of a group (line ${line}): it is cut short. Export it again.`,
      );
    this.groupCode = code;
    this.line = line;
    this.start = pos;
    this.valueStart = codeEnd + 1;
    this.valueEnd = lineEnd(text, this.valueStart);
    this.end = Math.min(this.valueEnd + 1, text.length);
    this.cached = null;
    return true;
  }
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

/** The integer on text[from, to), blanks around it allowed; null when it is not one of 1 to 4 digits. */
function parseCode(text: string, from: number, to: number): number | null {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  for (let c = text.charCodeAt(i); i < to && c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
    n = n * 10 + (c - 48);
    digits++;
  }
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return digits >= 1 && digits <= 4 && i === to ? (negative ? -n : n) : null;
}
