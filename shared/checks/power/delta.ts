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
import { usableW } from './capacity';
import {
  bump,
  copyLoads,
  drawRack,
  facilityLoad,
  groupLoadsBelow,
  hangOnUtilities,
  joinPhases,
  packCircuit,
  utilityHangInto,
  type Flow,
  type Scenario,
} from './flow';
import type { ScenarioFigures } from './scenarioFigures';
import { perFeeds, type DeviceDraw, type PowerGraph, type RackSupply } from './topology';

/**
 * Liveness below the newly failed components, parents first; returns the components whose supply
 * changed. `marks.baseFailed` marks what the base's scenario fails; `marks.own` is set to the
 * evaluation's number for what this one fails besides (marks, not a set: a proof runs thousands).
 */
function propagateFailures(
  graph: PowerGraph,
  scenario: Scenario,
  base: Scenario,
  marks: Marks,
  live: Uint8Array,
  fedBy: Int32Array,
): number[] {
  const { components, parent, backup, children, orderPos } = graph;
  const { baseFailed, own, epoch } = marks;
  const changed: number[] = [];
  const failed: number[] = [];
  if (scenario.extends?.id === base.id) for (const i of scenario.extends.failed) failed.push(i);
  else for (const i of scenario.failed) if (!baseFailed[i]) failed.push(i);
  if (failed.length > 1) failed.sort((x, y) => orderPos[x]! - orderPos[y]!);
  for (let k = 0; k < failed.length; k++) own[failed[k]!] = epoch;
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
      if (!baseFailed[x] && own[x] !== epoch) {
        if (p === -1) nowLive = 1;
        else if (live[p]) {
          nowLive = 1;
          nowFed = p;
        }
        if (!nowLive && g !== -1 && live[g]) {
          nowLive = 1;
          nowFed = g;
        }
      }
      if (nowLive === live[x] && nowFed === fedBy[x]) continue;
      const liveChanged = nowLive !== live[x];
      live[x] = nowLive;
      fedBy[x] = nowFed;
      changed.push(x);
      // Only a change of liveness reaches the children; a change of feeder does not.
      if (liveChanged) {
        const below = children[x]!;
        for (let k = 0; k < below.length; k++) stack.push(below[k]!);
      }
    }
  }
  return changed;
}

/**
 * A base flow, a scratch copy of it that evaluations write into and restore, and bookkeeping
 * arrays reused by every evaluation (marks by evaluation number instead of sets: a proof runs
 * thousands of evaluations, and sets of tens of thousands of entries cost more than the flow).
 * The callbacks an evaluation hands on (`restore`, a rack's draw, "changed here") are made once
 * per base, not per evaluation: the same functions every time keep the optimised code of a
 * proof's thousands of evaluations from being thrown away at each new closure.
 */
export interface DeltaBase {
  flow: Flow;
  scratch: Flow;
  marks: Marks;
  /** Puts the scratch back as the base after an evaluation (evaluations of one base never overlap). */
  restore: () => void;
}

interface Marks {
  /** Evaluation number that last marked each component dirty / as a redrawn circuit, each rack changed. */
  dirty: Uint32Array;
  circuit: Uint32Array;
  rack: Uint32Array;
  /** What the children of an added-up component pushed onto it, W (zeroed after use). */
  pushedW: Float64Array;
  pushedItW: Float64Array;
  /** The same, as the last evaluation used it (`utilitiesAgain` starts from a utility's). */
  lastPushW: Float64Array;
  lastPushItW: Float64Array;
  /** The facility load not hung on the chain on each of the base's utilities, W (utilityHangInto), and for what total. */
  baseHangW: Float64Array;
  baseUnhungW: number;
  /** Scratch for an evaluation's own hang on the utilities. */
  hangW: Float64Array;
  /** 1 for the components the base's scenario fails; the evaluation's number for what it fails besides. */
  baseFailed: Uint8Array;
  own: Uint32Array;
  /**
   * The present evaluation's number: unique among the bases that share these marks (`counter`),
   * so that a mark one base's evaluation left is never read as another's.
   */
  epoch: number;
  counter: { last: number };
  /** The last evaluation's changed components and racks: what `restore` puts back. */
  changed: readonly number[];
  changedRacks: readonly number[];
  /**
   * The circuit being redrawn and its supplies as [W per supply, count] pairs, the first
   * `pairCount` numbers of `pairs` (`drawOnto`; the list is reused, not emptied).
   */
  drawing: number;
  pairs: number[];
  pairCount: number;
  /** Room to sort indices in, reused by every evaluation. */
  sorting: Int32Array;
  drawOnto: (side: number, perSupply: number, count: number) => void;
  /** Whether the present evaluation changed a component (for its group loads). */
  isDirty: (i: number) => boolean;
}

/**
 * Arrays the evaluation may write, copied, so the base itself is never touched. `sharing`: a base
 * of the same graph whose marks and scratch sums this one uses too (a side lost's, sharing normal
 * operation's: 1.3 MB less per side on a campus) — evaluations of bases never overlap, every mark
 * is read against the present evaluation's number alone, and the sums pushed up are zero again
 * after each; only what depends on the base (what it fails, its hang on the utilities) is its own.
 */
export function deltaBase(flow: Flow, sharing: DeltaBase | null = null): DeltaBase {
  const n = flow.live.length;
  const scratch = copyOf(flow);
  const shared = sharing?.marks;
  const marks: Marks = {
    dirty: shared?.dirty ?? new Uint32Array(n),
    circuit: shared?.circuit ?? new Uint32Array(n),
    rack: shared?.rack ?? new Uint32Array(flow.rackState.length),
    pushedW: shared?.pushedW ?? new Float64Array(n),
    pushedItW: shared?.pushedItW ?? new Float64Array(n),
    lastPushW: shared?.lastPushW ?? new Float64Array(n),
    lastPushItW: shared?.lastPushItW ?? new Float64Array(n),
    epoch: 0,
    counter: shared?.counter ?? { last: 0 },
    baseHangW: new Float64Array(n),
    baseUnhungW: NaN,
    hangW: shared?.hangW ?? new Float64Array(n),
    baseFailed: new Uint8Array(n),
    own: shared?.own ?? new Uint32Array(n),
    changed: [],
    changedRacks: [],
    drawing: -1,
    pairs: shared?.pairs ?? [],
    pairCount: 0,
    sorting: shared?.sorting ?? new Int32Array(Math.max(n, flow.rackState.length)),
    drawOnto: (side, perSupply, count) => {
      if (side !== marks.drawing) return;
      marks.pairs[marks.pairCount++] = perSupply;
      marks.pairs[marks.pairCount++] = count;
      const w = perSupply * count;
      bump(scratch.outW, side, w);
      bump(scratch.itW, side, w);
    },
    isDirty: (i) => marks.dirty[i] === marks.epoch,
  };
  for (const i of flow.scenario.failed) marks.baseFailed[i] = 1;
  const base: DeltaBase = { flow, scratch, marks, restore: () => restoreScratch(base) };
  return base;
}

