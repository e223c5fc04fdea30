import { describe, expect, it } from 'vitest';
import { FIXTURE_LINES, fixtureBom } from '../testing/bomFixtures';
import { parseCsv } from '../testing/csvReader';
import { bomToCsv, csvFileText, CSV_COLUMNS } from './csv';

const csv = bomToCsv(fixtureBom());
const records = parseCsv(csv);
const header = records[0]!;
const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
const rowsWhere = (column: (typeof CSV_COLUMNS)[number], value: string) =>
  records.filter((r) => r[col(column)] === value);

describe('bill of materials as CSV', () => {
  it('has the header row and the same number of fields in every record', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const r of records) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('separates records with CRLF and ends with one', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields every line break is a CRLF; the one bare LF is inside the quoted source.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('round-trips a field with a comma, double quotes and a line break', () => {
    const dgx = rowsWhere('Item key', 'nvidia-dgx-h100')[0]!;
    expect(dgx[col('Price source')]).toBe(FIXTURE_LINES[0]!.priceSource);
    expect(csv).toContain('"[S] Reseller list price, ""street"" figure, 2025\nread from a price list"');
  });

  it('writes each line with plain numbers and empty fields for unknown prices', () => {
    const dgx = rowsWhere('Item key', 'nvidia-dgx-h100')[0]!;
    expect(dgx).toEqual([
      'IT equipment',
      'NVIDIA DGX H100',
      'nvidia-dgx-h100',
      'new',
      '36',
      'each',
      '199000',
      '7164000',
      'USD',
      'catalog',
      FIXTURE_LINES[0]!.priceSource,
      '2025-06-01',
    ]);
    const pdu = rowsWhere('Item key', 'rack-pdu')[0]!;
    expect([pdu[col('Unit price')], pdu[col('Total')], pdu[col('Price date')]]).toEqual(['', '', '']);
    const miners = rowsWhere('Item key', 'antminer-s19-xp')[0]!;
    expect([miners[col('Status')], miners[col('Unit price')], miners[col('Total')]]).toEqual(['existing', '', '0']);
  });

  it('adds a subtotal per category, the grand total and the unpriced count', () => {
    const subtotals = rowsWhere('Item', 'Subtotal').map((r) => [r[col('Category')], r[col('Total')]]);
    expect(subtotals).toEqual([
      ['IT equipment', '7164000'],
      ['Racks', '30000'],
      ['Power distribution', '175000'],
      ['Cooling', '0'],
      ['Containment', '0'],
      ['Security', '2700'],
    ]);
    expect(rowsWhere('Item', 'Subtotal')[2]![col('Price source')]).toBe('1 new-build line unpriced: a lower bound');
    const total = rowsWhere('Category', 'Total')[0]!;
    expect(total[col('Total')]).toBe('7371700');
    expect(rowsWhere('Category', 'Unpriced lines')[0]![col('Quantity')]).toBe('1');
    expect(records.at(-1)![col('Category')]).toBe('Unpriced lines');
  });

  it('writes numbers without float noise or grouping', () => {
    const bom = fixtureBom([
      { ...FIXTURE_LINES[3]!, quantity: 0.1 + 0.2, unitPrice: 1234.5, total: (0.1 + 0.2) * 1234.5 },
    ]);
    const row = parseCsv(bomToCsv(bom))[1]!;
    expect([row[col('Quantity')], row[col('Unit price')], row[col('Total')]]).toEqual(['0.3', '1234.5', '370.35']);
  });

  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'guards a text starting %j against formula injection',
    (hostile) => {
      const bom = fixtureBom([{ ...FIXTURE_LINES[2]!, description: hostile, priceSource: hostile }]);
      const row = parseCsv(bomToCsv(bom))[1]!;
      expect(row[col('Item')]).toBe(`'${hostile}`);
      expect(row[col('Price source')]).toBe(`'${hostile}`);
      expect(row[col('Quantity')]).toBe('12');
    },
  );

  it('leaves ordinary texts and numbers alone', () => {
    const bom = fixtureBom([{ ...FIXTURE_LINES[2]!, description: 'Rack = 48U' }]);
    expect(parseCsv(bomToCsv(bom))[1]![col('Item')]).toBe('Rack = 48U');
  });

  it('gives files a UTF-8 byte-order mark for Excel', () => {
    expect(csvFileText('a\r\n')).toBe('\uFEFFa\r\n');
  });
});
