/**
 * What each hall holds, grouped by hall and kept across edits so that an edit costs the scene work
 * in proportion to the halls it touches, not to the site. The store's commands (immer) share every
 * object an edit did not change, so an item that is the same object as before is the same item: a
 * hall none of whose items changed keeps its very array, and components fed that array skip their
 * work. Racks, cooling units, walls and doors are grouped alike.
 */
import type { CoolingUnit, Door, ProjectDocument, Rack, Wall } from '../../shared/index';

interface Item {
  id: string;
}

/** The hall an item stands in; null for an item in no hall (a door on the site's edge, a unit in the plant). */
type HallOf<T> = (item: T) => string | null;

export interface HallIndex<T extends Item> {
  /** The array this index was built from (the document's `racks`, `cooling`, …). */
  readonly items: readonly T[];
  /** Each hall's items in document order; halls without items are absent. */
  readonly byHall: ReadonlyMap<string, readonly T[]>;
  /** For each position in `items`, that item's position in its hall's array (−1 when it is in no hall). */
  readonly slot: Int32Array;
  /**
   * Each hall's items' positions in `items`, in the order of its array. The same object for as long
   * as no item was added, removed, moved to another hall or given another id (the positions hold).
   */
  readonly positions: ReadonlyMap<string, Int32Array>;
}

export type RackIndex = HallIndex<Rack>;

export const NO_RACKS: readonly Rack[] = Object.freeze([]);
const NONE: readonly never[] = Object.freeze([]);

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups from scratch, reusing a previous hall's array when its items are the same objects in the same order. */
function rebuild<T extends Item>(items: readonly T[], hallOf: HallOf<T>, previous: HallIndex<T> | null): HallIndex<T> {
  const grouped = new Map<string, T[]>();
  const at = new Map<string, number[]>();
  const slot = new Int32Array(items.length);
  items.forEach((item, i) => {
    const hallId = hallOf(item);
    if (hallId === null) {
      slot[i] = -1;
      return;
    }
    let list = grouped.get(hallId);
    if (!list) {
      grouped.set(hallId, (list = []));
      at.set(hallId, []);
    }
    slot[i] = list.length;
    list.push(item);
    at.get(hallId)!.push(i);
  });
  const byHall = new Map<string, readonly T[]>();
  for (const [hallId, list] of grouped) {
    const before = previous?.byHall.get(hallId);
    byHall.set(hallId, before && sameElements(before, list) ? before : list);
  }
  const positions = new Map<string, Int32Array>();
  for (const [hallId, list] of at) positions.set(hallId, Int32Array.from(list));
  return { items, byHall, slot, positions };
}

/**
 * The index of `items`, updated from `previous` when it can be. When no item was added, removed,
 * moved to another hall or given another id (a move, a rename, a re-feed: the common edit), one pass
 * of reference comparisons finds the changed items and only their halls' arrays are copied and
 * patched; otherwise the grouping is rebuilt, still handing back unchanged halls' arrays.
 */
export function indexByHall<T extends Item>(
  items: readonly T[],
  hallOf: HallOf<T>,
  previous: HallIndex<T> | null = null,
): HallIndex<T> {
  if (previous?.items === items) return previous;
  if (!previous || previous.items.length !== items.length) return rebuild(items, hallOf, previous);
  const before = previous.items;
  const patched = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const now = items[i]!;
    const was = before[i]!;
    if (now === was) continue;
    const hallId = hallOf(now);
    if (hallId !== hallOf(was) || now.id !== was.id) return rebuild(items, hallOf, previous);
    if (hallId === null) continue;
    let list = patched.get(hallId);
    if (!list) patched.set(hallId, (list = [...previous.byHall.get(hallId)!]));
    list[previous.slot[i]!] = now;
  }
  const { slot, positions } = previous;
  if (patched.size === 0) return { items, byHall: previous.byHall, slot, positions };
  const byHall = new Map(previous.byHall);
  for (const [hallId, list] of patched) byHall.set(hallId, list);
  return { items, byHall, slot, positions };
}

export const rackHall: HallOf<Rack> = (r) => r.hallId;

export function indexRacksByHall(racks: readonly Rack[], previous: RackIndex | null = null): RackIndex {
  return indexByHall(racks, rackHall, previous);
}

/** Each id's position in the index's items, built once per `positions` (which holds while the ids stay where they are). */
const idPositionsByIndex = new WeakMap<ReadonlyMap<string, Int32Array>, ReadonlyMap<string, number>>();

export function idPositions<T extends Item>(index: HallIndex<T>): ReadonlyMap<string, number> {
  let found = idPositionsByIndex.get(index.positions);
  if (!found) idPositionsByIndex.set(index.positions, (found = new Map(index.items.map((item, i) => [item.id, i]))));
  return found;
}

/** The last index built for one kind of item, so that every component asking about the same array shares one. */
function latestIndex<T extends Item>(hallOf: HallOf<T>): (items: readonly T[]) => HallIndex<T> {
  let latest: HallIndex<T> | null = null;
  return (items) => (latest = indexByHall(items, hallOf, latest));
}

export const rackIndexFor = latestIndex(rackHall);
const coolingIndexFor = latestIndex<CoolingUnit>((u) => ('hallId' in u ? u.hallId : null));
const wallIndexFor = latestIndex<Wall>((w) => w.hallId);
const doorIndexFor = latestIndex<Door>((d) => d.hallId);

/** The racks of one hall, the same array across edits that did not touch it (a zustand selector's input). */
export function hallRacksOf(racks: readonly Rack[], hallId: string): readonly Rack[] {
  return rackIndexFor(racks).byHall.get(hallId) ?? NO_RACKS;
}

/** The cooling units of one hall (those with a hall), the same array across edits that did not touch them. */
export function hallCoolingOf(cooling: readonly CoolingUnit[], hallId: string): readonly CoolingUnit[] {
  return coolingIndexFor(cooling).byHall.get(hallId) ?? NONE;
}

export function hallWallsOf(walls: readonly Wall[], hallId: string): readonly Wall[] {
  return wallIndexFor(walls).byHall.get(hallId) ?? NONE;
}

export function hallDoorsOf(doors: readonly Door[], hallId: string): readonly Door[] {
  return doorIndexFor(doors).byHall.get(hallId) ?? NONE;
}

/**
 * The document with its racks, cooling units, walls and doors narrowed to one hall's, in document
 * order; everything else as it is. For the engine's per-hall functions (walk obstacles, layout
 * obstacles), which keep only that hall's of those arrays: they give the same answer from this
 * document and read the hall, not the site.
 */
export function hallDocument(doc: ProjectDocument, hallId: string): ProjectDocument {
  return {
    ...doc,
    racks: hallRacksOf(doc.racks, hallId) as Rack[],
    cooling: hallCoolingOf(doc.cooling, hallId) as CoolingUnit[],
    walls: hallWallsOf(doc.walls, hallId) as Wall[],
    doors: hallDoorsOf(doc.doors, hallId) as Door[],
  };
}