/** A flow with its own copies of the per-component and per-rack arrays. */
function copyOf(flow: Flow): Flow {
  // Field by field, not spread: a flow handed in may carry more (an evaluation's `restore`), and
  // every scratch must have one shape, or the proof's optimised code bails out on each new one.
  return {
    scenario: flow.scenario,
    groupItW: flow.groupItW,
    phaseTracked: flow.phaseTracked,
    phaseWattsPerAmp: flow.phaseWattsPerAmp,
    phaseLimitA: flow.phaseLimitA,
    changed: flow.changed,
    changedRacks: flow.changedRacks,
    live: flow.live.slice(),
    fedBy: flow.fedBy.slice(),
    outW: flow.outW.slice(),
    inW: flow.inW.slice(),
    itW: flow.itW.slice(),
    usableW: flow.usableW.slice(),
    phaseW: flow.phaseW.slice(),
    rackState: flow.rackState.slice(),
  };
}

/**
 * A copy of a flow evaluated as a change to `over` that outlives its scratch (a side lost, kept
 * as the base of the scenarios that extend it). Where it changed, its group loads are read from
 * its own arrays; elsewhere they are `over`'s.
 */
export function snapshot(flow: Flow, graph: PowerGraph, over: Flow): Flow {
  const copy = copyOf(flow);
  copy.groupItW = loadsOverBase(graph, copy, over);
  return copy;
}

/** A flow's group loads: worked out from its own arrays where it changed, `over`'s elsewhere. */
export function loadsOverBase(graph: PowerGraph, flow: Flow, over: Flow): Flow['groupItW'] {
  let changed: Uint8Array;
  if (flow.changed === null) changed = new Uint8Array(flow.live.length).fill(1);
  else {
    // Per list: a flow's changed components are its plan's, the same list at every edit (a side
    // lost's spans a campus), and its marks are only read.
    let marks = changedMarks.get(flow.changed);
    if (!marks) {
      marks = new Uint8Array(flow.live.length);
      for (let k = 0; k < flow.changed.length; k++) marks[flow.changed[k]!] = 1;
      changedMarks.set(flow.changed, marks);
    }
    changed = marks;
  }
  return groupLoadsBelow(graph, flow, (i) => changed[i] === 1, over.groupItW);
}

/** 1 for each component of a list of changed components, per list (`loadsOverBase`). */
const changedMarks = new WeakMap<readonly number[], Uint8Array>();

/** Numbers a new evaluation of a base: the next of every base sharing its marks. */
function nextEpoch(marks: Marks): number {
  return (marks.epoch = ++marks.counter.last);
}

/** Marks a component changed in the present evaluation; false when it already was. */
function markDirty(marks: Marks, dirty: number[], i: number): boolean {
  if (marks.dirty[i] === marks.epoch) return false;
  marks.dirty[i] = marks.epoch;
  dirty.push(i);
  return true;
}

/**
 * Whether a component is redrawn from its children as a full evaluation draws it: a redrawn
 * circuit, phase-tracked distribution (its phase packing depends on what it carries), and
 * anything that changes liveness.
 */
function redraws(graph: PowerGraph, marks: Marks, live: Uint8Array, before: Uint8Array, i: number): boolean {
  return marks.circuit[i] === marks.epoch || graph.phaseTracked[i] === 1 || !live[i] || !before[i];
}

/**
 * What evaluating a scenario against a base touches: the components whose supply it changes and
 * how, the racks on them, the circuits to redraw, and every component whose figures may change,
 * in the order they are worked out. It depends on the chain, where racks are fed and whether any
 * facility load is shared over the utilities — not on what racks draw — so it is worked out once
 * per `feedsKey` (topology.ts) and replayed: an edit of what racks hold re-runs the proof's
 * thousands of scenarios without finding again what each one reaches.
 */
export interface Plan {
  /**
   * The plan's own lists, back to back in `lists` from `at`: the components whose supply changes
   * (`suppliedCount`), their feeders and their liveness (1 or 0) in the scenario, in the same
   * order; the circuits to redraw (`circuitCount`: every circuit of the racks on those
   * components); and the components whose figures may change, children before parents
   * (`upwardCount`: the order they are worked out in). `lists` is a block the plans of one feeds
   * share (`listRoom`): a campus keeps 2,785 plans, about 720,000 numbers, which as arrays of
   * references the garbage collector would copy, and as a typed array per list cost an
   * allocation outside V8's heap each, most of the time a plan took to make.
   */
  lists: Int32Array;
  at: number;
  suppliedCount: number;
  circuitCount: number;
  upwardCount: number;
  /** The scenario's UPS modules lost, as [UPS, modules] pairs: read from the plan, not from scenarios of several shapes. */
  lostModules: readonly number[];
  /** What a replay reads its circuits of one rack from (`CircuitCopies`): made when the plan is first replayed. */
  copies: CircuitCopies | null;
  /** Its components, circuits, upward order and racks as marks (`planMasks`): made when first evaluated again. */
  within?: PlanMasks;
  /** The flow's `changed` and `changedRacks`: those components with the UPSs that lose modules, and the racks, ascending. Shared: read-only. */
  changed: readonly number[];
  changedRacks: readonly number[];
}

const NO_LOSSES: readonly number[] = [];

/** Where a plan's circuits and upward order start in its `lists`. */
const circuitsAt = (plan: Plan) => plan.at + 3 * plan.suppliedCount;
const upwardAt = (plan: Plan) => circuitsAt(plan) + plan.circuitCount;

/** Numbers in a block of plans' lists. A plan whose lists are longer (a side lost) has a block of its own. */
const BLOCK = 1 << 16;

