/**
 * Horizontal bar charts drawn as vector rectangles: one bar per scenario, each labelled with its
 * value, so the report's charts are as sharp as its text and print the same figures as the table.
 */
import { COLOURS, CONTENT_HEIGHT, CONTENT_WIDTH, fitText, lineHeight, MARGIN, type Layout } from './pdfLayout';

export interface Bar {
  label: string;
  value: number;
  /** The value as printed beside the bar. */
  text: string;
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 84;
const BAR_HEIGHT = 9;
const ROW_HEIGHT = 14;
const SIZE = 7.5;

const TITLE_HEIGHT = lineHeight(9) + 3;
const ROWS_PER_PAGE = Math.floor((CONTENT_HEIGHT - TITLE_HEIGHT - 8) / ROW_HEIGHT);

/**
 * Bars scale to the largest value; values at or below zero (or not finite) get no bar, only their
 * text. A chart longer than a page goes on over the next, with the same scale.
 */
export function drawBarChart(layout: Layout, title: string, bars: readonly Bar[]): void {
  const max = Math.max(0, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  for (let first = 0; first < bars.length; first += ROWS_PER_PAGE)
    drawBars(layout, first === 0 ? title : `${title} (continued)`, bars.slice(first, first + ROWS_PER_PAGE), max);
}

function drawBars(layout: Layout, title: string, bars: readonly Bar[], max: number): void {
  const top = layout.reserve(TITLE_HEIGHT + bars.length * ROW_HEIGHT + 8);
  const page = layout.current;
  layout.drawLine(page, title, MARGIN.left, top, { size: 9, bold: true });
  const barX = MARGIN.left + LABEL_WIDTH + 6;
  const span = CONTENT_WIDTH - LABEL_WIDTH - 6 - VALUE_WIDTH;
  const font = layout.measure();
  bars.forEach((bar, i) => {
    const rowTop = top - TITLE_HEIGHT - i * ROW_HEIGHT;
    const label = fitText(bar.label, font, SIZE, LABEL_WIDTH);
    const labelX = MARGIN.left + LABEL_WIDTH - font.widthOfTextAtSize(label, SIZE);
    layout.drawLine(page, label, labelX, rowTop - 1, { size: SIZE });
    const length = max > 0 && bar.value > 0 ? (bar.value / max) * span : 0;
    if (length > 0)
      page.drawRectangle({
        x: barX,
        y: rowTop - BAR_HEIGHT - 1,
        width: length,
        height: BAR_HEIGHT,
        color: COLOURS.accent,
      });
    page.drawLine({
      start: { x: barX, y: rowTop + 1 },
      end: { x: barX, y: rowTop - ROW_HEIGHT + 2 },
      thickness: 0.5,
      color: COLOURS.muted,
    });
    layout.drawLine(page, bar.text, barX + length + 4, rowTop - 1, { size: SIZE, color: COLOURS.muted });
  });
}
