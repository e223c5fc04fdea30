/**
 * An array of fixed length kept in chunks, copied by copying its list of chunks: a chunk is copied
 * only when a copy first writes into it. A check that carries 22,000 per-component entries from
 * one version to the next and changes a dozen copies two chunks, not the whole array: in Node's V8
 * (no pointer compression) an array of 22,000 references lands in the large-object space, on fresh
 * pages the kernel maps one by one, about 0.5 ms a copy on this machine.
 *
 * A chunk is shared by copies until one of them writes into it; the copy that made a chunk writes
 * into it in place. So a write through an older copy into a chunk it made is seen by the later
 * copies that still share it: use it for entries that stay valid from version to version unless a
 * later version writes its own (as kept group loads do: power/groupLoadsAfterEdit.ts).
 */
const CHUNK_BITS = 9;
const CHUNK = 1 << CHUNK_BITS;

export class ChunkedArray<T> {
  readonly #chunks: (T | undefined)[][];
  /** Per chunk, 1 where this copy made it (and may write into it in place). */
  readonly #own: Uint8Array;

  private constructor(
    readonly length: number,
    chunks: (T | undefined)[][],
    own: Uint8Array,
  ) {
    this.#chunks = chunks;
    this.#own = own;
  }

  /** `length` entries, all undefined. */
  static empty<T>(length: number): ChunkedArray<T> {
    if (!Number.isInteger(length) || length < 0) throw new Error(`A chunked array needs a length: ${length}.`);
    const count = Math.ceil(length / CHUNK);
    const chunks: (T | undefined)[][] = [];
    for (let c = 0; c < count; c++) chunks.push(new Array<T | undefined>(Math.min(CHUNK, length - c * CHUNK)));
    return new ChunkedArray(length, chunks, new Uint8Array(count).fill(1));
  }

  /** A copy sharing every chunk until it writes into one. */
  copy(): ChunkedArray<T> {
    return new ChunkedArray(this.length, this.#chunks.slice(), new Uint8Array(this.#chunks.length));
  }

  get(i: number): T | undefined {
    return this.#chunks[i >> CHUNK_BITS]?.[i & (CHUNK - 1)];
  }

  set(i: number, value: T | undefined): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.length)
      throw new Error(`A chunked array of ${this.length} has no entry ${i}.`);
    const c = i >> CHUNK_BITS;
    if (this.#own[c] === 0) {
      this.#chunks[c] = this.#chunks[c]!.slice();
      this.#own[c] = 1;
    }
    this.#chunks[c]![i & (CHUNK - 1)] = value;
  }
}