/** The block the plans of one feeds are written into now, and how much of it they took. */
const blocksOf = perFeeds<'lists', { block: Int32Array; used: number }>();

/** Room for `count` numbers of a new plan's lists: its block, and where they start. */
function listRoom(graph: PowerGraph, count: number): { lists: Int32Array; at: number } {
  if (count > BLOCK) return { lists: new Int32Array(count), at: 0 };
  const room = blocksOf(graph, 'lists', () => ({ block: new Int32Array(BLOCK), used: 0 }));
  if (room.used + count > BLOCK) {
    room.block = new Int32Array(BLOCK);
    room.used = 0;
  }
  const at = room.used;
  room.used += count;
  return { lists: room.block, at };
}

/**
 * Plans per `feedsKey`, by whether facility load is shared over the utilities and the id of the
 * base's scenario, then by the scenario's id (an id says what fails).
 */
const plansOf = perFeeds<string, Map<string, Plan>>();

/** The plans of the scenarios evaluated against `base`. */
const plansAgainst = (graph: PowerGraph, settings: Settings, base: DeltaBase) =>
  plansOf(
    graph,
    `${sharesFacilityLoad(graph, settings) ? 'shared' : 'hung'}|${base.flow.scenario.id}`,
    () => new Map(),
  );

/**
 * Finds what a scenario touches, writing its liveness and feeders into the base's scratch and
 * marking what it changes with the present evaluation's number (`marks.epoch`), as a replay of
 * the plan does.
 */
function makePlan(graph: PowerGraph, base: DeltaBase, scenario: Scenario, shared: boolean): Plan {
  const { circuitRacks, racks } = graph;
  const from = base.flow;
  const { live, fedBy } = base.scratch;
  const marks = base.marks;
  const epoch = marks.epoch;
  const dirty: number[] = [];

  const supplied = propagateFailures(graph, scenario, from.scenario, marks, live, fedBy);
  // Indexed loops here, not for…of: until V8 has optimised this function, each step of a for…of
  // allocates, and a proof runs it thousands of times.
  const changedRacks: number[] = [];
  for (let k = 0; k < supplied.length; k++) {
    const c = supplied[k]!;
    markDirty(marks, dirty, c);
    const onIt = circuitRacks[c]!;
    for (let m = 0; m < onIt.length; m++) {
      const ri = onIt[m]!;
      if (marks.rack[ri] !== epoch) {
        marks.rack[ri] = epoch;
        changedRacks.push(ri);
      }
    }
  }

  // Circuits of racks that lost a side: redraw every rack on them, in rack order.
  const circuits: number[] = [];
  for (let k = 0; k < changedRacks.length; k++) {
    const r = racks[changedRacks[k]!]!;
    if (r.a !== -1 && marks.circuit[r.a] !== epoch) {
      marks.circuit[r.a] = epoch;
      circuits.push(r.a);
    }
    if (r.b !== -1 && marks.circuit[r.b] !== epoch) {
      marks.circuit[r.b] = epoch;
      circuits.push(r.b);
    }
  }
  for (let k = 0; k < circuits.length; k++) markDirty(marks, dirty, circuits[k]!);

  // Every supply path above a change, under the old feeders and the new.
  if (dirty.length > 0 && shared) for (const u of graph.utilities) markDirty(marks, dirty, u);
  for (let k = 0, end = dirty.length; k < end; k++) {
    const d = dirty[k]!;
    for (let i = from.fedBy[d]!; i !== -1 && markDirty(marks, dirty, i); i = from.fedBy[i]!);
    for (let i = fedBy[d]!; i !== -1 && markDirty(marks, dirty, i); i = fedBy[i]!);
  }
  const s = supplied.length;
  const upwardCount = dirty.length;
  const { lists, at } = listRoom(graph, 3 * s + circuits.length + upwardCount);
  for (let k = 0; k < s; k++) {
    const i = supplied[k]!;
    lists[at + k] = i;
    lists[at + s + k] = fedBy[i]!;
    lists[at + 2 * s + k] = live[i]!;
  }
  const circuitsFrom = at + 3 * s;
  for (let k = 0; k < circuits.length; k++) lists[circuitsFrom + k] = circuits[k]!;
  // Children before parents: a child always comes later in `order` than what supplies it.
  const positions = marks.sorting;
  for (let k = 0; k < upwardCount; k++) positions[k] = graph.orderPos[dirty[k]!]!;
  sortAscending(positions, upwardCount);
  const upwardFrom = circuitsFrom + circuits.length;
  for (let k = upwardCount - 1, m = 0; k >= 0; k--, m++) lists[upwardFrom + m] = graph.order[positions[k]!]!;
  for (const [i] of scenario.lostModules) markDirty(marks, dirty, i);

  return {
    lists,
    at,
    suppliedCount: s,
    circuitCount: circuits.length,
    upwardCount,
    lostModules: scenario.lostModules.size === 0 ? NO_LOSSES : [...scenario.lostModules].flat(),
    copies: null,
    changed: sortedNumbers(dirty, marks.sorting),
    changedRacks: sortedNumbers(changedRacks, marks.sorting),
  };
}

/**
 * A circuit of one rack, redrawn in a failure, carries what that rack's devices draw from its
 * live sides: four cases (A and B live, A only, B only, neither). Each case drawn is kept per
 * `feedsKey` and read back by every later failure in the same case — the sides lost and the
 * thousands of single failures redraw the same circuits the same ways, in one proof and in the
 * next — as [output W, IT W, phase W × 3, rack state] at `CASE_SIZE` × (case × components +
 * circuit) of `values`: by case first, so that the cases never kept leave their part of the array
 * unwritten, pages the system never maps (each fresh page costs about 12 µs on this machine; the
 * array is 4.3 MB on a campus). Those are the case no failure draws (both sides live, normal
 * operation's) and the cases of a dead circuit: it carries nothing, and its rack's state alone is
 * kept (`rackStates`, by rack and case). Half the circuits a failure redraws are dead, and half
 * the array is never written (2.1 of its 4.3 MB are, on a campus). A rack with other devices (another `devices` array: an
 * edit, another catalog or load basis) has its circuits' cases drawn again, and their `version`
 * moved on, so the plans' copies of them are read afresh. A circuit of several racks is drawn
 * each time.
 */
