import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedArray } from './chunkedArray';

describe('ChunkedArray', () => {
  it('reads as an array, and a copy as a copy of it: a write into one is not seen by the copies made before it', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('set' as const), at: fc.nat(2999), v: fc.option(fc.integer(), { nil: undefined }) }),
      fc.record({ k: fc.constant('copy' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let array = ChunkedArray.empty<number>(3000);
        let model: (number | undefined)[] = new Array(3000).fill(undefined);
        const versions: [ChunkedArray<number>, (number | undefined)[]][] = [];
        for (const o of ops) {
          if (o.k === 'copy') {
            versions.push([array, model]);
            array = array.copy();
            model = model.slice();
          } else {
            array.set(o.at, o.v);
            model[o.at] = o.v;
          }
        }
        versions.push([array, model]);
        for (const [a, m] of versions) {
          expect(a.length).toBe(3000);
          for (let i = 0; i < 3000; i += 7) expect(a.get(i)).toBe(m[i]);
          for (const o of ops) if (o.k === 'set') expect(a.get(o.at)).toBe(m[o.at]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shares a chunk until a copy writes into it: a later write through the copy that made it is seen by the copies that share it', () => {
    const first = ChunkedArray.empty<string>(1000);
    first.set(1, 'a');
    const second = first.copy();
    // Not written by the second: its chunk is still the first's.
    first.set(2, 'b');
    expect(second.get(2)).toBe('b');
    // Written by the second: its own chunk from then on.
    second.set(3, 'c');
    first.set(4, 'd');
    expect(second.get(4)).toBeUndefined();
    expect(first.get(3)).toBeUndefined();
    // Another chunk, never written by the second, is still shared.
    first.set(900, 'e');
    expect(second.get(900)).toBe('e');
  });

  it('refuses a length or an entry it does not have', () => {
    expect(() => ChunkedArray.empty(-1)).toThrow(/length/);
    expect(() => ChunkedArray.empty(Number.NaN)).toThrow(/length/);
    const a = ChunkedArray.empty<number>(10);
    expect(() => a.set(10, 1)).toThrow(/no entry/);
    expect(() => a.set(-1, 1)).toThrow(/no entry/);
    expect(() => a.set(1.5, 1)).toThrow(/no entry/);
    expect(a.get(10)).toBeUndefined();
    expect(ChunkedArray.empty(0).length).toBe(0);
  });
});
