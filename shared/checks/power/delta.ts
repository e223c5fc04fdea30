/**
 * A failure scenario evaluated as a change to normal operation, for the redundancy proof: a
 * failure touches only the components below what fails, the circuits of the racks that lose a
 * side, and the supply paths above them. Everything else keeps its normal-operation values, so
 * the cost is that of the change, not of the site (a 10,000-rack site runs thousands of
 * scenarios). Sums run in the same order as a full evaluation, so the results are identical to
 * the last bit (flow.test.ts compares them over every scenario).
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
  already: ReadonlySet<number>,
  live: Uint8Array,
  fedBy: Int32Array,
): number[] {
  const { components, parent, backup, children, orderPos } = graph;
  const changed: number[] = [];
  const failed = [...scenario.failed].filter((i) => !already.has(i)).sort((x, y) => orderPos[x]! - orderPos[y]!);
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
      if (!scenario.failed.has(x)) {
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
 * Evaluates `scenario` as a change to `base`: normal operation, or a scenario whose failures it
 * includes (a side lost, for "side lost and one more unit"), so that a combined failure costs only
 * its extra part. `changed` is reported against normal operation either way.
 */
export function evaluateDelta(
  graph: PowerGraph,
  settings: Settings,
  normal: Flow,
  scenario: Scenario,
  base: Flow = normal,
): Flow {
  const { components, orderPos, circuitRacks, racks } = graph;
  const groups = graph.groups.length;
  const live = base.live.slice();
  const fedBy = base.fedBy.slice();
  const outW = base.outW.slice();
  const inW = base.inW.slice();
  const itW = base.itW.slice();
  const phaseW = base.phaseW.slice();
  const phaseA = base.phaseA.slice();
  const usable = base.usableW.slice();
  const rackState = base.rackState.slice();
  const groupRows = new Map<number, Float64Array>();

  const supplyChanged = propagateFailures(graph, scenario, base.scenario.failed, live, fedBy);
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
    for (let i = base.fedBy[d]!; i !== -1 && !dirty.has(i); i = base.fedBy[i]!) dirty.add(i);
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
      const from = groupRows.get(child);
      for (let g = 0; g < groups; g++) bump(row, g, from ? from[g]! : base.itByGroup(child, g));
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

  return {
    scenario,
    live,
    fedBy,
    outW,
    inW,
    itW,
    itByGroup: (i, g) => {
      const row = groupRows.get(i);
      return row ? row[g]! : base.itByGroup(i, g);
    },
    usableW: usable,
    phaseW,
    phaseA,
    phaseLimitA: normal.phaseLimitA,
    rackState,
    changed: mergeSorted(base.changed, dirty),
    changedRacks: mergeSorted(base.changedRacks, changedRacks),
  };
}

/** The sorted union of what the base flow changed (already sorted) and what this one changed. */
function mergeSorted(sorted: readonly number[] | null, own: ReadonlySet<number>): number[] {
  const mine = [...own].sort((x, y) => x - y);
  if (!sorted || sorted.length === 0) return mine;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < mine.length) {
    const next = j >= mine.length || (i < sorted.length && sorted[i]! <= mine[j]!) ? sorted[i++]! : mine[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