interface CircuitCases {
  values: Float64Array;
  known: Uint8Array;
  version: Uint32Array;
  /** Per rack and case (4 × rack + case), its state + 1, or 0 while not known. */
  rackStates: Uint8Array;
  /** The racks the cases were last checked against, and each rack's devices they were drawn with. */
  racks: readonly RackSupply[];
  devices: (readonly DeviceDraw[])[];
}
const CASE_SIZE = 6;
const casesOf = perFeeds<'cases', CircuitCases>();

function circuitCases(graph: PowerGraph): CircuitCases {
  const cases = casesOf(graph, 'cases', () => ({
    values: new Float64Array(4 * CASE_SIZE * graph.components.length),
    known: new Uint8Array(4 * graph.components.length),
    version: new Uint32Array(graph.components.length),
    rackStates: new Uint8Array(4 * graph.racks.length),
    racks: graph.racks,
    devices: graph.racks.map((r) => r.devices),
  }));
  if (cases.racks !== graph.racks) {
    // The same feeds: the same racks on the same circuits, some with other devices; only those the
    // graph read again when it was built from the racks the cases were checked against.
    const reread = graph.reread?.from === cases.racks ? graph.reread.racks : null;
    const count = reread ? reread.length : graph.racks.length;
    for (let m = 0; m < count; m++) {
      const ri = reread ? reread[m]! : m;
      const r = graph.racks[ri]!;
      if (r.devices === cases.devices[ri]) continue;
      cases.devices[ri] = r.devices;
      cases.rackStates.fill(0, 4 * ri, 4 * ri + 4);
      for (const c of [r.a, r.b]) {
        if (c === -1) continue;
        for (let k = 0; k < 4; k++) cases.known[c + k * graph.components.length] = 0;
        cases.version[c]!++;
      }
    }
    cases.racks = graph.racks;
  }
  return cases;
}

/** Draws the case in `slot` of circuit c (of one rack) into the kept cases, unless it is there. */
function keepCase(graph: PowerGraph, base: DeltaBase, cases: CircuitCases, c: number, slot: number): void {
  if (cases.known[slot] === 1) return;
  const { outW, itW, phaseW } = base.scratch;
  const v = cases.values;
  const at = CASE_SIZE * slot;
  v[at + 5] = drawCircuit(graph, base, c);
  v[at] = outW[c]!;
  v[at + 1] = itW[c]!;
  v[at + 2] = phaseW[3 * c]!;
  v[at + 3] = phaseW[3 * c + 1]!;
  v[at + 4] = phaseW[3 * c + 2]!;
  cases.known[slot] = 1;
}

/**
 * A plan's own copies of the cases its circuits of one rack are drawn in: per circuit of
 * `circuits`, its case (`CircuitCases` slot; −1 for a circuit of several racks), that case's
 * drawing (`CASE_SIZE` numbers) and the case's `version` it was copied at (−1 before). A replay
 * reads its circuits from these, in order, rather than from cases strewn over megabytes: most of
 * a replay's time went in waiting for memory.
 */
interface CircuitCopies {
  slots: Int32Array;
  drawn: Float64Array;
  versions: Int32Array;
}

/** Copies for a plan replayed now, its liveness in the scratch (`live`). */
function circuitCopies(graph: PowerGraph, plan: Plan, live: Uint8Array): CircuitCopies {
  const { lists, circuitCount } = plan;
  const from = circuitsAt(plan);
  const slots = new Int32Array(circuitCount);
  for (let k = 0; k < circuitCount; k++) {
    const c = lists[from + k]!;
    const ri = graph.soleRack[c]!;
    slots[k] = ri === -1 ? -1 : caseSlot(graph, c, graph.racks[ri]!, live);
  }
  return {
    slots,
    drawn: new Float64Array(CASE_SIZE * circuitCount),
    versions: new Int32Array(circuitCount).fill(-1),
  };
}

/** The case a circuit of one rack is drawn in, by which of the rack's sides are live: its slot in `CircuitCases`. */
function caseSlot(graph: PowerGraph, c: number, r: RackSupply, live: Uint8Array): number {
  return c + caseOf(r, live) * graph.components.length;
}

/** Which of a rack's sides are live: 2 for A, plus 1 for B. */
function caseOf(r: RackSupply, live: Uint8Array): number {
  return (r.a !== -1 && live[r.a] === 1 ? 2 : 0) + (r.b !== -1 && live[r.b] === 1 ? 1 : 0);
}

const drawNothing = () => {};

/** A rack's state with the sides of `live` live, kept per rack and case. */
function rackStateIn(cases: CircuitCases, ri: number, r: RackSupply, live: Uint8Array): number {
  const at = 4 * ri + caseOf(r, live);
  const known = cases.rackStates[at]!;
  if (known !== 0) return known - 1;
  const state = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, drawNothing);
  cases.rackStates[at] = state + 1;
  return state;
}

/**
 * Draws circuit c afresh into the base's scratch from its racks' draws on their live sides, in rack
 * order, as a full evaluation does, writing the state of the racks the evaluation changed; returns
 * the state of the last rack drawn.
 */
function drawCircuit(graph: PowerGraph, base: DeltaBase, c: number): number {
  const { outW, itW, phaseW, live, rackState } = base.scratch;
  const marks = base.marks;
  // A circuit of one rack (nearly all) is drawn without reading its list of racks: the proof draws
  // tens of thousands, and each list is one more place in memory to wait for.
  const sole = graph.soleRack[c]!;
  const onIt = sole === -1 ? graph.circuitRacks[c]! : null;
  const count = onIt === null ? 1 : onIt.length;
  outW[c] = 0;
  itW[c] = 0;
  // Circuits track phases; a rack fed straight from another kind of component has none (zero).
  phaseW[3 * c] = phaseW[3 * c + 1] = phaseW[3 * c + 2] = 0;
  marks.pairCount = 0;
  marks.drawing = c;
  let state = 0;
  for (let m = 0; m < count; m++) {
    const ri = onIt === null ? sole : onIt[m]!;
    const r = graph.racks[ri]!;
    state = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, marks.drawOnto);
    if (marks.rack[ri] === marks.epoch) rackState[ri] = state;
  }
  marks.drawing = -1;
  const circuit = graph.components[c]!;
  if (circuit.kind === 'circuit' && marks.pairCount > 0)
    packCircuit(circuit.phases, outW[c]!, marks.pairs, marks.pairCount, phaseW, 3 * c);
  return state;
}

