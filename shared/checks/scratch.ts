/**
 * Typed arrays reused for work that ends before they are asked for again. In Chromium (the app's
 * engine) a fresh typed array of tens of kilobytes costs 8–50 µs: its memory is new to the page
 * and faulted in as it is written. One reused costs under 1 µs to zero. A campus's device edit
 * made 835 KB of fresh typed arrays, most of them marks over its 22,000 components that live for
 * one check (docs/performance.md).
 */

type Typed = Uint8Array | Int32Array | Uint32Array | Float64Array;

/**
 * One array for one place in the code: each call returns it zeroed, `n` long (a view of a buffer
 * grown as needed), and the last one it returned is not to be read again. For work that does not
 * keep the array past the next call from that place, and does not call that place again while
 * using it.
 */
export function reusedArray<T extends Typed>(make: (n: number) => T): (n: number) => T {
  let buffer = make(0);
  return (n) => {
    if (buffer.length < n) buffer = make(Math.max(n, 2 * buffer.length));
    const view = buffer.subarray(0, n) as T;
    view.fill(0);
    return view;
  };
}

/**
 * Arrays for one place in the code that hands out several at once: `take` returns the next,
 * zeroed and `n` long; `again` makes every array taken since the last `again` free to be handed
 * out, and so not to be read any more.
 */
export function reusedArrays<T extends Typed>(make: (n: number) => T): { take(n: number): T; again(): void } {
  const taken: ((n: number) => T)[] = [];
  let next = 0;
  return {
    take(n) {
      if (next === taken.length) taken.push(reusedArray(make));
      return taken[next++]!(n);
    },
    again() {
      next = 0;
    },
  };
}
