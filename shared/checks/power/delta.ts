/**
 * A failure scenario evaluated as a change to a base flow (normal operation, or a side lost), for
 * the redundancy proof: a failure touches only the components below what fails, the circuits of
 * the racks that lose a side, and the supply paths above them. The change is written into a
 * scratch copy of the base and undone after use, so the cost is that of the change, not of the
 * site (a 10,000-rack site runs thousands of scenarios).
 *
 * Circuits are redrawn from their racks and phase-tracked distribution (PDU, RPP, busway) from its
 * children, exactly as a full evaluation does: their phase packing depends on the order of what
 * they carry. Above them (UPS, transformer, switchgear, utility, generator: no phases, loads
 * simply add) a component's new load is its base load plus the changes its children pushed up, so
 * a failure costs the path, not the fan-out: the utility of a campus has hundreds of children.
 * Sums then run in another order than a full evaluation's, so results agree to rounding (within
 * 1e-9 relative; delta.test.ts compares them over every scenario), and the 1e-9 overload
 * tolerance (flow.ts) keeps rounding from ever reading as an overload.
 */
import type { Settings } from '../../model/schema';
import { efficiency, tracksPhases, usableW } from './capacity';
import {
  bump,
  drawRack,
  facilityLoad,
  groupLoadsBelow,
  joinPhases,
  packCircuit,
  phaseCurrentsInto,
  utilityHang,
  type Flow,
  type Scenario,
} from './flow';
import type { PowerGraph } from './topology';

/** Liveness below the newly failed components, parents first; returns the components whose supply changed. */
function propagateFailures(
  graph: PowerGraph,
  scenario: Scenario,
  base: Scenario,
  live: Uint8Array,
  fedBy: Int32Array,
): number[] {
  const { components, parent, backup, children, orderPos } = graph;
  const changed: number[] = [];
  const own =
    scenario.extends?.id === base.id
      ? scenario.extends.failed
      : [...scenario.failed].filter((i) => !base.failed.has(i));
  const failed = [...own].sort((x, y) => orderPos[x]! - orderPos[y]!);
  const ownSet = new Set(failed);
  const isFailed = (i: number) => ownSet.has(i) || base.failed.has(i);
  // Generators first: what they back up looks at them.
  for (const g of failed) {
    if (components[g]!.kind !== 'generator' || !live[g]) continue;
    live[g] = 0;
    fedBy[g] = -1;
    changed.push(g);
  }
  const stack: number[] = [];
  for (const f of failed) {
    if (components[f]!.kind !== 'generator') stack.push(f);
    while (stack.length > 0) {
      const x = stack.pop()!;
      const p = parent[x]!;
      const g = backup[x]!;
      let nowLive = 0;
      let nowFed = -1;
      if (!isFailed(x)) {
        if (p === -1) nowLive = 1;
        else if (live[p]) [nowLive, nowFed] = [1, p];
        if (!nowLive && g !== -1 && live[g]) [nowLive, nowFed] = [1, g];
      }
      if (nowLive === live[x] && nowFed === fedBy[x]) continue;
      const liveChanged = nowLive !== live[x];
      live[x] = nowLive;
      fedBy[x] = nowFed;
      changed.push(x);
      // Only a change of liveness reaches the children; a change of feeder does not.
      if (liveChanged) for (const c of children[x]!) stack.push(c);
    }
  }
  return changed;
}

/**
 * A base flow, a scratch copy of it that evaluations write into and restore, and bookkeeping
 * arrays reused by every evaluation (marks by evaluation number instead of sets: a proof runs
 * thousands of evaluations, and sets of tens of thousands of entries cost more than the flow).
 */
export interface DeltaBase {
  flow: Flow;
  scratch: Flow;
  marks: Marks;
}