/** The facility load not hung on the chain on each of the base's utilities, W: the same for every evaluation against it. */
function baseHang(graph: PowerGraph, base: DeltaBase, unhungW: number): Float64Array {
  const marks = base.marks;
  if (marks.baseUnhungW !== unhungW) {
    utilityHangInto(graph, base.flow.live, base.flow.itW, unhungW, marks.baseHangW);
    marks.baseUnhungW = unhungW;
  }
  return marks.baseHangW;
}

/**
 * Whether facility load is shared over the utilities: a scenario then changes every utility when
 * it changes anything, so its plan is another (`plansOf`).
 */
export function sharesFacilityLoad(graph: PowerGraph, settings: Settings): boolean {
  return facilityLoad(graph, settings).unhungW > 0;
}

/**
 * What each kept scenario's components pushed onto each utility, W and IT W, at scenario number ×
 * utilities + the utility's place among them: dense, so that re-working 2,200 failures' utilities
 * after an edit reads two arrays in order rather than two pools of 220,000 entries strewn.
 */
export interface KeptPushes {
  pushW: Float64Array;
  pushItW: Float64Array;
}

/**
 * A scenario's figures at the utilities it changes, after an edit that changed its base there and
 * nowhere else it changes: every other figure of the scenario, and what its components pushed
 * onto the utilities (`push`, kept from its last evaluation: `lastPushW` and `lastPushItW`), is
 * what it was. Each utility is worked out as `evaluateDelta` works it out — the base's load less
 * its hang, plus the pushes; the facility load shared again over the live utilities by their IT,
 * in the utilities' order (`utilityHangInto`) — into `outW` and `itW`: the first `count` of
 * `utilities`, in component order, whose kept liveness is at `entries` of `kept` and pushes at
 * `pushAt` of `pushes`.
 * The base's scratch is not touched: a campus proof does this for thousands of failures after
 * each edit. Facility load shared over the utilities means every utility is among those a
 * scenario that changes anything changes (`makePlan`). `unhungW`: that facility load, W (flow.ts
 * `facilityLoad`), worked out once by the caller for its thousands of calls.
 */
export function utilitiesAgain(
  graph: PowerGraph,
  unhungW: number,
  base: DeltaBase,
  count: number,
  utilities: ArrayLike<number>,
  entries: ArrayLike<number>,
  kept: Pick<ScenarioFigures, 'live'>,
  pushes: KeptPushes,
  pushAt: ArrayLike<number>,
  outW: Float64Array,
  itW: Float64Array,
): void {
  const from = base.flow;
  const baseHangW = baseHang(graph, base, unhungW);
  const { live } = kept;
  const { pushW, pushItW } = pushes;
  for (let m = 0; m < count; m++) {
    const e = entries[m]!;
    const u = utilities[m]!;
    if (!live[e] || !from.live[u]) {
      outW[m] = 0;
      itW[m] = 0;
      continue;
    }
    outW[m] = from.outW[u]! - baseHangW[u]! + pushW[pushAt[m]!]!;
    itW[m] = from.itW[u]! + pushItW[pushAt[m]!]!;
  }
  if (unhungW <= 0) return;
  // Shared over the live utilities by their IT, summed in the utilities' order: the scenario
  // changes every utility (above), and they are given in component order, as the chain has them.
  if (count !== graph.utilities.length) throw new Error('A failure that shares facility load changes every utility.');
  let itOnUtilities = 0;
  let liveUtilities = 0;
  for (let m = 0; m < count; m++)
    if (live[entries[m]!]) {
      itOnUtilities += itW[m]!;
      liveUtilities++;
    }
  for (let m = 0; m < count; m++) {
    if (!live[entries[m]!]) continue;
    const share = itOnUtilities > 0 ? itW[m]! / itOnUtilities : 1 / liveUtilities;
    outW[m] = outW[m]! + unhungW * share;
  }
}

/**
 * A scenario evaluated before against the same base, evaluated again into `into` — its flow of
 * then, which must still hold its figures — after an edit that moved the base's figures only at
 * `moved` and everything those feed in the scenario (`movedBelowOrFed`, redundancy.ts; with facility
 * load shared over the utilities, all of them or none). Only what is marked is worked out again,
 * each as `evaluateDelta` works it out, in the same order with the same sums (what is not marked
 * still pushes its change onto what is above it): `evaluateDelta`'s figures, to the last bit,
 * for the cost of the components that moved. The base's scratch is left as it was. `movedList`:
 * the marked components, ascending (a side lost's marks span a campus's 22,000 components; what
 * moved is a dozen). Returns the moved components, ascending, and the places in the scenario's
 * `changed` of those it changes (everywhere else its figures are those of then), with each
 * component's place there (−1: not in it; the plan's, read-only).
 */
export function evaluateAgain(
  graph: PowerGraph,
  settings: Settings,
  base: DeltaBase,
  scenario: Scenario,
  into: Flow,
  moved: Uint8Array,
  movedList: readonly number[],
): { moved: readonly number[]; places: readonly number[]; placeOf: Int32Array } {
  const plan = plansAgainst(graph, settings, base).get(scenario.id)!;
  const within = (plan.within ??= planMasks(graph, plan));
  const marks = base.marks;
  const epoch = nextEpoch(marks);
  const from = base.flow;
  // What the scenario does not change has the base's figures, and so its new ones where it moved;
  // a rack it does not change has the base's state (only a rack on a moved circuit may have another).
  for (const i of movedList) {
    if (!within.changed[i]) copyFigures(from, into, i);
    const onIt = graph.circuitRacks[i]!;
    for (let m = 0; m < onIt.length; m++)
      if (!within.rack[onIt[m]!]) into.rackState[onIt[m]!] = from.rackState[onIt[m]!]!;
  }
  // Its circuits that moved are drawn again, in the scratch with the scenario's liveness.
  const copies = (plan.copies ??= circuitCopies(graph, plan, into.live));
  const cases = circuitCases(graph);
  const { live } = base.scratch;
  for (const c of movedList) {
    const k = within.circuit[c]!;
    if (k === -1) continue;
    const onIt = graph.circuitRacks[c]!;
    for (let m = 0; m < onIt.length; m++) {
      const ri = onIt[m]!;
      const r = graph.racks[ri]!;
      if (within.rack[ri]) marks.rack[ri] = epoch;
      if (r.a !== -1) live[r.a] = into.live[r.a]!;
      if (r.b !== -1) live[r.b] = into.live[r.b]!;
    }
    drawOneCircuit(graph, base, k, c, copies, cases, into);
    for (let m = 0; m < onIt.length; m++) {
      const r = graph.racks[onIt[m]!]!;
      if (r.a !== -1) live[r.a] = from.live[r.a]!;
      if (r.b !== -1) live[r.b] = from.live[r.b]!;
    }
  }
  upwardAgain(graph, settings, base, plan, within, into, moved, movedList);
  const places: number[] = [];
  for (const i of movedList) if (within.place[i] !== -1) places.push(within.place[i]!);
  // `changed` is in component order (`makePlan`), as the moved list is: so are the places.
  return { moved: movedList, places, placeOf: within.place };
}

