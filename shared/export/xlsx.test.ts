import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_LINES, fixtureBom } from '../testing/bomFixtures';
import { bomToXlsx } from './xlsx';

const META = { projectName: 'Site "North", phase 1', scenarioName: null, generatedAt: '2026-11-25T09:30:00.000Z' };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings ask for a Node Buffer; it reads any ArrayBuffer view.
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

let workbook: ExcelJS.Workbook;
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await bomToXlsx(fixtureBom(), META);
  workbook = await readBack(bytes);
});

const sheet = (name: string) => {
  const s = workbook.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const value = (s: ExcelJS.Worksheet, address: string) => s.getCell(address).value;

describe('bill of materials as XLSX', () => {
  it('is a zip file (an OOXML package)', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('has the Summary, then one sheet per category that has lines', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'IT equipment',
      'Racks',
      'Power distribution',
      'Security',
    ]);
  });

  it('writes each line with its figures, blank for unknown prices', () => {
    const power = sheet('Power distribution');
    expect(power.getRow(1).values).toEqual([
      undefined,
      'Item',
      'Item key',
      'Status',
      'Quantity',
      'Unit',
      'Unit price (USD)',
      'Total (USD)',
      'Price origin',
      'Price source',
      'Price date',
    ]);
    expect(power.getRow(2).values).toEqual([
      undefined,
      'UPS (modular)',
      'ups',
      'new',
      500,
      'kVA',
      350,
      175_000,
      'quote',
      'Quote: UPS vendor Q-7',
      '2026-10-02',
    ]);
    expect(value(power, 'B3')).toBe('rack-pdu');
    expect(value(power, 'F3')).toBeNull();
    expect(value(power, 'G3')).toBeNull();
    expect(value(sheet('IT equipment'), 'I2')).toBe(FIXTURE_LINES[0]!.priceSource);
  });

  it('formats quantities and money', () => {
    const it = sheet('IT equipment');
    expect(it.getCell('D2').numFmt).toBe('#,##0');
    expect(it.getCell('F2').numFmt).toBe('#,##0.00');
    expect(it.getCell('G2').numFmt).toBe('#,##0.00');
  });

  it('ends each category sheet with a SUM formula and its result', () => {
    expect(value(sheet('IT equipment'), 'G4')).toEqual({ formula: 'SUM(G2:G3)', result: 7_164_000 });
    expect(value(sheet('Power distribution'), 'G4')).toEqual({ formula: 'SUM(G2:G3)', result: 175_000 });
    expect(value(sheet('Power distribution'), 'I4')).toMatch(/^1 new-build lines? unpriced/);
    expect(value(sheet('Security'), 'G3')).toEqual({ formula: 'SUM(G2:G2)', result: 2_700 });
  });

  it('freezes the header row and filters the lines', () => {
    for (const name of ['IT equipment', 'Racks', 'Power distribution', 'Security']) {
      expect(sheet(name).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet(name).autoFilter).toMatch(/^A1:J\d+$/);
    }
    expect(sheet('IT equipment').getColumn(1).width).toBeGreaterThanOrEqual('NVIDIA DGX H100'.length);
  });

  it('totals the Summary with formulas on the category sheets', () => {
    const summary = sheet('Summary');
    expect(value(summary, 'B2')).toBe(META.projectName);
    expect(value(summary, 'B3')).toBe('Design as drawn');
    expect(value(summary, 'B5')).toBe('USD');
    const rows = [8, 9, 10, 11].map((r) => summary.getRow(r).values);
    expect(rows).toEqual([
      [undefined, 'IT equipment', 2, 0, { formula: "'IT equipment'!G4", result: 7_164_000 }],
      [undefined, 'Racks', 1, 0, { formula: "'Racks'!G3", result: 30_000 }],
      [undefined, 'Power distribution', 2, 1, { formula: "'Power distribution'!G4", result: 175_000 }],
      [undefined, 'Security', 1, 0, { formula: "'Security'!G3", result: 2_700 }],
    ]);
    expect(summary.getRow(12).values).toEqual([
      undefined,
      'Total',
      { formula: 'SUM(B8:B11)', result: 6 },
      { formula: 'SUM(C8:C11)', result: 1 },
      { formula: 'SUM(D8:D11)', result: 7_371_700 },
    ]);
    expect(value(summary, 'A14')).toBe('Unpriced new-build lines');
    expect(value(summary, 'B14')).toBe(1);
  });

  it('names the scenario and writes an empty bill as a Summary alone', async () => {
    const empty = await readBack(await bomToXlsx(fixtureBom([]), { ...META, scenarioName: 'Miner row → GB200' }));
    expect(empty.worksheets.map((s) => s.name)).toEqual(['Summary']);
    const summary = empty.getWorksheet('Summary')!;
    expect(summary.getCell('B3').value).toBe('Miner row → GB200');
    expect(summary.getRow(8).values).toEqual([undefined, 'Total', 0, 0, 0]);
  });
});
