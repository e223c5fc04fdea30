/**
 * Power flow through the chain for one operating scenario: normal, or with components (or UPS
 * modules) failed. Pure and deterministic; every redundancy proof is a list of these.
 *
 * 1. Liveness, parents first: a component is live when it has not failed and its parent is live,
 *    or when the generator backing it is (transfer on loss of supply). Roots are live unless failed
 *    (a component not yet connected upstream is taken as supplied, and flagged elsewhere).
 * 2. Devices: a device's draw spreads evenly over its live power supplies (load sharing); on loss
 *    of a side the surviving supplies carry it all. A device with no live supply goes dark; one
 *    with fewer live supplies than it needs for full power runs throttled.
 * 3. Phases: each supply is a single-phase L-N load; a circuit's supplies are packed onto the
 *    phase with the least load, largest first (the outlet rotation a rack PDU allows), as worked
 *    case 3 requires. Circuits join their panel's phases by the rotation that balances it best.
 * 4. Loads roll up children first: a component's input = output / efficiency (UPS, transformer).
 * 5. Facility load: mechanical boards carry their share of cooling (IT · cooling ratio) plus
 *    auxiliary load; any share not hung on the chain is carried by the utility services in
 *    proportion to the IT load they supply.
 */
import type { Settings } from '../../model/schema';
import { phaseLimitA, usableW } from './capacity';
import type { PowerGraph, RackSupply } from './topology';
import { reusedArray } from '../scratch';

export interface Scenario {
  /** Stable id, e.g. `fail:ups-a`, `side:A`, `side:A+module:ups-b`. */
  id: string;
  /** What fails, in words: "loss of side A and one module of UPS B". */
  label: string;
  failed: ReadonlySet<number>;
  /** UPS index → modules lost. */
  lostModules: ReadonlyMap<number, number>;
  /** For a scenario that adds failures to another: that scenario's id, and the failures it adds. */
  extends?: { id: string; failed: ReadonlySet<number> };
}

export const NORMAL: Scenario = { id: 'normal', label: 'normal operation', failed: new Set(), lostModules: new Map() };

/**
 * The figures a flow works out at each component (its liveness, feeders and capacities it may
 * share with the flow it was worked out from).
 */
export type FlowFigures = Pick<Flow, 'outW' | 'inW' | 'itW' | 'phaseW'>;

/** Component i's loads and phases copied from one set of figures into another. */
export function copyLoads(from: FlowFigures, into: FlowFigures, i: number): void {
  into.outW[i] = from.outW[i]!;
  into.inW[i] = from.inW[i]!;
  into.itW[i] = from.itW[i]!;
  for (let p = 3 * i; p < 3 * i + 3; p++) into.phaseW[p] = from.phaseW[p]!;
}

/** Rack group index → IT load, W. */
export type GroupLoads = ReadonlyMap<number, number>;
export const NO_GROUPS: GroupLoads = new Map();

/** into[g] += w. */
export function addGroup(into: Map<number, number>, g: number, w: number): void {
  into.set(g, (into.get(g) ?? 0) + w);
}

export const RACK_OK = 0;
/** Some devices throttled (fewer live supplies than needed for full power). */
export const RACK_THROTTLED = 1;
/** Some, but not all, devices dark. */
export const RACK_PARTLY_DARK = 2;
export const RACK_DARK = 3;

export interface Flow {
  scenario: Scenario;
  live: Uint8Array;
  /** Component (or generator) actually supplying each live component, −1 for live roots. */
  fedBy: Int32Array;
  /** Load at each component's output, W. */
  outW: Float64Array;
  /** Power drawn from upstream, W: output / efficiency. */
  inW: Float64Array;
  /** IT load downstream of each component, W. */
  itW: Float64Array;
  /**
   * The same per rack group (graph.groups), W: only the groups present below the component, so a
   * 10,000-rack site keeps tens of thousands of entries, not components × groups.
   */
  groupItW: (component: number) => GroupLoads;
  usableW: Float64Array;
  /**
   * Per-phase load, W, of the components whose phases are tracked (`phaseTracked`: circuits and
   * distribution), flat: component i's phases L1–L3 at 3i … 3i + 2 (zero elsewhere). One array per
   * flow, not three numbers per component: a proof's flows would otherwise allocate hundreds of
   * thousands of small arrays. Their currents are worked out from them when read (`phaseAmps`).
   */
  phaseW: Float64Array;
  phaseTracked: Uint8Array;
  /** The power a phase carries per ampere, W/A, of the same components (the graph's, shared). */
  phaseWattsPerAmp: Float64Array;
  /** Continuous current limit per phase, A, of the same components. */
  phaseLimitA: Float64Array;
  rackState: Uint8Array;
  /**
   * Components (and racks) whose values may differ from the flow this one was evaluated as a
   * change to (delta.ts); null for a full evaluation, where all may.
   */
  changed: readonly number[] | null;
  changedRacks: readonly number[] | null;
}

