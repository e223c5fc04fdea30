/**
 * The racks a test holds for, kept from check to check: after an edit (as many racks), only the
 * racks whose supply is another object are tested again, since a rack's supply is the same object
 * while the rack, its draws and its circuits are (topology.ts). A campus has 10,000 racks, and an
 * edit changes one.
 */
import type { PowerGraph, RackSupply } from './topology';

/** The racks `at` (by number, ascending) that a test held for among `racks`. */
export interface RacksWhere {
  racks: readonly RackSupply[];
  at: readonly number[];
}

/**
 * `reread`: the graph's racks read again since `last`'s racks (`PowerGraph.reread`); when none of
 * them changes its answer, the last list is the list, not found again among 10,000 racks.
 */
export function racksWhere(
  racks: readonly RackSupply[],
  test: (r: RackSupply) => boolean,
  last: RacksWhere | null,
  reread: PowerGraph['reread'] = null,
): RacksWhere {
  if (last && reread && reread.from === last.racks && last.racks.length === racks.length) {
    let same = true;
    for (let m = 0; m < reread.racks.length && same; m++) {
      const ri = reread.racks[m]!;
      same = test(racks[ri]!) === placeIn(last.at, ri) >= 0;
    }
    if (same) return { racks, at: last.at };
  }
  const at: number[] = [];
  if (!last || last.racks.length !== racks.length) {
    for (let ri = 0; ri < racks.length; ri++) if (test(racks[ri]!)) at.push(ri);
    return { racks, at };
  }
  let k = 0;
  for (let ri = 0; ri < racks.length; ri++) {
    const was = k < last.at.length && last.at[k] === ri;
    if (was) k++;
    const r = racks[ri]!;
    if (r === last.racks[ri] ? was : test(r)) at.push(ri);
  }
  return { racks, at };
}

/** Where `ri` is in the ascending list `at` (binary search), or −1. */
export function placeIn(at: readonly number[], ri: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid]! < ri) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo] === ri ? lo : -1;
}
