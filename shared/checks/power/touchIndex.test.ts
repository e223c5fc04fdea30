import { describe, expect, it } from 'vitest';
import { reach, touchIndex } from './touchIndex';

describe('touch index', () => {
  const index = touchIndex(5, [[0, 2], null, [2, 4, 1], [4]]);

  it('lists per component the failures that change it and where, in failure order', () => {
    const rows = (c: number) =>
      Array.from({ length: index.start[c + 1]! - index.start[c]! }, (_, m) => [
        index.ords[index.start[c]! + m],
        index.ks[index.start[c]! + m],
      ]);
    expect(rows(0)).toEqual([[0, 0]]);
    expect(rows(2)).toEqual([
      [0, 1],
      [2, 0],
    ]);
    expect(rows(3)).toEqual([]);
    expect(rows(4)).toEqual([
      [2, 1],
      [3, 0],
    ]);
  });

  it('tells how far an edit reaches each failure: anything but a utility, utilities alone, nothing', () => {
    const utility = Uint8Array.from([0, 0, 0, 0, 1]);
    const how = new Uint8Array(4).fill(9);
    reach(index, [4], utility, how);
    expect([...how]).toEqual([0, 0, 1, 1]);
    reach(index, [4, 1], utility, how);
    expect([...how]).toEqual([0, 0, 2, 1]);
  });
});
