/**
 * A read-only map whose keys are a fixed list shared by every version (`KeyIndex`) and whose
 * values are an array in that order (`slots`), with holes for keys that have no entry. A check that
 * changes a few values of 22,000 (a campus's power components after an edit) makes a new version
 * by copying an array of references, not by setting 22,000 map entries; the loads worker's patch
 * sends only the values that changed (renderer/workers/patch.ts), and the page makes its copy the
 * same way.
 *
 * A version may also be made as a patch of another (`IndexedMap.patch`): the values that differ,
 * by slot, over a version whose array is made. Its own array is made only when asked for
 * (`slots`), so an edit that changes 20 values of 22,000 copies nothing. Node's V8 (no pointer
 * compression) places an array of 22,000 references (176 KB) in its large-object space, on fresh
 * pages the kernel maps one by one: about 0.5 ms a copy on this machine, where Chromium's takes
 * 10 µs. A patch is made over its base's base when that is itself a patch, so a version refers to
 * one made array and a few changes, never to a chain of every version before it.
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

/**
 * The index of the ids of a list of items, per list: the power and heat checks both key the
 * document's racks by id, and share one index (a map of a campus's 10,000 ids made once, not twice).
 * The ids are compared with the index's before it is shared — a list written in place since (a
 * test's document) is indexed again — which costs far less than making the map.
 */
const ofIds = new WeakMap<readonly { id: string }[], KeyIndex<string>>();
export function idIndex(items: readonly { id: string }[]): KeyIndex<string> {
  const known = ofIds.get(items);
  if (known && known.keys.length === items.length && items.every((item, i) => item.id === known.keys[i])) return known;
  const index = keyIndex(items.map((item) => item.id));
  ofIds.set(items, index);
  return index;
}

/** Whether two key indices hold the same keys in the same order. */
export function sameKeys<K>(a: KeyIndex<K>, b: KeyIndex<K>): boolean {
  if (a === b) return true;
  if (a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return false;
  return true;
}

/** Changes of a patch over its base this many or more: the patch's array is made, and a later patch is made over it. */
const MOST_CHANGES = 1024;

export class IndexedMap<K, V> implements ReadonlyMap<K, V> {
  /** Entries, counted when first asked for (values may have holes). */
  #size = -1;
  /** Per key of `index`, its value, or undefined; null while this is a patch whose array is not made yet. */
  #slots: readonly (V | undefined)[] | null;
  /** A patch's base (a map whose array is made) and its values where they differ from the base's, by slot. */
  #base: IndexedMap<K, V> | null = null;
  #changes: ReadonlyMap<number, V | undefined> | null = null;

  constructor(
    readonly index: KeyIndex<K>,
    /** Per key of `index`, its value, or undefined where the key has no entry. Read-only: shared. */
    slots: readonly (V | undefined)[],
  ) {
    if (slots.length !== index.keys.length)
      throw new Error(`An indexed map needs a slot per key: ${slots.length} for ${index.keys.length}.`);
    this.#slots = slots;
  }

  /**
   * `base` with the values `changes` (by slot; undefined: no entry there), without copying its
   * array: the same map as `new IndexedMap(base.index, slots)` with `slots` a patched copy.
   */
  static patch<K, V>(base: IndexedMap<K, V>, changes: ReadonlyMap<number, V | undefined>): IndexedMap<K, V> {
    for (const i of changes.keys())
      if (!Number.isInteger(i) || i < 0 || i >= base.index.keys.length)
        throw new Error(`An indexed map of ${base.index.keys.length} keys has no slot ${i}.`);
    let over = base;
    let all = changes;
    if (base.#base && base.#changes!.size + changes.size < MOST_CHANGES) {
      over = base.#base;
      const merged = new Map(base.#changes!);
      for (const [i, v] of changes) merged.set(i, v);
      all = merged;
    }
    const map = new IndexedMap<K, V>(over.index, over.slots);
    map.#slots = null;
    map.#base = over;
    map.#changes = all;
    return map;
  }

  /** Per key of `index`, its value, or undefined where the key has no entry. Read-only: shared. */
  get slots(): readonly (V | undefined)[] {
    if (this.#slots === null) {
      const slots = this.#base!.#slots!.slice();
      for (const [i, v] of this.#changes!) slots[i] = v;
      // Made: this version no longer refers to its base, so versions never form a chain.
      this.#slots = slots;
      this.#base = null;
      this.#changes = null;
    }
    return this.#slots;
  }

  /** The value at slot i (undefined: none), without making a patch's array. */
  at(i: number): V | undefined {
    if (this.#slots !== null) return this.#slots[i];
    return this.#changes!.has(i) ? this.#changes!.get(i) : this.#base!.#slots![i];
  }

  /**
   * The slots, ascending, where this map's values may be other objects than `before`'s, when both
   * are patches of one base or this is a patch of `before`; null when that is not known here.
   */
  slotsMovedSince(before: IndexedMap<K, V>): number[] | null {
    if (before === this) return [];
    if (this.#slots !== null || this.index !== before.index) return null;
    let places: Set<number>;
    if (this.#base === before) places = new Set(this.#changes!.keys());
    else if (before.#slots === null && before.#base === this.#base)
      places = new Set([...this.#changes!.keys(), ...before.#changes!.keys()]);
    else return null;
    return [...places].sort((a, b) => a - b);
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
      for (let i = 0; i < this.index.keys.length; i++) if (this.#holds(i)) n++;
      this.#size = n;
    }
    return this.#size;
  }

  /** Whether slot i is an entry: it has a value, and its key is not listed again later. */
  #holds(i: number): boolean {
    return (
      this.at(i) !== undefined &&
      (this.index.keys.length === this.index.at.size || this.index.at.get(this.index.keys[i]!) === i)
    );
  }

  get(key: K): V | undefined {
    const i = this.index.at.get(key);
    return i === undefined ? undefined : this.at(i);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    const { keys } = this.index;
    for (let i = 0; i < keys.length; i++) if (this.#holds(i)) callback(this.at(i)!, keys[i]!, this);
  }

  *entries(): MapIterator<[K, V]> {
    const { keys } = this.index;
    for (let i = 0; i < keys.length; i++) if (this.#holds(i)) yield [keys[i]!, this.at(i)!];
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
