/**
 * A failure scenario evaluated as a change to a base flow (normal operation, or a side lost), for
 * the redundancy proof: a failure touches only the components below what fails, the circuits of
 * the racks that lose a side, and the supply paths above them. The change is written into a
 * scratch copy of the base and undone after use, so the cost is that of the change, not of the
 * site (a 10,000-rack site runs thousands of scenarios). Sums run in the same order as a full
 * evaluation, so the results are identical to the last bit (delta.test.ts compares them over
 * every scenario).
 */
import type { Settings } from '../../model/schema';
import { efficiency, tracksPhases, usableW } from './capacity';
import {
  bump,
  drawRack,
  facilityLoad,
  hangOnUtilities,
  joinPhases,
  packCircuit,
  phaseCurrents,
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

/** A base flow and a scratch copy of it that evaluations write into and restore. */
export interface DeltaBase {
  flow: Flow;
  scratch: Flow;
}

/** Arrays the evaluation may write, copied, so the base itself is never touched. */
export function deltaBase(flow: Flow): DeltaBase {
  return { flow, scratch: snapshot(flow) };
}

/** A full copy of a flow's arrays (for keeping a flow that lives in a scratch). */
export function snapshot(flow: Flow): Flow {
  return {
    ...flow,
    live: flow.live.slice(),
    fedBy: flow.fedBy.slice(),
    outW: flow.outW.slice(),
    inW: flow.inW.slice(),
    itW: flow.itW.slice(),
    usableW: flow.usableW.slice(),
    phaseW: flow.phaseW.slice(),
    phaseA: flow.phaseA.slice(),
    rackState: flow.rackState.slice(),
  };
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
  const groups = graph.groups.length;
  const from = base.flow;
  const { live, fedBy, outW, inW, itW, phaseW, phaseA, usableW: usable, rackState } = base.scratch;
  const groupRows = new Map<number, Float64Array>();

  const supplyChanged = propagateFailures(graph, scenario, from.scenario, live, fedBy);
  const dirty = new Set<number>(supplyChanged);
  const changedRacks = new Set<number>();
  for (const c of supplyChanged) for (const ri of circuitRacks[c]!) changedRacks.add(ri);

  // Circuits of racks that lost a side: redraw every rack on them, in rack order.
  const circuits = new Set<number>();
  for (const ri of changedRacks) {
    const r = racks[ri]!;
    if (r.a !== -1) circuits.add(r.a);
    if (r.b !== -1) circuits.add(r.b);
  }
  for (const c of circuits) {
    dirty.add(c);
    const row = new Float64Array(groups);
    groupRows.set(c, row);
    outW[c] = 0;
    itW[c] = 0;
    const phases = new Float64Array(3);
    phaseW[c] = phases;
    const pairs: number[] = [];
    for (const ri of circuitRacks[c]!) {
      const r = racks[ri]!;
      const state = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, (side, per, count) => {
        if (side !== c) return;
        pairs.push(per, count);
        const w = per * count;
        bump(outW, c, w);
        bump(itW, c, w);
        bump(row, r.group, w);
      });
      if (changedRacks.has(ri)) rackState[ri] = state;
    }
    const circuit = components[c]!;
    if (circuit.kind === 'circuit' && pairs.length > 0) packCircuit(circuit.phases, outW[c]!, pairs, phases);
  }

  // Every supply path above a change, under the old feeders and the new.
  const { mechanicalW, hungShare } = facilityLoad(graph, settings);
  const unhungW = Math.max(0, 1 - hungShare) * mechanicalW;
  if (dirty.size > 0 && unhungW > 0) for (const u of graph.utilities) dirty.add(u);
  for (const d of [...dirty]) {
    for (let i = from.fedBy[d]!; i !== -1 && !dirty.has(i); i = from.fedBy[i]!) dirty.add(i);
    for (let i = fedBy[d]!; i !== -1 && !dirty.has(i); i = fedBy[i]!) dirty.add(i);
  }

  // Children before parents: a child always comes later in `order` than what supplies it.
  const order = [...dirty].sort((x, y) => orderPos[y]! - orderPos[x]!);
  for (const d of order) {
    const c = components[d]!;
    if (circuits.has(d) && live[d]) {
      inW[d] = outW[d]!;
      continue;
    }
    const row = new Float64Array(groups);
    groupRows.set(d, row);
    outW[d] = 0;
    itW[d] = 0;
    inW[d] = 0;
    const phases = tracksPhases(c) ? new Float64Array(3) : null;
    phaseW[d] = phases;
    if (!live[d]) continue;
    if (c.kind === 'mechanical') outW[d] = c.share * mechanicalW;
    for (const child of graph.suppliesTo[d]!) {
      if (!live[child] || fedBy[child] !== d) continue;
      bump(outW, d, inW[child]!);
      bump(itW, d, itW[child]!);
      const childRow = groupRows.get(child);
      for (let g = 0; g < groups; g++) bump(row, g, childRow ? childRow[g]! : from.itByGroup(child, g));
      joinPhases(c, phases, components[child]!, phaseW[child], outW[child]!);
    }
    inW[d] = outW[d]! / efficiency(c);
  }
  if (dirty.size > 0) hangOnUtilities(graph, live, outW, inW, itW, unhungW);

  for (const d of dirty) phaseA[d] = phaseCurrents(components[d]!, phaseW[d] ?? null);
  for (const [i, lost] of scenario.lostModules) {
    usable[i] = usableW(components[i]!, settings, lost);
    dirty.add(i);
  }

  const changed = [...dirty].sort((x, y) => x - y);
  const touchedRacks = [...changedRacks].sort((x, y) => x - y);
  return {
    ...base.scratch,
    scenario,
    itByGroup: (i, g) => {
      const row = groupRows.get(i);
      return row ? row[g]! : from.itByGroup(i, g);
    },
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
        phaseW[i] = from.phaseW[i]!;
        phaseA[i] = from.phaseA[i]!;
      }
      for (const ri of touchedRacks) rackState[ri] = from.rackState[ri]!;
    },
  };
}
