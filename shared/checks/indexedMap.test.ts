import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idIndex, IndexedMap, keyIndex, sameKeys } from './indexedMap';

describe('IndexedMap', () => {
  const index = keyIndex(['a', 'b', 'c', 'd']);
  const map = new IndexedMap(index, [1, undefined, 3, 0]);

  it('reads as a map of the keys that have a value, in key order', () => {
    expect(map.get('a')).toBe(1);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('d')).toBe(0);
    expect(map.get('z')).toBeUndefined();
    expect(map.has('b')).toBe(false);
    expect(map.has('d')).toBe(true);
    expect(map.size).toBe(3);
    expect([...map]).toEqual([
      ['a', 1],
      ['c', 3],
      ['d', 0],
    ]);
    expect([...map.keys()]).toEqual(['a', 'c', 'd']);
    expect([...map.values()]).toEqual([1, 3, 0]);
    const seen: string[] = [];
    map.forEach((v, k, m) => {
      expect(m).toBe(map);
      seen.push(`${k}=${v}`);
    });
    expect(seen).toEqual(['a=1', 'c=3', 'd=0']);
    expect(new Map(map)).toEqual(
      new Map([
        ['a', 1],
        ['c', 3],
        ['d', 0],
      ]),
    );
  });

  it('is made from entries, reads a key listed twice once, and refuses a slot count that does not fit', () => {
    expect([...IndexedMap.of([['x', 'y']])]).toEqual([['x', 'y']]);
    // A key listed twice reads as a Map set twice: once, with its last value.
    const twice = new IndexedMap(keyIndex(['a', 'b', 'a']), [1, 2, 3]);
    expect(twice.get('a')).toBe(3);
    expect([...twice]).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
    expect(twice.size).toBe(2);
    expect(() => new IndexedMap(index, [1])).toThrow(/slot per key/);
  });

  it('compares key lists by their keys', () => {
    expect(sameKeys(index, index)).toBe(true);
    expect(sameKeys(index, keyIndex(['a', 'b', 'c', 'd']))).toBe(true);
    expect(sameKeys(index, keyIndex(['a', 'b', 'd', 'c']))).toBe(false);
    expect(sameKeys(index, keyIndex(['a']))).toBe(false);
  });
  it('patched reads as the map of the patched values, makes its array only when asked for, and says where it moved', () => {
    const n = 40;
    const keys = keyIndex(Array.from({ length: n }, (_, i) => `k${i}`));
    const change = fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.option(fc.integer(), { nil: undefined }));
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer(), { nil: undefined }), { minLength: n, maxLength: n }),
        fc.array(fc.array(change, { maxLength: 30 }), { minLength: 1, maxLength: 80 }),
        (first, edits) => {
          let expected = first.slice();
          let map = new IndexedMap(keys, first);
          for (const edit of edits) {
            const before = map;
            const changes = new Map(edit);
            map = IndexedMap.patch(map, changes);
            const was = expected;
            expected = expected.slice();
            for (const [i, v] of changes) expected[i] = v;
            const plain = new IndexedMap(keys, expected);
            for (let i = 0; i < n; i++) expect(map.at(i)).toBe(expected[i]);
            expect(map.get('k3')).toBe(expected[3]);
            expect(map.size).toBe(plain.size);
            expect([...map]).toEqual([...plain]);
            // Every slot whose value differs from the last version's is among those it names.
            const moved = map.slotsMovedSince(before);
            if (moved) {
              expect(moved).toEqual([...moved].sort((a, b) => a - b));
              for (let i = 0; i < n; i++) if (!Object.is(was[i], expected[i])) expect(moved).toContain(i);
            }
            // The versions before are as they were.
            expect(before.slots).toEqual(was);
          }
          expect(map.slots).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('patches a patch over the one array, and makes a new array once the changes are many', () => {
    const n = 3000;
    const keys = keyIndex(Array.from({ length: n }, (_, i) => i));
    const base = new IndexedMap(
      keys,
      Array.from({ length: n }, (_, i) => i),
    );
    const one = IndexedMap.patch(base, new Map([[5, -5]]));
    const two = IndexedMap.patch(one, new Map([[7, -7]]));
    // Both are patches of the one base: what moved between them is found without reading 3,000 slots.
    expect(two.slotsMovedSince(base)).toEqual([5, 7]);
    expect(two.slotsMovedSince(one)).toEqual([5, 7]);
    expect(one.slotsMovedSince(one)).toEqual([]);
    expect(base.slotsMovedSince(one)).toBeNull();
    // Two patches of one base, neither made from the other: what either changed.
    const other = IndexedMap.patch(base, new Map([[9, -9]]));
    expect(other.slotsMovedSince(one)).toEqual([5, 9]);
    // Many changes: the patch's array is made, and it no longer refers to the versions before.
    let map = two;
    for (let i = 0; i < 1100; i++) map = IndexedMap.patch(map, new Map([[i, -i]]));
    expect(map.slotsMovedSince(two)).toBeNull();
    expect(map.at(1099)).toBe(-1099);
    expect(map.at(1100)).toBe(1100);
    expect(map.at(7)).toBe(-7);
    expect(two.at(6)).toBe(6);
    expect(() => IndexedMap.patch(base, new Map([[n, 1]]))).toThrow(/no slot/);
    expect(() => IndexedMap.patch(base, new Map([[0.5, 1]]))).toThrow(/no slot/);
  });
});

describe('idIndex', () => {
  it('is one index per list, the same as keyIndex of its ids', () => {
    const racks = [{ id: 'r1' }, { id: 'r2' }, { id: 'r1' }];
    const index = idIndex(racks);
    expect(idIndex(racks)).toBe(index);
    expect(index.keys).toEqual(['r1', 'r2', 'r1']);
    expect([...index.at]).toEqual([...keyIndex(['r1', 'r2', 'r1']).at]);
    expect(idIndex([...racks])).not.toBe(index);
  });

  it('indexes a list written in place since again', () => {
    const racks = [{ id: 'a' }, { id: 'b' }];
    const first = idIndex(racks);
    racks[1] = { id: 'c' };
    expect(idIndex(racks).at.get('c')).toBe(1);
    racks.push({ id: 'd' });
    expect(idIndex(racks).keys).toEqual(['a', 'c', 'd']);
    expect(first.keys).toEqual(['a', 'b']);
  });
});
