/**
 * The bill of materials as an Excel workbook (docs/exports.md): a Summary sheet whose category
 * totals are formulas on the category sheets, then one sheet per category that has lines, each
 * ending in a SUM. Formulas carry their computed result too, so viewers that do not recalculate
 * (previewers, some converters) still show the figures; Excel and LibreOffice recalculate them
 * when the user edits a price. Texts are written as string cells, which spreadsheets never
 * evaluate, so the CSV's formula-injection guard is not needed here.
 */
import ExcelJS from 'exceljs';
import type { Bom, BomCategoryTotal, BomLine } from '../bom/types';
import { isWhole } from './format';

export interface XlsxMeta {
  projectName: string;
  /** The scenario the bill was built for; null for the design as drawn. */
  scenarioName: string | null;
  /** ISO timestamp. */
  generatedAt: string;
}

const QUANTITY_FORMAT = '#,##0.##';
const INTEGER_FORMAT = '#,##0';
const MONEY_FORMAT = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };

/** Category sheets' columns; the total sits in TOTAL_COLUMN. */
const lineHeaders = (currency: string) => [
  'Item',
  'Item key',
  'Status',
  'Quantity',
  'Unit',
  `Unit price (${currency})`,
  `Total (${currency})`,
  'Price origin',
  'Price source',
  'Price date',
];
const TOTAL_COLUMN = 'G';
const LAST_COLUMN = 'J';

/** Where a category's total lives, for the Summary's formula. */
interface CategorySheet {
  category: BomCategoryTotal;
  reference: string;
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** A cell reference on another sheet, quoted as Excel wants ('Power distribution'!G9). */
function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/** Wide enough for the longest first line of each column, within reason. */
function fitColumns(sheet: ExcelJS.Worksheet, min = 8, max = 60): void {
  sheet.columns.forEach((column) => {
    let longest = min;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const shown = typeof cell.value === 'object' && cell.value !== null ? '' : String(cell.value ?? '');
      longest = Math.max(longest, (shown.split('\n')[0] ?? '').length + 2);
    });
    column.width = Math.min(max, longest);
  });
}

function addLine(sheet: ExcelJS.Worksheet, l: BomLine): void {
  const row = sheet.addRow([
    l.description,
    l.itemKey,
    l.existing ? 'existing' : 'new',
    l.quantity,
    l.unit,
    l.unitPrice,
    l.total,
    l.priceOrigin,
    l.priceSource,
    l.priceDate,
  ]);
  // "#,##0.##" would show a whole number as "12." in Excel: whole quantities get no decimals.
  row.getCell(4).numFmt = isWhole(l.quantity) ? INTEGER_FORMAT : QUANTITY_FORMAT;
  row.getCell(6).numFmt = MONEY_FORMAT;
  row.getCell(7).numFmt = MONEY_FORMAT;
}

function addCategorySheet(
  workbook: ExcelJS.Workbook,
  category: BomCategoryTotal,
  lines: readonly BomLine[],
  currency: string,
): CategorySheet {
  const name = sheetName(category.name);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(sheet.addRow(lineHeaders(currency)));
  for (const l of lines) addLine(sheet, l);
  const last = lines.length + 1;
  sheet.autoFilter = `A1:${LAST_COLUMN}${last}`;
  const total = sheet.addRow([
    'Total',
    null,
    null,
    null,
    null,
    null,
    { formula: `SUM(${TOTAL_COLUMN}2:${TOTAL_COLUMN}${last})`, result: category.total },
    null,
    category.unpriced > 0 ? `${category.unpriced} new-build lines unpriced: the total is a lower bound` : null,
  ]);
  total.font = { bold: true };
  total.getCell(TOTAL_COLUMN).numFmt = MONEY_FORMAT;
  fitColumns(sheet);
  return { category, reference: sheetReference(name, `${TOTAL_COLUMN}${total.number}`) };
}

function fillSummary(sheet: ExcelJS.Worksheet, bom: Bom, meta: XlsxMeta, categories: readonly CategorySheet[]): void {
  sheet.addRow(['Bill of materials']).font = { bold: true, size: 14 };
  sheet.addRow(['Project', meta.projectName]);
  sheet.addRow(['Scenario', meta.scenarioName ?? 'Design as drawn']);
  sheet.addRow(['Generated', meta.generatedAt]);
  sheet.addRow(['Currency', bom.currency]);
  sheet.addRow([]);
  styleHeader(sheet.addRow(['Category', 'Lines', 'Unpriced new-build lines', `Total (${bom.currency})`]));
  const first = sheet.rowCount + 1;
  for (const { category, reference } of categories) {
    const row = sheet.addRow([
      category.name,
      category.lines,
      category.unpriced,
      { formula: reference, result: category.total },
    ]);
    row.getCell(4).numFmt = MONEY_FORMAT;
  }
  const last = sheet.rowCount;
  const sum = (column: string, result: number) =>
    categories.length > 0 ? { formula: `SUM(${column}${first}:${column}${last})`, result } : result;
  const total = sheet.addRow(['Total', sum('B', bom.lines.length), sum('C', bom.unpricedLines), sum('D', bom.total)]);
  total.font = { bold: true };
  total.getCell(4).numFmt = MONEY_FORMAT;
  sheet.addRow([]);
  sheet.addRow([
    'Unpriced new-build lines',
    bom.unpricedLines,
    bom.unpricedLines > 0 ? 'The totals are lower bounds until these lines have a price (a quote).' : null,
  ]);
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 24;
  sheet.getColumn(4).width = 20;
}

export async function bomToXlsx(bom: Bom, meta: XlsxMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hallwright';
  workbook.title = `${meta.projectName}: bill of materials`;
  const when = new Date(meta.generatedAt);
  // The file's own dates follow the report's, so the same input gives the same workbook.
  if (!Number.isNaN(when.getTime())) workbook.created = workbook.modified = when;

  // Summary first in the tab order, filled last: its formulas point at the category sheets.
  const summary = workbook.addWorksheet('Summary');
  const sheets = bom.categories
    .filter((c) => c.lines > 0)
    .map((c) =>
      addCategorySheet(
        workbook,
        c,
        bom.lines.filter((l) => l.category === c.category),
        bom.currency,
      ),
    );
  fillSummary(summary, bom, meta, sheets);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
