import { describe, expect, it } from 'vitest';
import { newRack } from '../../../shared/index';
import { diffRacks } from './rackDiff';

const rack = (id: string) =>
  newRack({ id, name: id, hallId: 'h', rackTypeId: 'rack-48u-600x1200', position: { x: 1, y: 1 } });

describe('site view instances touched by an edit', () => {
  const before = [rack('a'), rack('b'), rack('c'), rack('d')];

  it('nothing drawn yet, or racks added or removed: everything', () => {
    expect(diffRacks(null, before)).toEqual({ full: true });
    expect(diffRacks(before, before.slice(1))).toEqual({ full: true });
  });

  it('two racks edited: those two and the span between them', () => {
    const after = before.map((r, i) => (i === 1 || i === 3 ? { ...r, position: { x: 2, y: 1 } } : r));
    expect(diffRacks(before, after)).toEqual({ full: false, changed: [1, 3], from: 1, to: 3 });
  });

  it('no rack changed: nothing to write', () => {
    expect(diffRacks(before, [...before])).toEqual({ full: false, changed: [], from: 0, to: -1 });
  });
});
