import { describe, expect, it } from 'vitest';
import { IndexedMap, keyIndex, sameKeys } from './indexedMap';

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
});
