/**
 * Normal operation's group loads (IT per rack configuration below each component, the headroom's
 * input: headroom.ts) after an edit of what racks hold, from the last check's where the edit did
 * not rework. A reworked component sums its racks and live children as a full evaluation does
 * (flow.ts `groupLoadsBelow`); any other has the loads kept for it by configuration (`loads`,
 * carried from check to check), or has them summed afresh and kept. Its racks and their draws are
 * the last check's, so the kept loads are the same numbers in the same order as summing again:
 * a campus's utility no longer sums all 10,000 racks for each edit.
 */
import type { ChunkedArray } from '../../chunkedArray';
import { addGroup, groupLoadsBelow, type Flow, type GroupLoads } from './flow';
import { keyedLoads, stillGrouped, type ConfigurationIds } from './scenarioFigures';
import type { PowerGraph } from './topology';

export function groupLoadsAfterEdit(
  graph: PowerGraph,
  flow: Flow,
  reworked: readonly number[],
  loads: ChunkedArray<readonly number[]>,
  ids: ConfigurationIds,
): Flow['groupItW'] {
  // A set of the few reworked, not marks over a campus's 22,000 components: this lives as long as
  // the flow (its sides' loads read it at later checks), so it cannot be a reused array, and a
  // fresh one of 22 KB costs more than the set.
  const changed = new Set(reworked);
  // The flow's own group loads, summed from its figures on demand: for what nothing kept.
  const afresh = flow.groupItW;
  const kept = (i: number): GroupLoads => {
    const known = loads.get(i);
    if (known && stillGrouped(known, ids)) {
      const out = new Map<number, number>();
      for (let m = 0; m < known.length; m += 2) out.set(ids.group[known[m]!]!, known[m + 1]!);
      return out;
    }
    const summed = afresh(i);
    loads.set(i, keyedLoads(summed, ids));
    return summed;
  };
  // What is kept added onto a changed parent straight from its [configuration id, W, …] list, in
  // its order, as the map `kept` makes of it would be read.
  const addKept = (i: number, into: Map<number, number>): boolean => {
    const known = loads.get(i);
    if (!known || !stillGrouped(known, ids)) return false;
    for (let m = 0; m < known.length; m += 2) addGroup(into, ids.group[known[m]!]!, known[m + 1]!);
    return true;
  };
  const below = groupLoadsBelow(graph, flow, (i) => changed.has(i), kept, addKept);
  return (i) => {
    const out = below(i);
    if (changed.has(i) && loads.get(i) === undefined) loads.set(i, keyedLoads(out, ids));
    return out;
  };
}
