import { describe, expect, it } from 'vitest';
import { nextRowNumber, rackName, rowName, rowNumber } from './naming';

describe('automatic names', () => {
  it('reads row numbers from names and names racks Hall-Row-Position', () => {
    expect(rowNumber({ name: 'Row 03 (miners)' })).toBe(3);
    expect(rowNumber({ name: 'Spine' })).toBeNull();
    expect(rowName(7)).toBe('Row 07');
    expect(rackName('A', 3, 12)).toBe('A-03-12');
    const rows = [
      { id: 'a', hallId: 'h', name: 'Row 01' },
      { id: 'b', hallId: 'h', name: 'Row 05' },
      { id: 'c', hallId: 'other', name: 'Row 09' },
    ];
    expect(nextRowNumber({ rows }, 'h')).toBe(6);
    expect(nextRowNumber({ rows }, 'h', [6])).toBe(7);
  });
});