/**
 * Per plan evaluated again (a side lost, after each edit): which components it changes, which of
 * them are circuits it redraws (their place in `circuits`, else −1) and their place in `upward`
 * (else −1), and which racks it changes. Marks that are looked up, not set for each evaluation:
 * a side lost changes nearly every component and rack of a campus, and an edit moves a dozen.
 */
interface PlanMasks {
  changed: Uint8Array;
  /** Each component's place in the plan's `changed` (−1: not there). */
  place: Int32Array;
  circuit: Int32Array;
  upward: Int32Array;
  rack: Uint8Array;
}

function planMasks(graph: PowerGraph, plan: Plan): PlanMasks {
  const n = graph.components.length;
  const changed = new Uint8Array(n);
  const place = new Int32Array(n).fill(-1);
  plan.changed.forEach((i, k) => {
    changed[i] = 1;
    place[i] = k;
  });
  const { lists } = plan;
  const circuit = new Int32Array(n).fill(-1);
  for (let k = 0, from = circuitsAt(plan); k < plan.circuitCount; k++) circuit[lists[from + k]!] = k;
  const upward = new Int32Array(n).fill(-1);
  for (let k = 0, from = upwardAt(plan); k < plan.upwardCount; k++) upward[lists[from + k]!] = k;
  const rack = new Uint8Array(graph.racks.length);
  for (const ri of plan.changedRacks) rack[ri] = 1;
  return { changed, place, circuit, upward, rack };
}

/**
 * `workUpward` for a flow evaluated again (`into`), at the moved components the plan changes
 * alone, children first: each is worked out as `workUpward` works it out — a redrawn component
 * from its live children's figures, an added-up one as the base's load plus what its children
 * pushed onto it, every child that pushes (in the plan's upward order, moved or not) with the same
 * terms in the same order. So the figures are those of an evaluation to the last bit, for the
 * cost of the moved components and their children.
 */
function upwardAgain(
  graph: PowerGraph,
  settings: Settings,
  base: DeltaBase,
  plan: Plan,
  within: PlanMasks,
  into: Flow,
  moved: Uint8Array,
  movedList: readonly number[],
): void {
  const from = base.flow;
  const { live, fedBy, outW, inW, itW } = into;
  const marks = base.marks;
  const { mechanicalW, unhungW } = facilityLoad(graph, settings);
  const baseHangW = baseHang(graph, base, unhungW);
  const redraws = (x: number) => within.circuit[x] !== -1 || graph.phaseTracked[x] === 1 || !live[x] || !from.live[x];
  const list = movedList.filter((d) => within.upward[d] !== -1);
  list.sort((x, y) => within.upward[x]! - within.upward[y]!);
  const children: number[] = [];
  for (const d of list) {
    if (within.circuit[d] !== -1 && live[d]) {
      inW[d] = outW[d]!;
      continue;
    }
    if (redraws(d)) {
      redrawFromChildren(graph, into, d, mechanicalW);
      continue;
    }
    // What its children handed up, in the order `workUpward` hands it: the plan's upward order.
    children.length = 0;
    for (const c of graph.suppliesTo[d]!) if (within.upward[c] !== -1) children.push(c);
    children.sort((x, y) => within.upward[x]! - within.upward[y]!);
    let pushedW = 0;
    let pushedItW = 0;
    for (const c of children) {
      const before = from.live[c] ? from.fedBy[c]! : -1;
      const now = live[c] ? fedBy[c]! : -1;
      if (before !== -1 && before === now && !redraws(c)) {
        if (now === d) {
          pushedW = pushedW + (inW[c]! - from.inW[c]!);
          pushedItW = pushedItW + (itW[c]! - from.itW[c]!);
        }
        continue;
      }
      if (before === d) {
        pushedW = pushedW - from.inW[c]!;
        pushedItW = pushedItW - from.itW[c]!;
      }
      if (now === d) {
        pushedW = pushedW + inW[c]!;
        pushedItW = pushedItW + itW[c]!;
      }
    }
    outW[d] = from.outW[d]! - baseHangW[d]! + pushedW;
    itW[d] = from.itW[d]! + pushedItW;
    inW[d] = outW[d]! / graph.efficiency[d]!;
    marks.lastPushW[d] = pushedW;
    marks.lastPushItW[d] = pushedItW;
  }
  // The facility load not hung on the chain, shared again over the utilities by their new IT, if
  // they were worked out again: they hold it already otherwise.
  if (plan.upwardCount > 0 && graph.utilities.some((u) => moved[u]))
    hangOnUtilities(graph, live, outW, inW, itW, unhungW, marks.hangW);
}

/** Component i's loads, capacity and phases copied from one flow into another (the same liveness and feeder). */
export function copyFigures(from: Flow, into: Flow, i: number): void {
  copyLoads(from, into, i);
  into.usableW[i] = from.usableW[i]!;
}

/** Writes a plan's liveness and feeders into a flow. */
function replayLiveness(plan: Plan, into: Flow): void {
  const { lists, at, suppliedCount: s } = plan;
  for (let k = 0; k < s; k++) {
    const i = lists[at + k]!;
    into.fedBy[i] = lists[at + s + k]!;
    into.live[i] = lists[at + 2 * s + k]!;
  }
}

/** Marks what a plan changes with the present evaluation's number, as making it did. */
function replayMarks(plan: Plan, marks: Marks): void {
  const epoch = marks.epoch;
  const { lists, circuitCount, changed, changedRacks } = plan;
  for (let k = 0; k < changed.length; k++) marks.dirty[changed[k]!] = epoch;
  for (let k = 0, from = circuitsAt(plan); k < circuitCount; k++) marks.circuit[lists[from + k]!] = epoch;
  for (let k = 0; k < changedRacks.length; k++) marks.rack[changedRacks[k]!] = epoch;
}

