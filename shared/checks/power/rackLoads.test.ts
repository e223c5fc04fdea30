import { describe, expect, it } from 'vitest';
import type { Hall, Rack } from '../../model/schema';
import { rackLoads } from './rackLoads';
import type { RackSupply } from './topology';

const halls = [{ id: 'h1' }, { id: 'h2' }, { id: 'h3' }] as Hall[];

function supplies(loads: readonly number[]): RackSupply[] {
  return loads.map(
    (loadW, i) =>
      ({
        rack: { id: `r${i}`, hallId: `h${1 + (i % 2)}`, rowId: i % 5 === 4 ? null : `row${i % 4}` } as Rack,
        loadW,
      }) as RackSupply,
  );
}

describe('rack, row and hall loads', () => {
  it('sums rows and halls in rack order, every hall listed', () => {
    const { loads } = rackLoads(supplies([1, 2, 3, 4, 5]), halls, null);
    expect(loads.rackLoadW.get('r2')).toBe(3);
    expect([...loads.hallLoadW]).toEqual([
      ['h1', 1 + 3 + 5],
      ['h2', 2 + 4],
      ['h3', 0],
    ]);
    expect(loads.rowLoadW.get('row0')).toBe(1);
    expect(loads.rowLoadW.has('row4')).toBe(false);
  });

  it('keeps the last sums when no rack’s load moved', () => {
    const first = rackLoads(supplies([1, 2, 3]), halls, null);
    expect(rackLoads(supplies([1, 2, 3]), halls, first.memo).loads).toBe(first.loads);
  });

  it('gives the sums from scratch, to the last bit, after random edits', () => {
    let x = 7;
    const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let loads = Array.from({ length: 40 }, () => next() * 1e4);
    let memo = rackLoads(supplies(loads), halls, null).memo;
    for (let step = 0; step < 200; step++) {
      loads = loads.slice();
      // Thirds and tenths: sums whose rounding depends on their order.
      loads[Math.floor(next() * loads.length)] = Math.floor(next() * 3e4) / (next() < 0.5 ? 3 : 10);
      const after = rackLoads(supplies(loads), halls, memo);
      const scratch = rackLoads(supplies(loads), halls, null).loads;
      expect([...after.loads.rackLoadW]).toEqual([...scratch.rackLoadW]);
      expect([...after.loads.rowLoadW]).toEqual([...scratch.rowLoadW]);
      expect([...after.loads.hallLoadW]).toEqual([...scratch.hallLoadW]);
      memo = after.memo;
    }
  });

  it('starts afresh when racks change rows', () => {
    const first = rackLoads(supplies([1, 2]), halls, null);
    const moved = supplies([1, 2]);
    moved[0] = { ...moved[0]!, rack: { ...moved[0]!.rack, rowId: 'row9' } };
    expect(rackLoads(moved, halls, first.memo).loads.rowLoadW.get('row9')).toBe(1);
  });
});
