/**
 * The racks a test holds for, kept from check to check: after an edit (as many racks), only the
 * racks whose supply is another object are tested again, since a rack's supply is the same object
 * while the rack, its draws and its circuits are (topology.ts). A campus has 10,000 racks, and an
 * edit changes one.
 */
import type { RackSupply } from './topology';

/** The racks `at` (by number, ascending) that a test held for among `racks`. */
export interface RacksWhere {
  racks: readonly RackSupply[];
  at: ArrayLike<number>;
}

export function racksWhere(
  racks: readonly RackSupply[],
  test: (r: RackSupply) => boolean,
  last: RacksWhere | null,
): { racks: readonly RackSupply[]; at: number[] } {
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