/** arr[i] += v, for typed arrays under noUncheckedIndexedAccess. */
export function bump(arr: Float64Array, i: number, v: number): void {
  arr[i] = arr[i]! + v;
}

/**
 * Whether component i has the same figures in two flows of one chain: liveness, load in and out,
 * capacity, and where tracked the phase currents and their limit — what normal operation's
 * findings and metrics of a component are made of.
 */
export function sameFiguresAt(a: Flow, b: Flow, i: number): boolean {
  if (a.live[i] !== b.live[i] || a.outW[i] !== b.outW[i] || a.inW[i] !== b.inW[i] || a.usableW[i] !== b.usableW[i])
    return false;
  if (a.phaseTracked[i] !== b.phaseTracked[i]) return false;
  if (!b.phaseTracked[i]) return true;
  if (a.phaseLimitA[i] !== b.phaseLimitA[i]) return false;
  for (let p = 3 * i; p < 3 * i + 3; p++) if (phaseAmps(a, p) !== phaseAmps(b, p)) return false;
  return true;
}

/**
 * Adds the phases at `child` onto those at `into` (offsets in flat per-phase arrays) with
 * whichever of the three phase rotations leaves the largest phase smallest.
 */
function addRotated(values: Float64Array, into: number, child: number): void {
  let best = 0;
  let bestPeak = Infinity;
  for (let r = 0; r < 3; r++) {
    const peak = Math.max(
      values[into]! + values[child + (r % 3)]!,
      values[into + 1]! + values[child + ((r + 1) % 3)]!,
      values[into + 2]! + values[child + ((r + 2) % 3)]!,
    );
    if (peak < bestPeak - 1e-9) {
      bestPeak = peak;
      best = r;
    }
  }
  for (let p = 0; p < 3; p++) bump(values, into + p, values[child + ((best + p) % 3)]!);
}

/** The least loaded of the three phases at offset `at`, as 0, 1 or 2. */
function leastLoadedPhase(phases: Float64Array, at: number): number {
  const p0 = phases[at]!;
  const p1 = phases[at + 1]!;
  const p2 = phases[at + 2]!;
  return p0 <= p1 && p0 <= p2 ? 0 : p1 <= p2 ? 1 : 2;
}

export function evaluate(graph: PowerGraph, settings: Settings, scenario: Scenario): Flow {
  const { components, parent, order, backup } = graph;
  const n = components.length;
  const live = new Uint8Array(n);
  const fedBy = new Int32Array(n).fill(-1);
  for (const i of order) {
    if (scenario.failed.has(i)) continue;
    const p = parent[i]!;
    const g = backup[i]!;
    if (p === -1) {
      // A generator is a root but only supplies what it backs up; it is live as a source.
      live[i] = 1;
    } else if (live[p]) {
      live[i] = 1;
      fedBy[i] = p;
    }
    if (!live[i] && g !== -1 && !scenario.failed.has(g)) {
      live[i] = 1;
      fedBy[i] = g;
    }
  }

  const outW = new Float64Array(n);
  const inW = new Float64Array(n);
  const itW = new Float64Array(n);
  const phaseW = new Float64Array(3 * n);
  // Supplies per component a rack draws from, as [W per supply, count] pairs, packed onto a circuit's phases below.
  const supplies: (number[] | undefined)[] = new Array(n);
  const rackState = new Uint8Array(graph.racks.length);
  const onSide = (side: number, perSupply: number, count: number) => {
    (supplies[side] ??= []).push(perSupply, count);
    const w = perSupply * count;
    bump(outW, side, w);
    bump(itW, side, w);
  };
  graph.racks.forEach((r, ri) => {
    rackState[ri] = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, onSide);
  });

  // Largest-first packing of each circuit's supplies onto its phases.
  components.forEach((c, i) => {
    const pairs = supplies[i];
    if (c.kind === 'circuit' && pairs) packCircuit(c.phases, outW[i]!, pairs, pairs.length, phaseW, 3 * i);
  });

  const { mechanicalW, unhungW } = facilityLoad(graph, settings);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    if (!live[i]) continue;
    const share = graph.mechanicalShare[i]!;
    if (!Number.isNaN(share)) outW[i] = share * mechanicalW;
    inW[i] = outW[i]! / graph.efficiency[i]!;
    const f = fedBy[i]!;
    if (f === -1) continue;
    bump(outW, f, inW[i]!);
    bump(itW, f, itW[i]!);
    joinPhases(graph.phases, f, i, phaseW, outW[i]!);
  }
  hangOnUtilities(graph, live, outW, inW, itW, unhungW);

  const usable = new Float64Array(n);
  const limits = new Float64Array(n);
  components.forEach((c, i) => {
    usable[i] = usableW(c, settings, scenario.lostModules.get(i) ?? 0);
    limits[i] = phaseLimitA(c, settings) ?? 0;
  });

  return wholeFlow(graph, scenario, {
    live,
    fedBy,
    outW,
    inW,
    itW,
    usableW: usable,
    phaseW,
    phaseLimitA: limits,
    rackState,
  });
}

