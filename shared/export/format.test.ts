import { describe, expect, it } from 'vitest';
import { formatCompact, formatMoney, formatQuantity, formatTimestamp, isWhole, plainNumber } from './format';

describe('number formats', () => {
  it('prints whole quantities without float noise and fractions with two decimals', () => {
    expect(formatQuantity(0.6 * 20)).toBe('12');
    expect(formatQuantity(12.000000000000002)).toBe('12');
    expect(formatQuantity(1234.5)).toBe('1,234.50');
    expect(isWhole(2.5)).toBe(false);
  });

  it('writes plain numbers for machines', () => {
    expect(plainNumber(0.1 + 0.2, 3)).toBe('0.3');
    expect(plainNumber(7_371_700, 2)).toBe('7371700');
    expect(plainNumber(-0.0001, 2)).toBe('0');
    expect(plainNumber(Number.NaN, 2)).toBe('');
  });

  it('writes amounts for people', () => {
    expect(formatMoney(7_371_700, 'USD')).toBe('USD 7,371,700.00');
    expect([formatCompact(67_400_000), formatCompact(698_523), formatCompact(900)]).toEqual([
      '67.40 M',
      '698.5 k',
      '900',
    ]);
    expect(formatTimestamp('2026-11-25T09:30:12.345Z')).toBe('2026-11-25 09:30 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});