interface Marks {
  /** Evaluation number that last marked each component dirty / as a redrawn circuit, each rack changed. */
  dirty: Uint32Array;
  circuit: Uint32Array;
  rack: Uint32Array;
  /** What the children of an added-up component pushed onto it, W (zeroed after use). */
  pushedW: Float64Array;
  pushedItW: Float64Array;
  /** The facility load not hung on the chain, on the base's utilities (utilityHang). */
  baseHang?: { unhungW: number; byUtility: Map<number, number> };
  epoch: number;
}

/**
 * Arrays the evaluation may write, copied, so the base itself is never touched. The per-phase
 * arrays start shared with the base and are given their own the first time an evaluation writes
 * them (`own`): most components are never written, and a campus has tens of thousands.
 */
export function deltaBase(flow: Flow): DeltaBase {
  const n = flow.live.length;
  return {
    flow,
    scratch: copyOf(flow, flow.phaseW.slice(), flow.phaseA.slice()),
    marks: {
      dirty: new Uint32Array(n),
      circuit: new Uint32Array(n),
      rack: new Uint32Array(flow.rackState.length),
      pushedW: new Float64Array(n),
      pushedItW: new Float64Array(n),
      epoch: 0,
    },
  };
}

/** A flow with its own copies of the per-component and per-rack arrays, and the per-phase lists given. */
function copyOf(flow: Flow, phaseW: (Float64Array | null)[], phaseA: (Float64Array | null)[]): Flow {
  return {
    ...flow,
    live: flow.live.slice(),
    fedBy: flow.fedBy.slice(),
    outW: flow.outW.slice(),
    inW: flow.inW.slice(),
    itW: flow.itW.slice(),
    usableW: flow.usableW.slice(),
    phaseW,
    phaseA,
    rackState: flow.rackState.slice(),
  };
}

/**
 * A copy of a flow evaluated as a change to `over` that outlives its scratch (a side lost, kept
 * as the base of the scenarios that extend it). Where it changed, its per-phase arrays are copied
 * and its group loads read from its own arrays; elsewhere both are `over`'s, which are never
 * written.
 */
export function snapshot(flow: Flow, graph: PowerGraph, over: Flow): Flow {
  const changed = new Uint8Array(flow.live.length);
  for (const i of flow.changed ?? graph.components.keys()) changed[i] = 1;
  const own = (list: readonly (Float64Array | null)[], overList: readonly (Float64Array | null)[]) =>
    list.map((a, i) => (changed[i] ? a && a.slice() : overList[i]!));
  const copy = copyOf(flow, own(flow.phaseW, over.phaseW), own(flow.phaseA, over.phaseA));
  copy.groupItW = groupLoadsBelow(graph, copy, (i) => changed[i] === 1, over.groupItW);
  return copy;
}

/**
 * Evaluates `scenario` as a change to `base.flow`, which it must include the failures of
 * (normal operation, or the side a "side lost and one more unit" scenario extends). The result
 * lives in the scratch arrays: read it, then call `restore()` before the next evaluation.
 * `changed` is relative to the base.
 */