/** A flow whose every figure is its own (not a change to another's), its group loads summed from them when asked. */
export function wholeFlow(
  graph: PowerGraph,
  scenario: Scenario,
  figures: Omit<Flow, 'scenario' | 'groupItW' | 'phaseTracked' | 'phaseWattsPerAmp' | 'changed' | 'changedRacks'>,
): Flow {
  const { live, fedBy, itW } = figures;
  return {
    scenario,
    ...figures,
    groupItW: groupLoadsBelow(
      graph,
      { live, fedBy, itW },
      () => true,
      () => NO_GROUPS,
    ),
    phaseTracked: graph.phaseTracked,
    phaseWattsPerAmp: graph.phaseWattsPerAmp,
    changed: null,
    changedRacks: null,
  };
}

/**
 * Draws one rack's devices from its live sides: each device's draw spreads evenly over its live
 * supplies; `onSide(circuit, W per supply, supplies)` receives each side's part, in device order.
 * Returns the rack's state.
 */
export function drawRack(
  r: RackSupply,
  aLive: boolean,
  bLive: boolean,
  onSide: (circuit: number, perSupply: number, count: number) => void,
): number {
  let dark = 0;
  let loaded = 0;
  let throttled = false;
  for (const d of r.devices) {
    if (d.w <= 0) continue;
    loaded++;
    const nA = aLive ? d.psuA : 0;
    const nB = bLive ? d.psuB : 0;
    const supplies = nA + nB;
    if (supplies === 0) {
      dark++;
      continue;
    }
    if (supplies < d.required) throttled = true;
    const perSupply = d.w / supplies;
    if (nA > 0) onSide(r.a, perSupply, nA);
    if (nB > 0) onSide(r.b, perSupply, nB);
  }
  return loaded > 0 && dark === loaded ? RACK_DARK : dark > 0 ? RACK_PARTLY_DARK : throttled ? RACK_THROTTLED : RACK_OK;
}

/** Per-group sums of one component's racks, which groups they hold and in what order, reused (zeroed after each use). */
let groupSums = new Float64Array(0);
let groupSeen = new Uint8Array(0);
let groupDrawn = new Int32Array(0);

/**
 * Group loads (IT per rack group, W) of a flow, on demand: only the headroom reads them, and only
 * for the few components that could limit it (headroom.ts), so they are not summed for every
 * component of every flow. A component `changed` says may differ from `base` has its racks'
 * draws on it, in rack order, then its live children's, in the order a full evaluation adds them
 * (`suppliesTo`): the same sums, to the last bit, as adding them up while the flow is evaluated.
 * Elsewhere it has the base's. A changed child that supplies nothing (a rack circuit: nearly every
 * component of a campus) has its racks' draws summed per group in a reused array and added on,
 * instead of a map of its own, which no one asks for: the headroom reads PDUs and above. When it
 * holds one rack, that sum is the child's own IT load, added up from the same draws in the same
 * order, so that is read instead of drawing the rack again. `addBase`, when given, adds an
 * unchanged child's base loads onto a changed parent's itself, in the order `base` would list
 * them, rather than have a map made of them (true when it did): a campus utility has hundreds of
 * children.
 */
