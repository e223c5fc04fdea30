/**
 * What a redundancy proof keeps of the scenarios it evaluates, for the proof of the next version
 * after an edit of what racks hold (redundancy.ts): each scenario's figures at the components it
 * changes — what the proof's readers (worst case, headroom) and its outcome read — in pools of
 * one number per (scenario, component), and the group loads the headroom asked for there, by
 * configuration rather than by group number (groups are numbered anew at each edit).
 */
import { isOverloaded, type Flow, type GroupLoads } from './flow';
import type { PowerGraph } from './topology';

/** Figures of scenarios at the components they change: entry `at + k` is a scenario's k-th changed component. */
export interface ScenarioFigures {
  live: Uint8Array;
  outW: Float64Array;
  itW: Float64Array;
  usableW: Float64Array;
  /** 1 where the component is over its capacity (in total or on a phase) in the scenario. */
  over: Uint8Array;
  /** Group loads asked for, as [configuration id, W, …] (`ConfigurationIds`); undefined when not asked or moved since. As long as the other pools. */
  loads: (readonly number[] | undefined)[];
  size: number;
}

/** Pools for a proof from scratch: `capacity` entries to begin with (a campus's proof keeps about ten per component). */
export function scenarioFigures(capacity: number): ScenarioFigures {
  return {
    live: new Uint8Array(capacity),
    outW: new Float64Array(capacity),
    itW: new Float64Array(capacity),
    usableW: new Float64Array(capacity),
    over: new Uint8Array(capacity),
    loads: new Array<readonly number[] | undefined>(capacity).fill(undefined),
    size: 0,
  };
}

/** Room for `count` more entries; returns the first. The pools double when full. */
export function allocate(figures: ScenarioFigures, count: number): number {
  const at = figures.size;
  const need = at + count;
  if (need > figures.outW.length) {
    let capacity = figures.outW.length;
    while (capacity < need) capacity *= 2;
    const grow = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    figures.live = grow(figures.live, (n) => new Uint8Array(n));
    figures.outW = grow(figures.outW, (n) => new Float64Array(n));
    figures.itW = grow(figures.itW, (n) => new Float64Array(n));
    figures.usableW = grow(figures.usableW, (n) => new Float64Array(n));
    figures.over = grow(figures.over, (n) => new Uint8Array(n));
    // As long as the others, filled: group loads are written at entries in any order, and an
    // array written past its end becomes a slow dictionary.
    const loads = figures.loads;
    const from = loads.length;
    loads.length = capacity;
    loads.fill(undefined, from);
  }
  figures.size = need;
  return at;
}

/**
 * Copies a flow's figures at `changed` into the entries from `at`, and forgets their group loads —
 * only at `places` (in `changed`) when given: a flow worked out again there, which elsewhere has
 * its last figures and loads.
 */
export function capture(
  figures: ScenarioFigures,
  at: number,
  flow: Flow,
  changed: readonly number[],
  places: readonly number[] | null = null,
): void {
  const { live, outW, itW, usableW, over, loads } = figures;
  const count = places ? places.length : changed.length;
  for (let m = 0; m < count; m++) {
    const k = places ? places[m]! : m;
    const i = changed[k]!;
    live[at + k] = flow.live[i]!;
    outW[at + k] = flow.outW[i]!;
    itW[at + k] = flow.itW[i]!;
    usableW[at + k] = flow.usableW[i]!;
    over[at + k] = isOverloaded(flow, i) ? 1 : 0;
    loads[at + k] = undefined;
  }
}

/**
 * Stable numbers for rack configurations (hall and devices), kept from check to check: a
 * configuration keeps its number while group numbers (first appearance in rack order) move.
 */
export interface ConfigurationIds {
  /** Configuration → its id, over every check this was kept for. */
  ids: Map<string, number>;
  /** This check's: group → id, and id → group (−1: none). */
  ofGroup: Int32Array;
  group: Int32Array;
}

export function configurationIds(graph: PowerGraph, kept?: ConfigurationIds | null): ConfigurationIds {
  const ids = kept?.ids ?? new Map<string, number>();
  const { groups } = graph;
  const ofGroup = new Int32Array(groups.length);
  for (let n = 0; n < groups.length; n++) {
    // The group's configuration as its racks' supplies hold it (`hallId|key`), not a key made
    // again for each of a campus's groups at every check.
    const configuration = groups[n]!.configuration;
    let id = ids.get(configuration);
    if (id === undefined) ids.set(configuration, (id = ids.size));
    ofGroup[n] = id;
  }
  const group = new Int32Array(ids.size).fill(-1);
  for (let n = 0; n < ofGroup.length; n++) group[ofGroup[n]!] = n;
  return { ids, ofGroup, group };
}

/** Group loads as kept: [configuration id, W, …]. */
export function keyedLoads(loads: GroupLoads, ids: ConfigurationIds): number[] {
  // Made at its length: a list grown from empty keeps room for 17 numbers, and a campus proof
  // keeps thousands of these lists of two or four.
  const out = new Array<number>(2 * loads.size);
  let k = 0;
  loads.forEach((w, g) => {
    out[k++] = ids.ofGroup[g]!;
    out[k++] = w;
  });
  return out;
}

/** Whether every configuration in kept group loads still has a group. */
export function stillGrouped(kept: readonly number[], ids: ConfigurationIds): boolean {
  for (let m = 0; m < kept.length; m += 2) if ((ids.group[kept[m]!] ?? -1) === -1) return false;
  return true;
}

/** No places: shared by the lists that mark none. */
const NO_PLACES: readonly number[] = [];

/**
 * The places k of a flow's changed components whose component `marks` marks, kept per list in
 * `kept` (one cache per kind of mark): a plan's list is the same for every check of the same
 * feeds, and a campus failure changes up to hundreds of components. Counted, then made at their
 * length: a campus proof keeps 5,000 of these lists of a few places, and a typed array each would
 * be an allocation outside V8's heap.
 */
export function placesMarked(
  kept: WeakMap<readonly number[], readonly number[]>,
  changed: readonly number[],
  marks: Uint8Array,
): readonly number[] {
  let places = kept.get(changed);
  if (!places) {
    let count = 0;
    for (let k = 0; k < changed.length; k++) if (marks[changed[k]!]) count++;
    const at = count === 0 ? NO_PLACES : new Array<number>(count);
    for (let k = 0, m = 0; m < count; k++) if (marks[changed[k]!]) (at as number[])[m++] = k;
    kept.set(changed, (places = at));
  }
  return places;
}
