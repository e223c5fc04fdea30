/** Small collection helpers the engine uses in more than one place. */

/** Adds an item to its key's list, making the list when the key has none. */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** The same items in the same order (compared by identity); null only as the other is. */
export function sameItems<T>(a: readonly T[] | null, b: readonly T[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((x, k) => x === b[k]));
}

/** Items by key, each list in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) pushTo(out, key(item), item);
  return out;
}

/** The last comparison per newer list (`placesChanged`). */
const placesKept = new WeakMap<readonly unknown[], { before: readonly unknown[]; places: readonly number[] }>();

/**
 * The places at which `after` holds another item than `before` (by identity), ascending; null
 * when their lengths differ. Kept per `after` with the `before` it was compared with: after an
 * edit, several checks compare the same two versions of a campus's 10,000 racks, and the first
 * to ask makes the one pass.
 */
export function placesChanged<T>(before: readonly T[], after: readonly T[]): readonly number[] | null {
  if (before.length !== after.length) return null;
  const kept = placesKept.get(after);
  if (kept && kept.before === before) return kept.places;
  const places: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) places.push(i);
  placesKept.set(after, { before, places });
  return places;
}
