import { describe, expect, it } from 'vitest';
import { reusedArray, reusedArrays } from './scratch';

describe('reused typed arrays', () => {
  it('one place: each call is zeroed and as long as asked, in the same memory while it fits', () => {
    const take = reusedArray((n) => new Float64Array(n));
    const a = take(4);
    a.fill(7);
    const b = take(3);
    expect([...b]).toEqual([0, 0, 0]);
    expect(b.buffer).toBe(a.buffer);
    const c = take(100);
    expect(c.length).toBe(100);
    expect(c.every((x) => x === 0)).toBe(true);
  });

  it('several at once: distinct until `again`, then the same ones, zeroed', () => {
    const pool = reusedArrays((n) => new Uint8Array(n));
    const a = pool.take(8);
    const b = pool.take(8);
    expect(a.buffer).not.toBe(b.buffer);
    a.fill(1);
    b.fill(2);
    expect([...a]).toEqual(new Array(8).fill(1));
    pool.again();
    const a2 = pool.take(8);
    expect(a2.buffer).toBe(a.buffer);
    expect([...a2]).toEqual(new Array(8).fill(0));
  });
});
