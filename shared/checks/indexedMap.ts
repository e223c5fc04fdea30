/**
 * A read-only map whose keys are a fixed list shared by every version (`KeyIndex`) and whose
 * values are an array in that order (`slots`), with holes for keys that have no entry. A check that
 * changes a few values of 22,000 (a campus's power components after an edit) makes a new version
 * by copying an array of references, not by setting 22,000 map entries; the loads worker's patch
 * sends only the values that changed (renderer/workers/patch.ts), and the page makes its copy the
 * same way.
 */

/** Keys in order, and each key's place: made once per list of keys and shared. */
export interface KeyIndex<K> {
  readonly keys: readonly K[];
  readonly at: ReadonlyMap<K, number>;
}

/**
 * The index of a list of keys. A key listed twice (in a document that failed validation) has its
 * last place, as a Map's last `set` wins, and is read there alone.
 */
export function keyIndex<K>(keys: readonly K[]): KeyIndex<K> {
  const at = new Map<K, number>();
  keys.forEach((k, i) => at.set(k, i));
  return { keys, at };
}

/** Whether two key indices hold the same keys in the same order. */
export function sameKeys<K>(a: KeyIndex<K>, b: KeyIndex<K>): boolean {
  if (a === b) return true;
  if (a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return false;
  return true;
}

export class IndexedMap<K, V> implements ReadonlyMap<K, V> {
  /** Entries, counted when first asked for (values may have holes). */
  #size = -1;

  constructor(
    readonly index: KeyIndex<K>,
    /** Per key of `index`, its value, or undefined where the key has no entry. Read-only: shared. */
    readonly slots: readonly (V | undefined)[],
  ) {
    if (slots.length !== index.keys.length)
      throw new Error(`An indexed map needs a slot per key: ${slots.length} for ${index.keys.length}.`);
  }

  /** A map of these keys and values (each key once, in order). */
  static of<K, V>(entries: Iterable<readonly [K, V]>): IndexedMap<K, V> {
    const keys: K[] = [];
    const values: V[] = [];
    for (const [k, v] of entries) {
      keys.push(k);
      values.push(v);
    }
    return new IndexedMap(keyIndex(keys), values);
  }

  get size(): number {
    if (this.#size < 0) {
      let n = 0;
      for (let i = 0; i < this.slots.length; i++) if (this.#holds(i)) n++;
      this.#size = n;
    }
    return this.#size;
  }

  /** Whether slot i is an entry: it has a value, and its key is not listed again later. */
  #holds(i: number): boolean {
    return (
      this.slots[i] !== undefined &&
      (this.index.keys.length === this.index.at.size || this.index.at.get(this.index.keys[i]!) === i)
    );
  }

  get(key: K): V | undefined {
    const i = this.index.at.get(key);
    return i === undefined ? undefined : this.slots[i];
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    const { keys } = this.index;
    for (let i = 0; i < keys.length; i++) if (this.#holds(i)) callback(this.slots[i]!, keys[i]!, this);
  }

  *entries(): MapIterator<[K, V]> {
    const { keys } = this.index;
    for (let i = 0; i < keys.length; i++) if (this.#holds(i)) yield [keys[i]!, this.slots[i]!];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

const NONE_MOVED: readonly number[] = [];

/**
 * Which versions of a kind of map were made from which, and at which slots their values may be
 * other objects: a check that makes its result by patching its last one (after an edit) marks it,
 * and what reads both versions learns what moved without comparing them.
 */
export class Patches<V> {
  readonly #from = new WeakMap<ReadonlyMap<string, V>, { from: ReadonlyMap<string, V>; moved: readonly number[] }>();

  /** `to` was made from `from`, its values other objects at most at the slots `moved`. */
  mark(to: ReadonlyMap<string, V>, from: ReadonlyMap<string, V>, moved: readonly number[]): void {
    this.#from.set(to, { from, moved });
  }

  /** The slots at which `to`'s values may be other objects than `from`'s: none when it is `from`; null when unknown. */
  movedSince(from: ReadonlyMap<string, V>, to: ReadonlyMap<string, V>): readonly number[] | null {
    if (from === to) return NONE_MOVED;
    const patched = this.#from.get(to);
    return patched && patched.from === from ? patched.moved : null;
  }
}
