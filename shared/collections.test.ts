import { describe, expect, it } from 'vitest';
import { placesChanged } from './collections';

describe('placesChanged', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };

  it('lists, ascending, the places holding another object, and answers the same two lists once', () => {
    const before = [a, b, c];
    const after = [a, { ...b }, { ...c }];
    const places = placesChanged(before, after);
    expect(places).toEqual([1, 2]);
    expect(placesChanged(before, after)).toBe(places);
    expect(placesChanged(after, after)).toEqual([]);
    expect(placesChanged(before, before)).toEqual([]);
  });

  it('compares again against another earlier list, and gives null for lists of other lengths', () => {
    const after = [a, b, c];
    expect(placesChanged([a, b, { ...c }], after)).toEqual([2]);
    expect(placesChanged([{ ...a }, b, c], after)).toEqual([0]);
    expect(placesChanged([a, b], after)).toBeNull();
  });
});