export function evaluateDelta(
  graph: PowerGraph,
  settings: Settings,
  base: DeltaBase,
  scenario: Scenario,
): Flow & { restore: () => void } {
  const { components, orderPos, circuitRacks, racks } = graph;
  const from = base.flow;
  const { live, fedBy, outW, inW, itW, phaseW, phaseA, usableW: usable, rackState } = base.scratch;
  const marks = base.marks;
  const epoch = ++marks.epoch;
  const { pushedW, pushedItW } = marks;
  const dirty: number[] = [];
  const markDirty = (i: number) => {
    if (marks.dirty[i] === epoch) return false;
    marks.dirty[i] = epoch;
    dirty.push(i);
    return true;
  };
  const isCircuit = (i: number) => marks.circuit[i] === epoch;
  /** The scratch's own per-phase array of a component, to write (see deltaBase). */
  const own = (list: (Float64Array | null)[], baseList: readonly (Float64Array | null)[], i: number) => {
    const a = list[i];
    if (a && a === baseList[i]) return (list[i] = new Float64Array(3));
    return a;
  };

  const supplyChanged = propagateFailures(graph, scenario, from.scenario, live, fedBy);
  for (const c of supplyChanged) markDirty(c);
  const changedRacks: number[] = [];
  for (const c of supplyChanged)
    for (const ri of circuitRacks[c]!)
      if (marks.rack[ri] !== epoch) {
        marks.rack[ri] = epoch;
        changedRacks.push(ri);
      }

  // Circuits of racks that lost a side: redraw every rack on them, in rack order.
  const circuits: number[] = [];
  for (const ri of changedRacks) {
    const r = racks[ri]!;
    if (r.a !== -1 && !isCircuit(r.a)) {
      marks.circuit[r.a] = epoch;
      circuits.push(r.a);
    }
    if (r.b !== -1 && !isCircuit(r.b)) {
      marks.circuit[r.b] = epoch;
      circuits.push(r.b);
    }
  }
  const pairs: number[] = [];
  let drawing = -1;
  const onSide = (side: number, per: number, count: number) => {
    if (side !== drawing) return;
    pairs.push(per, count);
    const w = per * count;
    bump(outW, drawing, w);
    bump(itW, drawing, w);
  };
  for (const c of circuits) {
    markDirty(c);
    outW[c] = 0;
    itW[c] = 0;
    // Circuits track phases; a rack fed straight from another kind of component has none to keep.
    const phases = own(phaseW, from.phaseW, c) ?? new Float64Array(3);
    phases[0] = phases[1] = phases[2] = 0;
    pairs.length = 0;
    drawing = c;
    for (const ri of circuitRacks[c]!) {
      const r = racks[ri]!;
      const state = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, onSide);
      if (marks.rack[ri] === epoch) rackState[ri] = state;
    }
    const circuit = components[c]!;
    if (circuit.kind === 'circuit' && pairs.length > 0) packCircuit(circuit.phases, outW[c]!, pairs, phases);
  }

  // Every supply path above a change, under the old feeders and the new.
  const { mechanicalW, hungShare } = facilityLoad(graph, settings);
  const unhungW = Math.max(0, 1 - hungShare) * mechanicalW;
  if (dirty.length > 0 && unhungW > 0) for (const u of graph.utilities) markDirty(u);
  for (let k = 0, end = dirty.length; k < end; k++) {
    const d = dirty[k]!;
    for (let i = from.fedBy[d]!; i !== -1 && markDirty(i); i = from.fedBy[i]!);
    for (let i = fedBy[d]!; i !== -1 && markDirty(i); i = fedBy[i]!);
  }

  /**
   * Redrawn from its children as a full evaluation draws it: phase-tracked distribution (its
   * phase packing depends on what it carries), and anything that changes liveness.
   */
  const redraws = (i: number) => isCircuit(i) || tracksPhases(components[i]!) || !live[i] || !from.live[i];
  /** Pushes `sign` × a component's contribution (input, IT) onto the added-up component it feeds. */
  const push = (to: number, sign: 1 | -1, w: number, it: number) => {
    if (redraws(to)) return;
    pushedW[to] = pushedW[to]! + sign * w;
    pushedItW[to] = pushedItW[to]! + sign * it;
  };
  // The base's share is the same for every evaluation against it.
  if (marks.baseHang?.unhungW !== unhungW)
    marks.baseHang = { unhungW, byUtility: utilityHang(graph, from.live, from.itW, unhungW) };
  const baseHang = marks.baseHang.byUtility;

  // Children before parents: a child always comes later in `order` than what supplies it. The
  // positions sort as numbers in a typed array, without a comparator.
  const positions = new Int32Array(dirty.length);
  for (let k = 0; k < dirty.length; k++) positions[k] = orderPos[dirty[k]!]!;
  positions.sort();
  for (let k = positions.length - 1; k >= 0; k--) {
    const d = graph.order[positions[k]!]!;
    const c = components[d]!;
    if (isCircuit(d) && live[d]) {
      inW[d] = outW[d]!;
    } else if (redraws(d)) {
      outW[d] = 0;
      itW[d] = 0;
      inW[d] = 0;
      const phases = own(phaseW, from.phaseW, d);
      if (phases) phases[0] = phases[1] = phases[2] = 0;
      if (live[d]) {
        if (c.kind === 'mechanical') outW[d] = c.share * mechanicalW;
        for (const child of graph.suppliesTo[d]!) {
          if (!live[child] || fedBy[child] !== d) continue;
          bump(outW, d, inW[child]!);
          bump(itW, d, itW[child]!);
          joinPhases(c, phases, components[child]!, phaseW[child], outW[child]!);
        }
        inW[d] = outW[d]! / efficiency(c);
      }
    } else {
      // Loads add above the phase-tracked levels: the base's, plus what the children changed.
      outW[d] = from.outW[d]! - (baseHang.get(d) ?? 0) + pushedW[d]!;
      itW[d] = from.itW[d]! + pushedItW[d]!;
      inW[d] = outW[d]! / efficiency(c);
      pushedW[d] = 0;
      pushedItW[d] = 0;
    }
    // Hand the change up: to the feeder it had and the one it has now.
    const before = from.live[d] ? from.fedBy[d]! : -1;
    const now = live[d] ? fedBy[d]! : -1;
    if (before !== -1 && before === now && !redraws(d)) {
      push(now, 1, inW[d]! - from.inW[d]!, itW[d]! - from.itW[d]!);
      continue;
    }
    if (before !== -1) push(before, -1, from.inW[d]!, from.itW[d]!);
    if (now !== -1) push(now, 1, inW[d]!, itW[d]!);
  }
  // The facility load not hung on the chain, shared again over the utilities by their new IT.
  if (dirty.length > 0)
    for (const [u, w] of utilityHang(graph, live, itW, unhungW)) {
      bump(outW, u, w);
      inW[u] = outW[u]!;
    }

  for (const d of dirty) {
    const c = components[d]!;
    const phases = phaseW[d];
    if (phases && tracksPhases(c)) phaseCurrentsInto(c, phases, own(phaseA, from.phaseA, d)!);
  }
  for (const [i, lost] of scenario.lostModules) {
    usable[i] = usableW(components[i]!, settings, lost);
    markDirty(i);
  }
  const changed = sortedNumbers(dirty);
  const touchedRacks = sortedNumbers(changedRacks);
  return {
    ...base.scratch,
    scenario,
    groupItW: groupLoadsBelow(graph, base.scratch, (i) => marks.dirty[i] === epoch, from.groupItW),
    phaseLimitA: from.phaseLimitA,
    changed,
    changedRacks: touchedRacks,
    restore() {
      for (const i of changed) {
        live[i] = from.live[i]!;
        fedBy[i] = from.fedBy[i]!;
        outW[i] = from.outW[i]!;
        inW[i] = from.inW[i]!;
        itW[i] = from.itW[i]!;
        usable[i] = from.usableW[i]!;
        copy3(from.phaseW[i], phaseW[i]);
        copy3(from.phaseA[i], phaseA[i]);
      }
      for (const ri of touchedRacks) rackState[ri] = from.rackState[ri]!;
    },
  };
}

/** The same numbers in ascending order (non-negative indices), sorted as a typed array. */
function sortedNumbers(list: number[]): number[] {
  const sorted = Int32Array.from(list).sort();
  for (let k = 0; k < sorted.length; k++) list[k] = sorted[k]!;
  return list;
}

/** Copies three phase values; spelled out, since the typed-array builtins cost more than the copy on three. */
function copy3(from: Float64Array | null | undefined, to: Float64Array | null | undefined): void {
  if (!from || !to) return;
  to[0] = from[0]!;
  to[1] = from[1]!;
  to[2] = from[2]!;
}