/** The plan's circuits drawn into the base's scratch. */
function drawCircuits(graph: PowerGraph, base: DeltaBase, plan: Plan, replayed: boolean): void {
  const { lists, circuitCount } = plan;
  const from = circuitsAt(plan);
  const cases = circuitCases(graph);
  // A plan replayed reads its own copies of its circuits' cases; the first evaluation, which may be
  // the only one (a check from scratch), reads them where they are kept.
  const copies = replayed ? (plan.copies ??= circuitCopies(graph, plan, base.scratch.live)) : null;
  for (let k = 0; k < circuitCount; k++) drawOneCircuit(graph, base, k, lists[from + k]!, copies, cases, base.scratch);
}

/**
 * Circuit c, the plan's k-th, drawn into `into`: the base's scratch, or a flow evaluated again
 * (then drawn in the scratch, whose liveness is the scenario's for its racks, and copied, the
 * scratch put back). A circuit of one rack is read from its drawn cases (`copies` when the plan
 * is replayed), a circuit of several drawn.
 */
function drawOneCircuit(
  graph: PowerGraph,
  base: DeltaBase,
  k: number,
  c: number,
  copies: CircuitCopies | null,
  cases: CircuitCases,
  into: Flow,
): void {
  const elsewhere = into !== base.scratch;
  const ri = graph.soleRack[c]!;
  if (ri === -1) {
    drawCircuit(graph, base, c);
    if (elsewhere) putBack(graph, base, c, into);
    return;
  }
  const { outW, itW, phaseW, rackState } = into;
  if (into.live[c] !== 1) {
    // Dead, it carries nothing (`drawCircuit` draws only on live sides).
    outW[c] = 0;
    itW[c] = 0;
    phaseW[3 * c] = phaseW[3 * c + 1] = phaseW[3 * c + 2] = 0;
    rackState[ri] = rackStateIn(cases, ri, graph.racks[ri]!, into.live);
    return;
  }
  let v: Float64Array;
  let at: number;
  if (copies !== null) {
    if (copies.versions[k] !== cases.version[c]) {
      const slot = copies.slots[k]!;
      keepCase(graph, base, cases, c, slot);
      if (elsewhere) putBack(graph, base, c, null);
      for (let m = 0; m < CASE_SIZE; m++) copies.drawn[CASE_SIZE * k + m] = cases.values[CASE_SIZE * slot + m]!;
      copies.versions[k] = cases.version[c]!;
    }
    v = copies.drawn;
    at = CASE_SIZE * k;
  } else {
    const slot = caseSlot(graph, c, graph.racks[ri]!, into.live);
    keepCase(graph, base, cases, c, slot);
    v = cases.values;
    at = CASE_SIZE * slot;
  }
  outW[c] = v[at]!;
  itW[c] = v[at + 1]!;
  phaseW[3 * c] = v[at + 2]!;
  phaseW[3 * c + 1] = v[at + 3]!;
  phaseW[3 * c + 2] = v[at + 4]!;
  rackState[ri] = v[at + 5]!;
}

/**
 * Circuit c, drawn in the base's scratch: copied into `into` when given (with the states of the
 * racks this evaluation changed on it), and the scratch put back as the base has it.
 */
function putBack(graph: PowerGraph, base: DeltaBase, c: number, into: Flow | null): void {
  const { flow, scratch, marks } = base;
  if (into) {
    into.outW[c] = scratch.outW[c]!;
    into.itW[c] = scratch.itW[c]!;
    for (let p = 3 * c; p < 3 * c + 3; p++) into.phaseW[p] = scratch.phaseW[p]!;
  }
  scratch.outW[c] = flow.outW[c]!;
  scratch.itW[c] = flow.itW[c]!;
  for (let p = 3 * c; p < 3 * c + 3; p++) scratch.phaseW[p] = flow.phaseW[p]!;
  for (const ri of graph.circuitRacks[c]!) {
    if (marks.rack[ri] !== marks.epoch) continue;
    if (into) into.rackState[ri] = scratch.rackState[ri]!;
    scratch.rackState[ri] = flow.rackState[ri]!;
  }
}

/**
 * Component d of `flow` drawn afresh, as a full evaluation draws it: its share of the mechanical
 * load, then its live children fed by it, in `suppliesTo` order (phases joined), and its input.
 */
function redrawFromChildren(graph: PowerGraph, flow: Flow, d: number, mechanicalW: number): void {
  const { live, fedBy, outW, inW, itW, phaseW } = flow;
  outW[d] = 0;
  itW[d] = 0;
  inW[d] = 0;
  phaseW[3 * d] = phaseW[3 * d + 1] = phaseW[3 * d + 2] = 0;
  if (!live[d]) return;
  const share = graph.mechanicalShare[d]!;
  if (!Number.isNaN(share)) outW[d] = share * mechanicalW;
  const supplied = graph.suppliesTo[d]!;
  for (let m = 0; m < supplied.length; m++) {
    const child = supplied[m]!;
    if (!live[child] || fedBy[child] !== d) continue;
    bump(outW, d, inW[child]!);
    bump(itW, d, itW[child]!);
    joinPhases(graph.phases, d, child, phaseW, outW[child]!);
  }
  inW[d] = outW[d]! / graph.efficiency[d]!;
}

/**
 * Works out, children first, every component whose figures the plan may change, in the base's
 * scratch: above the phase-tracked levels a component's load is the base's plus what its children
 * pushed onto it.
 */
