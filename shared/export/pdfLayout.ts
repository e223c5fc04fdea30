/**
 * A small flow layout over pdf-lib for the design report: a cursor running down A4 pages, text
 * wrapped to a width, headings kept with what follows, tables that repeat their header after a
 * page break, a running header, and page numbers written once the page count is known. pdf-lib
 * draws at coordinates only; everything about flowing lives here so the sections stay short.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** A4 portrait in PostScript points (1/72 in). */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 48, right: 48, top: 62, bottom: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

export const COLOURS = {
  text: rgb(0.11, 0.12, 0.14),
  muted: rgb(0.4, 0.42, 0.46),
  rule: rgb(0.8, 0.82, 0.86),
  shade: rgb(0.93, 0.94, 0.96),
  accent: rgb(0.13, 0.34, 0.6),
  error: rgb(0.72, 0.13, 0.13),
  warning: rgb(0.7, 0.45, 0.02),
  info: rgb(0.2, 0.4, 0.65),
} as const;

export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** What wrapping needs of a font: pdf-lib's PDFFont, or a stub in tests. */
export interface Measure {
  widthOfTextAtSize(text: string, size: number): number;
}

/**
 * pdf-lib measures a string by shaping it with fontkit, a full OpenType layout per call, and
 * wrapping measures every candidate line: a large site's report spent seconds there. pdf-lib
 * draws each glyph at its advance width (no kerning), so summing per-character advances, each
 * measured once, gives the same widths (ligatures aside) in linear time.
 */
export class CachedMeasure implements Measure {
  private readonly advances = new Map<string, number>();

  constructor(private readonly font: Measure) {}

  widthOfTextAtSize(text: string, size: number): number {
    let width = 0;
    for (const ch of text) {
      let advance = this.advances.get(ch);
      if (advance === undefined) {
        advance = this.font.widthOfTextAtSize(ch, 1);
        this.advances.set(ch, advance);
      }
      width += advance;
    }
    return width * size;
  }
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
  /** From the left margin, points. */
  indent?: number;
}

export const lineHeight = (size: number) => size * 1.32;

/** Control characters (tabs, stray CRs) would print as missing-glyph boxes: they become spaces. */
const clean = (line: string) => line.replace(/\p{Cc}+/gu, ' ');

/** Splits one word wider than the line into pieces that fit, by characters (code points). */
function breakWord(word: string, font: Measure, size: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && font.widthOfTextAtSize(piece + ch, size) > width) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  return [...pieces, piece];
}

/** Greedy word wrap to `width` points; line breaks in the text are kept, blank lines too. */
export function wrapText(text: string, font: Measure, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = clean(paragraph).split(' ').filter(Boolean);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const pieces = breakWord(word, font, size, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
    lines.push(line);
  }
  return lines;
}

/** The text cut to `width` points with an ellipsis, for labels that must stay on one line. */
export function fitText(text: string, font: Measure, size: number, width: number): string {
  const line = clean(text);
  if (font.widthOfTextAtSize(line, size) <= width) return line;
  let cut = '';
  for (const ch of line) {
    if (font.widthOfTextAtSize(`${cut}${ch}…`, size) > width) break;
    cut += ch;
  }
  return `${cut.trimEnd()}…`;
}

export interface Column {
  header: string;
  /** Share of the content width; a table's shares add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: string[];
  /** Totals: bold on a shaded band. */
  total?: boolean;
}

const CELL_PAD = { x: 3, y: 2.5 };

