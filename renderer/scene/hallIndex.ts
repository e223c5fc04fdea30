/**
 * Racks grouped by hall, kept across edits so that an edit costs the scene work in proportion to
 * the halls it touches, not to the site. The store's commands (immer) share every object an edit
 * did not change, so a rack that is the same object as before is the same rack: a hall none of
 * whose racks changed keeps its very array, and components fed that array skip their work.
 */
import type { Rack } from '../../shared/index';

export interface RackIndex {
  /** The array this index was built from (the document's `racks`). */
  readonly racks: readonly Rack[];
  /** Each hall's racks in document order; halls without racks are absent. */
  readonly byHall: ReadonlyMap<string, readonly Rack[]>;
  /** For each position in `racks`, that rack's position in its hall's array. */
  readonly slot: Int32Array;
}

export const NO_RACKS: readonly Rack[] = Object.freeze([]);

function sameElements(a: readonly Rack[], b: readonly Rack[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups from scratch, reusing a previous hall's array when its racks are the same objects in the same order. */
function rebuild(racks: readonly Rack[], previous: RackIndex | null): RackIndex {
  const grouped = new Map<string, Rack[]>();
  const slot = new Int32Array(racks.length);
  racks.forEach((rack, i) => {
    let list = grouped.get(rack.hallId);
    if (!list) grouped.set(rack.hallId, (list = []));
    slot[i] = list.length;
    list.push(rack);
  });
  const byHall = new Map<string, readonly Rack[]>();
  for (const [hallId, list] of grouped) {
    const before = previous?.byHall.get(hallId);
    byHall.set(hallId, before && sameElements(before, list) ? before : list);
  }
  return { racks, byHall, slot };
}

/**
 * The index of `racks`, updated from `previous` when it can be. When no rack was added, removed or
 * moved to another hall (a move, a rename, a re-feed: the common edit), one pass of reference
 * comparisons finds the changed racks and only their halls' arrays are copied and patched;
 * otherwise the grouping is rebuilt, still handing back unchanged halls' arrays.
 */
export function indexRacksByHall(racks: readonly Rack[], previous: RackIndex | null = null): RackIndex {
  if (previous?.racks === racks) return previous;
  if (!previous || previous.racks.length !== racks.length) return rebuild(racks, previous);
  const before = previous.racks;
  const patched = new Map<string, Rack[]>();
  for (let i = 0; i < racks.length; i++) {
    const now = racks[i]!;
    const was = before[i]!;
    if (now === was) continue;
    if (now.hallId !== was.hallId) return rebuild(racks, previous);
    let list = patched.get(now.hallId);
    if (!list) patched.set(now.hallId, (list = [...previous.byHall.get(now.hallId)!]));
    list[previous.slot[i]!] = now;
  }
  if (patched.size === 0) return { racks, byHall: previous.byHall, slot: previous.slot };
  const byHall = new Map(previous.byHall);
  for (const [hallId, list] of patched) byHall.set(hallId, list);
  return { racks, byHall, slot: previous.slot };
}

/** The last index built, so that every component asking about the same `racks` shares one. */
let latest: RackIndex | null = null;

export function rackIndexFor(racks: readonly Rack[]): RackIndex {
  latest = indexRacksByHall(racks, latest);
  return latest;
}

/** The racks of one hall, the same array across edits that did not touch it (a zustand selector's input). */
export function hallRacksOf(racks: readonly Rack[], hallId: string): readonly Rack[] {
  return rackIndexFor(racks).byHall.get(hallId) ?? NO_RACKS;
}
