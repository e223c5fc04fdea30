/**
 * IT load per rack, per row and per hall, W (PowerMetrics): each rack's own load (by rack id, on keys
 * kept while the racks are the same), and per row and
 * hall the sum of its racks' loads in rack order (halls listed first in the document's order, at
 * zero). After an edit of what some racks hold, only the rows and halls of racks whose load moved
 * are summed again — over their racks, in the same order, so to the same last bit.
 */
import type { Hall } from '../../model/schema';
import { IndexedMap, keyIndex } from '../indexedMap';
import type { RackSupply } from './topology';

export interface RackLoads {
  /** By rack id, in the racks' order: the same keys while the racks are the same. */
  rackLoadW: IndexedMap<string, number>;
  rowLoadW: Map<string, number>;
  hallLoadW: Map<string, number>;
}

/** What the sums were worked out from, kept for the next version's. */
export interface RackLoadsMemo {
  racks: readonly RackSupply[];
  halls: readonly Hall[];
  loads: RackLoads;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function rackLoads(
  racks: readonly RackSupply[],
  halls: readonly Hall[],
  previous: RackLoadsMemo | null,
): { loads: RackLoads; memo: RackLoadsMemo } {
  const kept = previous && previous.halls === halls && sameRacks(previous.racks, racks) ? previous : null;
  if (!kept) return fresh(racks, halls);
  const rows = new Set<string>();
  const hallsMoved = new Set<string>();
  for (let ri = 0; ri < racks.length; ri++) {
    const r = racks[ri]!;
    if (r.loadW === kept.racks[ri]!.loadW) continue;
    if (r.rack.rowId !== null) rows.add(r.rack.rowId);
    hallsMoved.add(r.rack.hallId);
  }
  if (hallsMoved.size === 0) return { loads: kept.loads, memo: { racks, halls, loads: kept.loads } };
  const slots = new Array<number>(racks.length);
  const rowSums = new Map<string, number>();
  const hallSums = new Map<string, number>();
  for (const h of hallsMoved) hallSums.set(h, 0);
  // An edit mostly moves one rack: then its row and hall are compared, not looked up, per rack.
  const row = rows.size === 1 ? [...rows][0]! : null;
  const hall = hallsMoved.size === 1 ? [...hallsMoved][0]! : null;
  for (let ri = 0; ri < racks.length; ri++) {
    const r = racks[ri]!;
    const { rowId, hallId } = r.rack;
    slots[ri] = r.loadW;
    if (rowId !== null && (row !== null ? rowId === row : rows.has(rowId))) add(rowSums, rowId, r.loadW);
    if (hall !== null ? hallId === hall : hallsMoved.has(hallId)) add(hallSums, hallId, r.loadW);
  }
  const rowLoadW = new Map(kept.loads.rowLoadW);
  rowSums.forEach((w, row) => rowLoadW.set(row, w));
  const hallLoadW = new Map(kept.loads.hallLoadW);
  hallSums.forEach((w, hall) => hallLoadW.set(hall, w));
  const loads = { rackLoadW: new IndexedMap(kept.loads.rackLoadW.index, slots), rowLoadW, hallLoadW };
  return { loads, memo: { racks, halls, loads } };
}

function fresh(racks: readonly RackSupply[], halls: readonly Hall[]): { loads: RackLoads; memo: RackLoadsMemo } {
  const slots = new Array<number>(racks.length);
  const rowLoadW = new Map<string, number>();
  const hallLoadW = new Map<string, number>(halls.map((h) => [h.id, 0]));
  for (let ri = 0; ri < racks.length; ri++) {
    const r = racks[ri]!;
    slots[ri] = r.loadW;
    if (r.rack.rowId !== null) add(rowLoadW, r.rack.rowId, r.loadW);
    add(hallLoadW, r.rack.hallId, r.loadW);
  }
  const rackLoadW = new IndexedMap(keyIndex(racks.map((r) => r.rack.id)), slots);
  const loads = { rackLoadW, rowLoadW, hallLoadW };
  return { loads, memo: { racks, halls, loads } };
}

/** The same racks (ids), in the same rows and halls, in the same order. */
function sameRacks(a: readonly RackSupply[], b: readonly RackSupply[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let ri = 0; ri < a.length; ri++) {
    const x = a[ri]!.rack;
    const y = b[ri]!.rack;
    if (x !== y && (x.id !== y.id || x.rowId !== y.rowId || x.hallId !== y.hallId)) return false;
  }
  return true;
}