export class Layout {
  private page: PDFPage | null = null;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  private readonly measures: { regular: Measure; bold: Measure };

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: ReportFonts,
    private readonly header: { left: string; right: string },
  ) {
    this.measures = { regular: new CachedMeasure(fonts.regular), bold: new CachedMeasure(fonts.bold) };
  }

  /** The page being written, started if none is. */
  get current(): PDFPage {
    if (!this.page) this.newPage();
    return this.page!;
  }

  private font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** The font's widths, for wrapping and aligning. */
  measure(bold = false): Measure {
    return bold ? this.measures.bold : this.measures.regular;
  }

  newPage({ runningHeader = true } = {}): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    if (runningHeader) this.drawRunningHeader(this.page);
  }

  private drawRunningHeader(page: PDFPage): void {
    const size = 7.5;
    const top = PAGE.height - 34;
    const right = this.header.right;
    const rightWidth = this.measure().widthOfTextAtSize(right, size);
    const left = fitText(this.header.left, this.measure(), size, CONTENT_WIDTH - rightWidth - 12);
    page.drawText(left, { x: MARGIN.left, y: top, size, font: this.fonts.regular, color: COLOURS.muted });
    page.drawText(right, {
      x: PAGE.width - MARGIN.right - rightWidth,
      y: top,
      size,
      font: this.fonts.regular,
      color: COLOURS.muted,
    });
    const lineY = top - 5;
    page.drawLine({
      start: { x: MARGIN.left, y: lineY },
      end: { x: PAGE.width - MARGIN.right, y: lineY },
      thickness: 0.5,
      color: COLOURS.rule,
    });
  }

  /** Room left on the page below the cursor, points. */
  get remaining(): number {
    return this.page ? this.y - MARGIN.bottom : 0;
  }

  /**
   * Starts a new page unless `height` points fit below the cursor. A block taller than a whole
   * page starts on a fresh page and runs past it rather than asking for pages forever.
   */
  ensure(height: number): void {
    if (!this.page || this.remaining < Math.min(height, CONTENT_HEIGHT)) this.newPage();
  }

  /** Takes `height` points at the cursor, on a new page if needed; returns the top of the band. */
  reserve(height: number): number {
    this.ensure(height);
    const top = this.y;
    this.y -= height;
    return top;
  }

  space(height: number): void {
    if (this.page) this.y -= height;
  }

  /** Draws one line of text whose box starts at `top`. */
  drawLine(page: PDFPage, text: string, x: number, top: number, style: TextStyle): void {
    page.drawText(text, {
      x,
      y: top - style.size,
      size: style.size,
      font: this.font(style.bold),
      color: style.color ?? COLOURS.text,
    });
  }

  private lines(text: string, style: TextStyle): string[] {
    return wrapText(text, this.measure(style.bold), style.size, CONTENT_WIDTH - (style.indent ?? 0));
  }

  textHeight(text: string, style: TextStyle): number {
    return this.lines(text, style).length * lineHeight(style.size);
  }

  /** Wrapped text at the cursor, breaking pages between lines. */
  text(text: string, style: TextStyle): void {
    for (const line of this.lines(text, style)) {
      const top = this.reserve(lineHeight(style.size));
      this.drawLine(this.current, line, MARGIN.left + (style.indent ?? 0), top, style);
    }
  }

  /** A heading, moved to the next page unless `keep` points of what follows fit under it. */
  heading(text: string, level: 1 | 2, keep = 60): void {
    const size = level === 1 ? 15 : 11.5;
    const before = level === 1 ? 10 : 8;
    this.ensure(before + this.textHeight(text, { size, bold: true }) + keep);
    this.space(before);
    this.text(text, { size, bold: true, color: level === 1 ? COLOURS.accent : COLOURS.text });
    this.space(level === 1 ? 4 : 2);
  }

  /** A table at the cursor; its header row is drawn again on every page it runs onto. */
  table(columns: readonly Column[], rows: readonly TableRow[], size = 8): void {
    const widths = columns.map((c) => c.share * CONTENT_WIDTH);
    const header: TableRow = { cells: columns.map((c) => c.header), total: true };
    const heightOf = (row: TableRow) => {
      const lines = row.cells.map((cell, i) => this.cellLines(cell, row, widths[i]!, size).length);
      return Math.max(1, ...lines) * lineHeight(size) + 2 * CELL_PAD.y;
    };
    const headerHeight = heightOf(header);
    this.ensure(headerHeight + (rows[0] ? heightOf(rows[0]) : 0));
    this.drawRow(columns, widths, header, headerHeight, size);
    for (const row of rows) {
      const height = heightOf(row);
      if (this.remaining < height) {
        this.newPage();
        this.drawRow(columns, widths, header, headerHeight, size);
      }
      this.drawRow(columns, widths, row, height, size);
    }
    this.space(6);
  }

  private cellLines(cell: string, row: TableRow, width: number, size: number): string[] {
    return wrapText(cell, this.measure(row.total), size, width - 2 * CELL_PAD.x);
  }

  private drawRow(columns: readonly Column[], widths: number[], row: TableRow, height: number, size: number): void {
    const top = this.reserve(height);
    const page = this.current;
    if (row.total)
      page.drawRectangle({ x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height, color: COLOURS.shade });
    let x = MARGIN.left;
    row.cells.forEach((cell, i) => {
      const width = widths[i]!;
      const style = { size, bold: row.total };
      this.cellLines(cell, row, width, size).forEach((line, k) => {
        const lineWidth = this.measure(row.total).widthOfTextAtSize(line, size);
        const left = columns[i]?.align === 'right' ? x + width - CELL_PAD.x - lineWidth : x + CELL_PAD.x;
        this.drawLine(page, line, left, top - CELL_PAD.y - k * lineHeight(size), style);
      });
      x += width;
    });
    page.drawLine({
      start: { x: MARGIN.left, y: top - height },
      end: { x: MARGIN.left + CONTENT_WIDTH, y: top - height },
      thickness: 0.4,
      color: COLOURS.rule,
    });
  }

  /** Page numbers and the footer line, once every page exists. */
  finish(footer: string): void {
    const size = 7.5;
    this.pages.forEach((page, i) => {
      const number = `Page ${i + 1} of ${this.pages.length}`;
      const y = MARGIN.bottom - 26;
      const numberWidth = this.measure().widthOfTextAtSize(number, size);
      page.drawText(footer, { x: MARGIN.left, y, size, font: this.fonts.regular, color: COLOURS.muted });
      page.drawText(number, {
        x: PAGE.width - MARGIN.right - numberWidth,
        y,
        size,
        font: this.fonts.regular,
        color: COLOURS.muted,
      });
    });
  }
}
