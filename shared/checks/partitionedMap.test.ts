import { describe, expect, it } from 'vitest';
import { PartitionedMap } from './partitionedMap';

/** One part (a hall's racks) from its entries, in their order. */
const part = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('a partitioned map with parts replaced', () => {
  const map = PartitionedMap.of(
    new Map([
      ['hall-1', part({ r1: 1, r2: 2 })],
      ['hall-2', part({ r3: 3 })],
    ]),
  );
  const hall1 = (entries: Record<string, number>) => map.with(new Map([['hall-1', part(entries)]]));

  it('finds the new values of the same keys', () => {
    const next = hall1({ r1: 10, r2: 20 });
    expect([...next]).toEqual([
      ['r1', 10],
      ['r2', 20],
      ['r3', 3],
    ]);
    expect(map.get('r2')).toBe(2);
  });

  it('finds a key that took another’s place, and not the key it replaced', () => {
    const next = hall1({ r1: 1, r9: 9 });
    expect(next.get('r9')).toBe(9);
    expect(next.get('r2')).toBeUndefined();
    expect(next.has('r2')).toBe(false);
    expect(next.size).toBe(3);
  });

  it('finds the same keys in another order', () => {
    const next = hall1({ r2: 2, r1: 1 });
    expect([next.get('r1'), next.get('r2')]).toEqual([1, 2]);
  });
});
