/** The design report's bill of materials: one table per category, then the totals by category. */
import type { Bom, BomCategoryTotal, BomLine } from '../bom/types';
import { plural } from '../text';
import { formatMoney, formatNumber, formatQuantity } from './format';
import { COLOURS, type Column, type Layout, type TableRow } from './pdfLayout';

const LINE_COLUMNS = (currency: string): Column[] => [
  { header: 'Item', share: 0.25 },
  { header: 'Status', share: 0.08 },
  { header: 'Quantity', share: 0.09, align: 'right' },
  { header: 'Unit', share: 0.06 },
  { header: `Unit price (${currency})`, share: 0.12, align: 'right' },
  { header: `Total (${currency})`, share: 0.14, align: 'right' },
  { header: 'Price source', share: 0.26 },
];

const amount = (value: number | null) => (value === null ? '—' : formatNumber(value, 2));

function lineRow(l: BomLine): TableRow {
  return {
    cells: [
      `${l.description}\n${l.itemKey}`,
      l.existing ? 'existing' : 'new',
      formatQuantity(l.quantity),
      l.unit,
      l.existing ? '—' : amount(l.unitPrice),
      l.existing ? '0.00' : l.total === null ? 'unpriced' : amount(l.total),
      l.priceDate ? `${l.priceSource} (${l.priceDate})` : l.priceSource,
    ],
  };
}

const unpricedNote = (unpriced: number) => (unpriced > 0 ? `${plural(unpriced, 'line')} unpriced` : '');

function subtotalRow(c: BomCategoryTotal): TableRow {
  return { cells: ['Subtotal', '', '', '', '', formatNumber(c.total, 2), unpricedNote(c.unpriced)], total: true };
}

function totalsTable(layout: Layout, bom: Bom): void {
  const used = bom.categories.filter((c) => c.lines > 0);
  layout.heading('Totals by category', 2);
  layout.table(
    [
      { header: 'Category', share: 0.4 },
      { header: 'Lines', share: 0.12, align: 'right' },
      { header: 'Unpriced', share: 0.14, align: 'right' },
      { header: `Total (${bom.currency})`, share: 0.34, align: 'right' },
    ],
    [
      ...used.map((c) => ({
        cells: [c.name, formatNumber(c.lines, 0), formatNumber(c.unpriced, 0), formatNumber(c.total, 2)],
      })),
      {
        cells: [
          'Grand total',
          formatNumber(bom.lines.length, 0),
          formatNumber(bom.unpricedLines, 0),
          formatNumber(bom.total, 2),
        ],
        total: true,
      },
    ],
    9,
  );
}

export function drawBom(layout: Layout, bom: Bom): void {
  layout.newPage();
  layout.heading('Bill of materials', 1);
  layout.text(
    `In ${bom.currency}. Unit prices are the quotes entered in the project where there are some, else the catalog's indicative figures (order of magnitude, never quotes). Items already on site are listed at 0; new-build lines without a price are marked unpriced and left out of the totals.`,
    { size: 8, color: COLOURS.muted },
  );
  if (bom.lines.length === 0) {
    layout.text('The design has nothing to buy.', { size: 9 });
    return;
  }
  for (const category of bom.categories) {
    const lines = bom.lines.filter((l) => l.category === category.category);
    if (lines.length === 0) continue;
    layout.heading(category.name, 2);
    layout.table(LINE_COLUMNS(bom.currency), [...lines.map(lineRow), subtotalRow(category)], 7.5);
  }
  totalsTable(layout, bom);
  layout.text(`Grand total (priced lines): ${formatMoney(bom.total, bom.currency)}.`, { size: 10, bold: true });
  if (bom.unpricedLines > 0)
    layout.text(
      `${plural(bom.unpricedLines, 'new-build line')} without a price: the total is a lower bound until each has a quote.`,
      { size: 9, color: COLOURS.warning },
    );
}
