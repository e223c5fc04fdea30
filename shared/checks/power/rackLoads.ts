/**
 * IT load per rack, per row and per hall, W (PowerMetrics): each rack's own load (by rack id, on keys
 * kept while the racks are the same), and per row and
 * hall the sum of its racks' loads in rack order (halls listed first in the document's order, at
 * zero). After an edit of what some racks hold, only the rows and halls of racks whose load moved
 * are summed again — over their racks, in the same order, so to the same last bit. Rows and halls
 * are keyed like racks, on keys kept while the racks are the same: an edit copies a campus's 500
 * row loads as an array, not as a map.
 */
import { pushTo } from '../../collections';
import type { Hall, Rack } from '../../model/schema';
import { idIndex, IndexedMap } from '../indexedMap';
import type { PowerGraph, RackSupply } from './topology';

export interface RackLoads {
  /** By rack id, in the racks' order: the same keys while the racks are the same. */
  rackLoadW: IndexedMap<string, number>;
  rowLoadW: IndexedMap<string, number>;
  hallLoadW: IndexedMap<string, number>;
}

/** What the sums were worked out from, kept for the next version's, with each row's and hall's racks by number, in order. */
export interface RackLoadsMemo {
  racks: readonly RackSupply[];
  halls: readonly Hall[];
  loads: RackLoads;
  rowRacks: Map<string, number[]>;
  hallRacks: Map<string, number[]>;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * `reread`: the racks read again since `previous`'s (`PowerGraph.reread`), when known: only they
 * may be other objects, and only they are looked at rather than a campus's 10,000. `docRacks`: the
 * racks' own list (`PowerGraph.docRacks`), whose index of ids other checks share (`idIndex`).
 */
export function rackLoads(
  racks: readonly RackSupply[],
  halls: readonly Hall[],
  previous: RackLoadsMemo | null,
  reread: PowerGraph['reread'] = null,
  docRacks: readonly Rack[] = racks.map((r) => r.rack),
): { loads: RackLoads; memo: RackLoadsMemo } {
  const only = previous && reread?.from === previous.racks ? reread.racks : null;
  const kept = previous && previous.halls === halls && sameRacks(previous.racks, racks, only) ? previous : null;
  if (!kept) return fresh(racks, halls, docRacks);
  const { rowRacks, hallRacks } = kept;
  const rows = new Set<string>();
  const hallsMoved = new Set<string>();
  let slots: number[] | null = null;
  const count = only ? only.length : racks.length;
  for (let m = 0; m < count; m++) {
    const ri = only ? only[m]! : m;
    const r = racks[ri]!;
    const was = kept.racks[ri]!;
    // The same supply, the same load: most of a campus, compared without reading it.
    if (r === was || r.loadW === was.loadW) continue;
    if (r.rack.rowId !== null) rows.add(r.rack.rowId);
    hallsMoved.add(r.rack.hallId);
    slots ??= kept.loads.rackLoadW.slots.slice() as number[];
    slots[ri] = r.loadW;
  }
  const memo = (loads: RackLoads): RackLoadsMemo => ({ racks, halls, loads, rowRacks, hallRacks });
  if (slots === null) return { loads: kept.loads, memo: memo(kept.loads) };
  // Each moved row and hall summed again over its racks, in rack order, from zero.
  const sum = (on: readonly number[]) => {
    let w = 0;
    for (let k = 0; k < on.length; k++) w += slots![on[k]!]!;
    return w;
  };
  const summedAgain = (before: IndexedMap<string, number>, moved: Set<string>, racksOf: Map<string, number[]>) => {
    if (moved.size === 0) return before;
    const sums = before.slots.slice() as number[];
    for (const key of moved) sums[before.index.at.get(key)!] = sum(racksOf.get(key)!);
    return new IndexedMap(before.index, sums);
  };
  const loads = {
    rackLoadW: new IndexedMap(kept.loads.rackLoadW.index, slots),
    rowLoadW: summedAgain(kept.loads.rowLoadW, rows, rowRacks),
    hallLoadW: summedAgain(kept.loads.hallLoadW, hallsMoved, hallRacks),
  };
  return { loads, memo: memo(loads) };
}

function fresh(
  racks: readonly RackSupply[],
  halls: readonly Hall[],
  docRacks: readonly Rack[],
): { loads: RackLoads; memo: RackLoadsMemo } {
  const slots = new Array<number>(racks.length);
  const rowLoadW = new Map<string, number>();
  const hallLoadW = new Map<string, number>(halls.map((h) => [h.id, 0]));
  const rowRacks = new Map<string, number[]>();
  const hallRacks = new Map<string, number[]>();
  for (let ri = 0; ri < racks.length; ri++) {
    const r = racks[ri]!;
    slots[ri] = r.loadW;
    if (r.rack.rowId !== null) {
      add(rowLoadW, r.rack.rowId, r.loadW);
      pushTo(rowRacks, r.rack.rowId, ri);
    }
    add(hallLoadW, r.rack.hallId, r.loadW);
    pushTo(hallRacks, r.rack.hallId, ri);
  }
  const rackLoadW = new IndexedMap(idIndex(docRacks), slots);
  const loads = { rackLoadW, rowLoadW: IndexedMap.of(rowLoadW), hallLoadW: IndexedMap.of(hallLoadW) };
  return { loads, memo: { racks, halls, loads, rowRacks, hallRacks } };
}

/** The same racks (ids), in the same rows and halls, in the same order; `only`: the places where they may be other objects. */
function sameRacks(a: readonly RackSupply[], b: readonly RackSupply[], only: readonly number[] | null): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const count = only ? only.length : a.length;
  for (let m = 0; m < count; m++) {
    const ri = only ? only[m]! : m;
    // The same supply is the same rack (read only where it is another).
    if (a[ri] === b[ri]) continue;
    const x = a[ri]!.rack;
    const y = b[ri]!.rack;
    if (x !== y && (x.id !== y.id || x.rowId !== y.rowId || x.hallId !== y.hallId)) return false;
  }
  return true;
}