export function groupLoadsBelow(
  graph: PowerGraph,
  flow: Pick<Flow, 'live' | 'fedBy' | 'itW'>,
  changed: (i: number) => boolean,
  base: (i: number) => GroupLoads,
  addBase?: (i: number, into: Map<number, number>) => boolean,
): (i: number) => GroupLoads {
  let memo: Map<number, GroupLoads> | undefined;
  const { live, fedBy, itW } = flow;
  // One component's racks' draws, per group: the groups in the order first drawn, the first
  // `drawn` of `groupDrawn` (a count, not an array emptied: emptying one gives up its storage).
  let drawn = 0;
  let side = -1;
  let group = -1;
  const onSide = (circuit: number, perSupply: number, count: number) => {
    if (circuit !== side) return;
    if (!groupSeen[group]) {
      groupSeen[group] = 1;
      groupDrawn[drawn++] = group;
    }
    groupSums[group] = groupSums[group]! + perSupply * count;
  };
  /** Adds the draws of component i's own racks, per group and in rack order, onto `into`. */
  const addRacks = (i: number, into: Map<number, number>) => {
    const racks = graph.circuitRacks[i]!;
    if (racks.length === 0) return;
    if (groupSums.length < graph.groups.length) {
      groupSums = new Float64Array(graph.groups.length);
      groupSeen = new Uint8Array(graph.groups.length);
      groupDrawn = new Int32Array(graph.groups.length);
    }
    side = i;
    for (const ri of racks) {
      const r = graph.racks[ri]!;
      group = graph.rackGroup[ri]!;
      drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, onSide);
    }
    for (let k = 0; k < drawn; k++) {
      const g = groupDrawn[k]!;
      addGroup(into, g, groupSums[g]!);
      groupSums[g] = 0;
      groupSeen[g] = 0;
    }
    drawn = 0;
  };
  const below = (i: number): GroupLoads => {
    if (!changed(i)) return base(i);
    const known = (memo ??= new Map()).get(i);
    if (known) return known;
    const groups = new Map<number, number>();
    if (live[i]) {
      addRacks(i, groups);
      for (const child of graph.suppliesTo[i]!) {
        if (!live[child] || fedBy[child] !== i) continue;
        if (graph.leaf[child] === 1 && changed(child)) {
          const ri = graph.soleRack[child]!;
          if (ri === -1) addRacks(child, groups);
          else if (itW[child]! > 0) addGroup(groups, graph.rackGroup[ri]!, itW[child]!);
        } else if (changed(child) || !addBase?.(child, groups))
          for (const [g, w] of below(child)) addGroup(groups, g, w);
      }
    }
    memo.set(i, groups);
    return groups;
  };
  return below;
}

/** Supply loads of one circuit, reused: circuits are packed hundreds of thousands of times in a proof. */
let packScratch = new Float64Array(64);

/**
 * Packs a circuit's supplies (the first `length` numbers of `pairs`: [W per supply, count] pairs)
 * onto its phases (at offset `at` of a flat per-phase array), largest first onto the least loaded.
 */
export function packCircuit(
  phases: 1 | 3,
  totalW: number,
  pairs: readonly number[],
  length: number,
  into: Float64Array,
  at: number,
): void {
  if (phases === 1) {
    into[at] = totalW;
    return;
  }
  let count = 0;
  for (let k = 0; k < length; k += 2) count += pairs[k + 1]!;
  if (packScratch.length < count) packScratch = new Float64Array(Math.max(count, 2 * packScratch.length));
  // Sorted ascending as they go in (then read from the end, largest first): a circuit holds tens
  // of supplies, where an insertion costs less than a typed array's sort and its subarray view.
  const loads = packScratch;
  let n = 0;
  for (let k = 0; k < length; k += 2) {
    const w = pairs[k]!;
    for (let m = 0; m < pairs[k + 1]!; m++) {
      let j = n++;
      for (; j > 0 && loads[j - 1]! > w; j--) loads[j] = loads[j - 1]!;
      loads[j] = w;
    }
  }
  for (let k = n - 1; k >= 0; k--) bump(into, at + leastLoadedPhase(into, at), loads[k]!);
}

/**
 * Adds a child's (index `ci`) phase loads onto its feeder's (`fi`), where both track phases
 * (`phases`: the graph's phases per component, 0 where not tracked).
 */
export function joinPhases(phases: Uint8Array, fi: number, ci: number, phaseW: Float64Array, childW: number): void {
  const feederPhases = phases[fi]!;
  const childPhases = phases[ci]!;
  if (feederPhases === 0 || childPhases === 0) return;
  const into = 3 * fi;
  if (feederPhases === 1) bump(phaseW, into, childW);
  else if (childPhases === 3) addRotated(phaseW, into, 3 * ci);
  else bump(phaseW, into + leastLoadedPhase(phaseW, into), childW);
}

