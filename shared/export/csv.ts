/**
 * The bill of materials as CSV (RFC 4180): one record per line, then a subtotal per category, the
 * grand total and the count of unpriced new-build lines, all with the same columns, so a
 * spreadsheet or a script reads it without special cases (docs/exports.md).
 */
import type { Bom, BomLine } from '../bom/types';
import { plainNumber } from './format';

export const CSV_COLUMNS = [
  'Category',
  'Item',
  'Item key',
  'Status',
  'Quantity',
  'Unit',
  'Unit price',
  'Total',
  'Currency',
  'Price origin',
  'Price source',
  'Price date',
] as const;

/** A cell is text (guarded against formula injection) or a number we formatted ourselves. */
type Cell = { text: string } | { number: number | null; digits: number };
type Row = Cell[];

const text = (value: string): Cell => ({ text: value });
const num = (value: number | null, digits: number): Cell => ({ number: value, digits });
const blank = (): Cell => ({ text: '' });

/**
 * Spreadsheets open a CSV cell that starts with = + - @ (or a tab or CR before one) as a formula,
 * and item names, quote sources and user-catalog texts are free text a file can carry in. A
 * leading apostrophe makes Excel, LibreOffice and Sheets show the text as typed instead of
 * running it (OWASP "CSV injection"). Numbers are written by us and never guarded, so they stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function guard(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 §2.6–2.7: a field with a comma, double quote, CR or LF is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function field(cell: Cell): string {
  if ('text' in cell) return quote(guard(cell.text));
  return cell.number === null ? '' : plainNumber(cell.number, cell.digits);
}

function lineRow(l: BomLine, categoryName: string, currency: string): Row {
  return [
    text(categoryName),
    text(l.description),
    text(l.itemKey),
    text(l.existing ? 'existing' : 'new'),
    num(l.quantity, 3),
    text(l.unit),
    num(l.unitPrice, 2),
    num(l.total, 2),
    text(currency),
    text(l.priceOrigin),
    text(l.priceSource),
    text(l.priceDate ?? ''),
  ];
}

/** A totals row: the label in Category and Item, the amount in Total, a remark in Price source. */
function totalRow(category: string, item: string, total: number, currency: string, remark: string): Row {
  return [
    text(category),
    text(item),
    blank(),
    blank(),
    blank(),
    blank(),
    blank(),
    num(total, 2),
    text(currency),
    blank(),
    text(remark),
    blank(),
  ];
}

const incomplete = (unpriced: number) =>
  unpriced > 0 ? `${unpriced} new-build line${unpriced === 1 ? '' : 's'} unpriced: a lower bound` : '';

export function bomToCsv(bom: Bom): string {
  const names = new Map(bom.categories.map((c) => [c.category, c.name]));
  const rows: Row[] = [
    CSV_COLUMNS.map(text),
    ...bom.lines.map((l) => lineRow(l, names.get(l.category) ?? l.category, bom.currency)),
    ...bom.categories.map((c) => totalRow(c.name, 'Subtotal', c.total, bom.currency, incomplete(c.unpriced))),
    totalRow('Total', 'All categories', bom.total, bom.currency, incomplete(bom.unpricedLines)),
    [
      text('Unpriced lines'),
      text('New-build lines without a price'),
      blank(),
      blank(),
      num(bom.unpricedLines, 0),
      text('lines'),
      ...Array.from({ length: CSV_COLUMNS.length - 6 }, blank),
    ],
  ];
  // RFC 4180 §2.1–2.2: CRLF between records, and after the last one.
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * The CSV as a file's text, to be written as UTF-8: with a byte-order mark, because Excel reads a
 * CSV file without one in the machine's legacy code page and garbles ×, →, € and accents. Text
 * piped to another program (the CLI's stdout) stays without it.
 */
export function csvFileText(csv: string): string {
  return `\uFEFF${csv}`;
}
