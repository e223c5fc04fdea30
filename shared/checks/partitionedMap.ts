/**
 * A read-only map made of one map per part (per hall), so replacing one part's entries makes a new
 * map without copying the others: on a 10,000-rack site copying a whole map costs milliseconds,
 * an edit's budget. Lookups go through an index from key to part, rebuilt only when the parts'
 * keys change.
 */
export class PartitionedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly parts: ReadonlyMap<string, ReadonlyMap<K, V>>,
    private readonly partOf: ReadonlyMap<K, string>,
    readonly size: number,
  ) {}

  static of<K, V>(parts: ReadonlyMap<string, ReadonlyMap<K, V>>): PartitionedMap<K, V> {
    const partOf = new Map<K, string>();
    let size = 0;
    for (const [part, entries] of parts) {
      for (const k of entries.keys()) partOf.set(k, part);
      size += entries.size;
    }
    return new PartitionedMap(parts, partOf, size);
  }

  /** A copy with some parts' entries replaced; the key index is kept when the replaced parts hold the same keys. */
  with(changed: ReadonlyMap<string, ReadonlyMap<K, V>>): PartitionedMap<K, V> {
    const parts = new Map(this.parts);
    let sameKeys = true;
    for (const [part, entries] of changed) {
      const before = this.parts.get(part);
      if (!before || before.size !== entries.size) sameKeys = false;
      else if (!sameOrder(before.keys(), entries.keys()))
        for (const k of entries.keys()) if (this.partOf.get(k) !== part) sameKeys = false;
      parts.set(part, entries);
    }
    return sameKeys ? new PartitionedMap(parts, this.partOf, this.size) : PartitionedMap.of(parts);
  }

  get(key: K): V | undefined {
    const part = this.partOf.get(key);
    return part === undefined ? undefined : this.parts.get(part)?.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined || (this.partOf.has(key) && this.parts.get(this.partOf.get(key)!)!.has(key));
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const entries of this.parts.values()) yield* entries.entries();
  }

  *keys(): MapIterator<K> {
    for (const entries of this.parts.values()) yield* entries.keys();
  }

  *values(): MapIterator<V> {
    for (const entries of this.parts.values()) yield* entries.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * Whether two key sequences are the same keys in the same order (a hall's racks checked again in
 * place): read side by side, not each looked up in the index.
 */
function sameOrder<K>(a: Iterator<K>, b: Iterator<K>): boolean {
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done || y.done) return x.done === y.done;
    if (x.value !== y.value) return false;
  }
}