function workUpward(graph: PowerGraph, settings: Settings, base: DeltaBase, plan: Plan): void {
  const from = base.flow;
  const { live, fedBy, outW, inW, itW } = base.scratch;
  const marks = base.marks;
  const epoch = marks.epoch;
  const { pushedW, pushedItW } = marks;
  const { lists, upwardCount } = plan;
  const upwardFrom = upwardAt(plan);
  const { mechanicalW, unhungW } = facilityLoad(graph, settings);
  const baseHangW = baseHang(graph, base, unhungW);

  for (let k = 0; k < upwardCount; k++) {
    const d = lists[upwardFrom + k]!;
    const redrawn = redraws(graph, marks, live, from.live, d);
    if (marks.circuit[d] === epoch && live[d]) {
      inW[d] = outW[d]!;
    } else if (redrawn) {
      redrawFromChildren(graph, base.scratch, d, mechanicalW);
    } else {
      // Loads add above the phase-tracked levels: the base's, plus what the children changed.
      outW[d] = from.outW[d]! - baseHangW[d]! + pushedW[d]!;
      itW[d] = from.itW[d]! + pushedItW[d]!;
      inW[d] = outW[d]! / graph.efficiency[d]!;
      marks.lastPushW[d] = pushedW[d]!;
      marks.lastPushItW[d] = pushedItW[d]!;
      pushedW[d] = 0;
      pushedItW[d] = 0;
    }
    // Hand the change up, onto an added-up component: to the feeder it had and the one it has now.
    const before = from.live[d] ? from.fedBy[d]! : -1;
    const now = live[d] ? fedBy[d]! : -1;
    if (before !== -1 && before === now && !redrawn) {
      if (!redraws(graph, marks, live, from.live, now)) {
        pushedW[now] = pushedW[now]! + (inW[d]! - from.inW[d]!);
        pushedItW[now] = pushedItW[now]! + (itW[d]! - from.itW[d]!);
      }
      continue;
    }
    if (before !== -1 && !redraws(graph, marks, live, from.live, before)) {
      pushedW[before] = pushedW[before]! - from.inW[d]!;
      pushedItW[before] = pushedItW[before]! - from.itW[d]!;
    }
    if (now !== -1 && !redraws(graph, marks, live, from.live, now)) {
      pushedW[now] = pushedW[now]! + inW[d]!;
      pushedItW[now] = pushedItW[now]! + itW[d]!;
    }
  }
  // The facility load not hung on the chain, shared again over the utilities by their new IT.
  if (upwardCount > 0) hangOnUtilities(graph, live, outW, inW, itW, unhungW, marks.hangW);
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
  const { components } = graph;
  const from = base.flow;
  const { live, fedBy, outW, inW, itW, phaseW, usableW: usable, rackState } = base.scratch;
  const marks = base.marks;
  // What the scenario touches: found the first time, replayed after (the same marks either way).
  nextEpoch(marks);
  const plans = plansAgainst(graph, settings, base);
  let plan = plans.get(scenario.id);
  const replayed = plan !== undefined;
  if (plan) {
    replayLiveness(plan, base.scratch);
    replayMarks(plan, marks);
  } else plans.set(scenario.id, (plan = makePlan(graph, base, scenario, sharesFacilityLoad(graph, settings))));
  drawCircuits(graph, base, plan, replayed);
  workUpward(graph, settings, base, plan);
  const { lostModules } = plan;
  for (let k = 0; k < lostModules.length; k += 2)
    usable[lostModules[k]!] = usableW(components[lostModules[k]!]!, settings, lostModules[k + 1]!);
  const { changed, changedRacks } = plan;
  marks.changed = changed;
  marks.changedRacks = changedRacks;
  return {
    scenario,
    live,
    fedBy,
    outW,
    inW,
    itW,
    groupItW: groupLoadsBelow(graph, base.scratch, marks.isDirty, from.groupItW),
    usableW: usable,
    phaseW,
    phaseTracked: from.phaseTracked,
    phaseWattsPerAmp: from.phaseWattsPerAmp,
    phaseLimitA: from.phaseLimitA,
    rackState,
    changed,
    changedRacks,
    restore: base.restore,
  };
}

/**
 * Puts back in the scratch what the last evaluation of a base changed. One loop per function: the
 * first evaluation of a proof (a side lost) is long enough for V8 to optimise a loop while it
 * runs, before any code after it has run, and that optimised code, kept for the loop, would bail
 * out at the unseen code on every later call.
 */
function restoreScratch(base: DeltaBase): void {
  const { marks } = base;
  restoreComponents(base.flow, base.scratch, marks.changed);
  restoreRacks(base.flow.rackState, base.scratch.rackState, marks.changedRacks);
  marks.changed = [];
  marks.changedRacks = [];
}

function restoreComponents(from: Flow, to: Flow, changed: readonly number[]): void {
  const { live, fedBy, outW, inW, itW, usableW, phaseW } = to;
  for (let k = 0; k < changed.length; k++) {
    const i = changed[k]!;
    live[i] = from.live[i]!;
    fedBy[i] = from.fedBy[i]!;
    outW[i] = from.outW[i]!;
    inW[i] = from.inW[i]!;
    itW[i] = from.itW[i]!;
    usableW[i] = from.usableW[i]!;
    for (let p = 3 * i; p < 3 * i + 3; p++) phaseW[p] = from.phaseW[p]!;
  }
}

function restoreRacks(from: Uint8Array, to: Uint8Array, racks: readonly number[]): void {
  for (let k = 0; k < racks.length; k++) to[racks[k]!] = from[racks[k]!]!;
}

/**
 * Below this many numbers, sorting by insertion beats a typed array's sort, whose fixed cost
 * (a few microseconds a call) is most of the work on the tens of numbers a failure changes.
 */
const INSERTION_SORT_UPTO = 64;

/** Sorts the first `n` numbers of `a` ascending, in place: by insertion when few, else as a typed array (numerically, without a comparator). */
function sortAscending(a: Int32Array, n: number): void {
  if (n <= INSERTION_SORT_UPTO) insertionSort(a, n);
  else a.subarray(0, n).sort();
}

function insertionSort(a: Int32Array, n: number): void {
  for (let k = 1; k < n; k++) {
    const x = a[k]!;
    let m = k - 1;
    for (; m >= 0 && a[m]! > x; m--) a[m + 1] = a[m]!;
    a[m + 1] = x;
  }
}

/**
 * The same numbers in ascending order (non-negative indices), sorted in `room`. One path for
 * every length: under Node 20's V8 a branch first taken after its caller was optimised (a short
 * list, once the first plans' were long) deopted the caller at every call, about a thousand times
 * in a campus's first check, without the caller being optimised again.
 */
function sortedNumbers(list: number[], room: Int32Array): number[] {
  for (let k = 0; k < list.length; k++) room[k] = list[k]!;
  sortAscending(room, list.length);
  for (let k = 0; k < list.length; k++) list[k] = room[k]!;
  return list;
}