/**
 * Facility load not hung on the chain, W, per live utility: carried in proportion to the IT load
 * each supplies (evenly when none carries IT). Written into `into` at the utilities' indices (0 for
 * a dead one), so a proof's thousands of flows allocate nothing for it.
 */
export function utilityHangInto(
  graph: PowerGraph,
  live: Uint8Array,
  itW: Float64Array,
  unhungW: number,
  into: Float64Array,
): void {
  const { utilities } = graph;
  let itOnUtilities = 0;
  let liveUtilities = 0;
  for (let k = 0; k < utilities.length; k++)
    if (live[utilities[k]!]) {
      itOnUtilities += itW[utilities[k]!]!;
      liveUtilities++;
    }
  for (let k = 0; k < utilities.length; k++) {
    const i = utilities[k]!;
    into[i] = unhungW > 0 && live[i] ? unhungW * (itOnUtilities > 0 ? itW[i]! / itOnUtilities : 1 / liveUtilities) : 0;
  }
}

/** Scratch of `hangOnUtilities` when the caller keeps none: each utility's share, by component. */
const utilityRoom = reusedArray((n) => new Float64Array(n));

/** Adds the facility load not hung on the chain onto the live utilities (utilityHangInto); `room` is scratch, one number per component. */

export function hangOnUtilities(
  graph: PowerGraph,
  live: Uint8Array,
  outW: Float64Array,
  inW: Float64Array,
  itW: Float64Array,
  unhungW: number,
  room: Float64Array = utilityRoom(graph.components.length),
): void {
  if (unhungW <= 0) return;
  utilityHangInto(graph, live, itW, unhungW, room);
  for (const i of graph.utilities) {
    if (!live[i]) continue;
    bump(outW, i, room[i]!);
    inW[i] = outW[i]!;
  }
}

/**
 * The current, A, at p (3 × component + phase) of a component whose phases are tracked, from its
 * phase load and the power a phase carries per ampere (`PowerGraph.phaseWattsPerAmp`):
 * I = P_phase / (V_LN · PF), electrical.ts `phaseCurrentA`. Worked out when read rather than kept
 * beside the loads: the same division of the same numbers, and a third less for each of the
 * proof's copies of a flow to write (six of a campus's 22,000 components in a full check).
 */
export function phaseAmps(flow: Pick<Flow, 'phaseW' | 'phaseWattsPerAmp'>, p: number): number {
  return flow.phaseW[p]! / flow.phaseWattsPerAmp[(p / 3) | 0]!;
}

/** The three phase currents of component i, A (`phaseAmps`). */
export function phaseAmpsOf(flow: Pick<Flow, 'phaseW' | 'phaseWattsPerAmp'>, i: number): [number, number, number] {
  return [phaseAmps(flow, 3 * i), phaseAmps(flow, 3 * i + 1), phaseAmps(flow, 3 * i + 2)];
}

/**
 * The facility (cooling + auxiliary) load of the site, W, the share of it hung on the chain, and
 * what is not hung on it (shared over the utilities by their IT load), W.
 */
export function facilityLoad(
  graph: PowerGraph,
  settings: Settings,
): { mechanicalW: number; hungShare: number; unhungW: number } {
  const mechanicalW = graph.coolingW + settings.auxiliaryLoadKw * 1000;
  return { mechanicalW, hungShare: graph.hungShare, unhungW: Math.max(0, 1 - graph.hungShare) * mechanicalW };
}

/** Relative tolerance for "over capacity": floating-point noise is not an overload. */
const TOLERANCE = 1e-9;

/** Whether a load is over a usable capacity, W, beyond the tolerance. */
export function overCapacity(outW: number, usableW: number): boolean {
  return outW > usableW * (1 + TOLERANCE);
}

/** Whether a live component is over its capacity, in total or on any phase. */
export function isOverloaded(flow: Flow, i: number): boolean {
  if (!flow.live[i]) return false;
  if (overCapacity(flow.outW[i]!, flow.usableW[i]!)) return true;
  if (!flow.phaseTracked[i]) return false;
  const limit = flow.phaseLimitA[i]! * (1 + TOLERANCE);
  return phaseAmps(flow, 3 * i) > limit || phaseAmps(flow, 3 * i + 1) > limit || phaseAmps(flow, 3 * i + 2) > limit;
}
