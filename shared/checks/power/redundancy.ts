/**
 * Redundancy proven by failure. For every level of the chain, the scenarios each model must
 * survive (scenarios.ts) are run through the power flow; a model holds when no scenario newly
 * overloads any component (at any level, derated capacity, per phase too) and no rack that is not
 * interruptible loses power. The declared model must hold; the strongest model that holds is
 * reported beside it, so a design is never credited with more than it has (worked case 1c).
 *
 * Racks declared 2N are proven on the loss of each whole side: the rack keeps all its devices
 * powered and nothing on its surviving path is overloaded (worked case 1b).
 */
import { pushTo, sameItems } from '../../collections';
import { REDUNDANCY_LEVELS, type RedundancyLevel, type RedundancyModel, type Settings } from '../../model/schema';
import {
  copyFigures,
  deltaBase,
  evaluateAgain,
  evaluateDelta,
  loadsOverBase,
  sharesFacilityLoad,
  snapshot,
  utilitiesAgain,
  type DeltaBase,
  type KeptPushes,
} from './delta';
import { facilityLoad, isOverloaded, overCapacity, RACK_PARTLY_DARK, type Flow, type Scenario } from './flow';
import type { PairStays } from './headroom';
import {
  allocate,
  capture,
  configurationIds,
  keyedLoads,
  placesMarked,
  stillGrouped,
  scenarioFigures,
  type ConfigurationIds,
  type ScenarioFigures,
} from './scenarioFigures';
import { hasSides, plainestFirst, scenariosFor, sideFailure } from './scenarios';
import { IndexedMap, keyIndex, type KeyIndex } from '../indexedMap';
import { reach, touchIndex, type TouchIndex } from './touchIndex';
import { componentsAtLevel, LEVEL_OF, perChain, type PowerGraph, type PowerLevel, type RackSupply } from './topology';
import { foldAgain, foldNormal, foldWorst, noWorst, worstIndex, type Worst, type WorstIndex } from './worstCase';
import { reusedArray, reusedArrays } from '../scratch';

/**
 * Marks a proof reads while it runs and keeps nothing of (by component or by scenario number):
 * reused from proof to proof (scratch.ts). What moved on each side lost and large failure is
 * taken from `movedMarks`, as many as there are of them.
 */
const u8 = (n: number) => new Uint8Array(n);
const walkedMarks = reusedArray(u8);
const refoldMarks = reusedArray(u8);
const reachedMarks = reusedArray(u8);
const deferredMarks = reusedArray(u8);
const overloadedMarks = reusedArray(u8);
const againMarks = reusedArray(u8);
const bigMarks = reusedArray(u8);
const movedMarks = reusedArrays(u8);
/** The racks' states on each side lost, read by the check's supply findings alone (`RedundancyProof.sideRackStates`). */
const sideStateArrays = reusedArrays(u8);

export interface ScenarioOutcome {
  scenario: Scenario;
  /** Components over capacity here that are not over capacity in normal operation. */
  overloaded: number[];
  /** Their load and capacity in this scenario, W, by component index. */
  overloads: Map<number, { loadW: number; usableW: number }>;
  /** Racks (not interruptible) that lose power to some or all of their devices. */
  lostRacks: number[];
  /** Interruptible racks that lose power: accepted by the owner, reported for information. */
  lostInterruptible: number[];
}

export interface LevelVerdict {
  level: RedundancyLevel;
  declared: RedundancyModel;
  /**
   * Strongest model whose scenarios all pass; null when no critical (not interruptible) load
   * flows through the level, where any claim would hold vacuously.
   */
  achieved: RedundancyModel | null;
  components: number;
  /** Scenarios the declared model requires, and those of them that fail. */
  tested: number;
  failures: ScenarioOutcome[];
  /**
   * 2N and 2N+1 need two independent systems at the level: components labelled A and B. Without
   * them no failure test can make the level 2N, and a declared 2N fails for that reason.
   */
  twoSided: boolean;
}

/**
 * A flow's figures at the components it changes, for the proof's readers (headroom): component
 * `changed[k]` has its figures at entry `at + k` of `figures`, and its group loads from
 * `groupLoads(k)`, as [configuration id, W, …] (`configurations.group` gives each id's group).
 * Normal operation is read over every component.
 */
export interface FlowView {
  label: string;
  changed: readonly number[];
  figures: Pick<ScenarioFigures, 'live' | 'outW' | 'itW' | 'usableW'>;
  at: number;
  groupLoads: (k: number) => readonly number[];
  configurations: ConfigurationIds;
  /**
   * After an edit, 1 for the components whose figures or group loads in this flow may differ from
   * the last check's (every other keeps them); null when any may (a flow evaluated afresh).
   */
  moved: Uint8Array | null;
  /**
   * With `moved`, when the flow was worked out again from the last: the places k in `changed` of
   * the components it marks, ascending, and each component's place in `changed` (−1: not in it).
   */
  again?: { places: readonly number[]; placeOf: Int32Array } | null;
  /** Its place in reading order: 0 normal operation, then the claims in order (one more than the last read when absent). */
  pos?: number;
}

/**
 * What the proof reads first, normal operation, after telling the reader which pairs keep their
 * figures (headroom.ts). With `entry` and `freshComponents`, a failure kept whole from the last
 * proof, or worked out again at its utilities alone, is read at those entries only (headroom.ts
 * `entry`): its utilities, and the components that may carry configurations read afresh.
 */
export interface Opening {
  normal: FlowView;
  keeping: (stays: PairStays | null) => void;
  entry?: (view: FlowView, k: number, onlyFresh: boolean) => void;
  freshComponents?: () => readonly number[] | undefined;
  /** Whether an entry read so could change anything (headroom.ts `mayLimit`): those that could not are not set up to be read. */
  mayLimit?: (i: number, live: number, outW: number, itW: number, usableW: number, onlyFresh: boolean) => boolean;
}

/**
 * Sees each tested scenario once, in the proof's order (a declared claim's scenarios, plainest
 * first), after normal operation: flows are not kept (a large site runs thousands of scenarios
 * over tens of thousands of components), and after an edit most scenarios are not evaluated
 * again, only read as kept.
 */
export type FlowReader = (view: FlowView) => void;

/**
 * What a proof keeps for the proof of the next version after an edit of what racks hold
 * (`ProofEdit`): per scenario it evaluated, its figures and outcome. Its pools are written by that
 * next proof, so it serves one: `spent` then.
 */
export interface ProofMemo {
  figures: ScenarioFigures;
  /** What the proof ran, with its scenarios numbered: a later proof reads the memo only under the same setup. */
  setup: ProofSetup;
  /**
   * Per scenario (by number), where it has its entries in `figures` (−1: never evaluated); a
   * scenario's changed components are the same for every check of the same feeds.
   */
  slots: Int32Array;
  /** Per scenario (by number), what this proof kept of it; undefined for those it did not run. */
  kept: (KeptScenario | undefined)[];
  claims: readonly string[];
  worst: Worst;
  /** Where each component's figures are kept, in reading order (made at the first proof after an edit). */
  index: WorstIndex | null;
  /** Which failures kept against normal operation change each component (made at the second proof after an edit). */
  touch: TouchIndex | null;
  /**
   * Per scenario (by number), 1 while `touch` lists the components its kept entry changes (the
   * entry not made again since): read as a mark rather than from thousands of entries strewn over memory.
   */
  indexed: Uint8Array | null;
  /** Per scenario (by number), the outcome of its kept entry (`kept[ord].outcome`), read likewise. */
  outcomes: readonly (Outcome | undefined)[];
  /** Per scenario (by number), 1 where its outcome passes (nothing overloaded, no rack lost), read likewise. */
  passed: Uint8Array;
  /** What each scenario kept pushed onto each utility (`KeptPushes`: by number × utilities + the utility's place). */
  pushes: KeptPushes;
  /** Whether facility load was shared over the utilities (`sharesFacilityLoad`). */
  shared: boolean;
  /** The sides lost, as bases of what extends them: worked out again after the next edit. */
  sides: Map<string, DeltaBase>;
  /**
   * The flows of the largest failures against normal operation (`BIG_FAILURE`), by number: worked
   * out again after the next edit where it moved them, as the sides are, not evaluated again whole.
   */
  big: Map<number, Flow>;
  /** Normal operation as the base of the failures that change it. */
  normalBase: DeltaBase;
  /**
   * Each rack's own redundancy, of these racks, and per rack 1 where both sides lost leave it
   * whole: after an edit the map stands while the racks and those marks are the same.
   */
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
  racks: readonly RackSupply[];
  sideOk: Uint8Array;
  /** Per side lost (by number), 1 for each rack it leaves whole: worked out again where an edit moved it. */
  sideOks: Map<number, Uint8Array>;
  spent: boolean;
}

interface KeptScenario {
  at: number;
  changed: readonly number[];
  outcome: Outcome;
}

/**
 * An edit of what racks hold, for a proof worked out from the last: normal operation was worked
 * out from the last proof's (normalAfterEdit.ts), and `reworked` marks the components it worked
 * out again. The chain, the feeds and the settings are the same.
 */
export interface ProofEdit {
  memo: ProofMemo;
  reworked: Uint8Array;
  reworkedList: readonly number[];
  /** Normal operation of the version before. */
  normal: Flow;
}

export interface RedundancyProof {
  normal: Flow;
  memo: ProofMemo;
  /** Each component's heaviest loading over normal operation and every tested failure. */
  worst: Worst;
  /**
   * Worked out from the last proof (`ProofEdit`): the components whose worst was folded again,
   * ascending; every other has the last proof's. Null for a proof from scratch.
   */
  refolded: readonly number[] | null;
  levels: LevelVerdict[];
  /** Rack states on the loss of each side (empty without sides); valid until the next proof, whose arrays they are. */
  sideRackStates: Uint8Array[];
  /**
   * After an edit, the racks at which the sides' states may differ from the last proof's (each
   * side worked out again from its last flow, where the edit moved it); null when not known.
   */
  sideStatesMovedAt: readonly number[] | null;
  /** Per rack: 2N when it survives the loss of either side intact, N when fed, none without a circuit. */
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
  /** Every declared claim a scenario tests, by scenario id: "UPS 2N+1", "rack 2N". */
  claims: Map<string, string[]>;
  /** The scenarios a level's declared model claims (not the racks' own 2N alone), by number, each once. */
  levelClaims: Int32Array;
  /** Every claimed scenario, by number, plainest first (`memo.claims` by id): its outcome at that number of `outcomes`. */
  claimOrds: Int32Array;
  /** All outcomes that were evaluated, by scenario id (those the proof ran), at each scenario's number. */
  outcomes: IndexedMap<string, ScenarioOutcome>;
}

export const LEVEL_NAMES: Record<RedundancyLevel, string> = {
  source: 'Sources',
  transformer: 'Transformers',
  switchgear: 'Switchgear',
  ups: 'UPS',
  distribution: 'PDU / RPP / busway',
};

/** Marks by outcome number, instead of sets of the changed components and racks: a proof builds thousands of outcomes. */
interface OutcomeMarks {
  component: Uint32Array;
  rack: Uint32Array;
  epoch: number;
}

/**
 * The marks of the last proof, taken up by the next of the same size: an outcome's number only
 * grows, so what earlier outcomes marked is never its own, and nothing needs clearing.
 */
let lastMarks: OutcomeMarks | null = null;

function outcomeMarks(graph: PowerGraph): OutcomeMarks {
  const m = lastMarks;
  if (m && m.component.length === graph.components.length && m.rack.length === graph.racks.length && m.epoch < 2 ** 31)
    return m;
  return (lastMarks = {
    component: new Uint32Array(graph.components.length),
    rack: new Uint32Array(graph.racks.length),
    epoch: 0,
  });
}

type Overloads = Map<number, { loadW: number; usableW: number }>;
/** Shared by every outcome with nothing in them: never written. */
const NONE: number[] = [];
const NO_OVERLOADS: Overloads = new Map();

/** Ascending union of two ascending lists of distinct numbers; `b` itself when `a` is empty. */
const merge = (a: readonly number[], b: number[]): number[] =>
  a.length === 0 ? b : [...a, ...b].sort((x, y) => x - y);

/**
 * A scenario's outcome. Its interruptible racks lost are listed when asked: a side lost darkens
 * every single-corded rack on it, and the thousands of "side lost and one more unit" trials would
 * each copy that list. It keeps only what that list needs (a proof keeps thousands of outcomes
 * until it ends, and what they hold is copied by every young-generation collection meanwhile).
 */
class Outcome implements ScenarioOutcome {
  #lostInterruptible: number[] | undefined;
  constructor(
    readonly scenario: Scenario,
    readonly overloaded: number[],
    readonly overloads: Overloads,
    readonly lostRacks: number[],
    /** Interruptible racks it darkens itself (`lostInterruptible` adds its base's). */
    readonly own: number[],
    /** The outcome this one's flow was evaluated as a change to, and the racks that change touched. */
    readonly base: ScenarioOutcome | null,
    readonly changedRacks: readonly number[] | null,
    private readonly marks: OutcomeMarks,
  ) {}

  get lostInterruptible(): number[] {
    if (this.#lostInterruptible) return this.#lostInterruptible;
    const { base, changedRacks, marks } = this;
    if (!base || !changedRacks) return (this.#lostInterruptible = this.own);
    // Touching no rack ("side lost and one more UPS module"), it loses what its base lost.
    if (changedRacks.length === 0) return (this.#lostInterruptible = base.lostInterruptible);
    // The marks are another outcome's by now: the racks this one touched are marked again.
    const touched = ++marks.epoch;
    for (const ri of changedRacks) marks.rack[ri] = touched;
    const kept = base.lostInterruptible.filter((ri) => marks.rack[ri] !== touched);
    return (this.#lostInterruptible = merge(kept, this.own));
  }
}

/**
 * A scenario's newly overloaded components and their load and capacity, from its figures kept at
 * `at` (`ScenarioFigures`): over its base's where it changes nothing. Marks what it changes with
 * the outcome's number (`marks.epoch`, already moved on).
 */
function overloadsOf(
  changed: readonly number[],
  figures: ScenarioFigures,
  at: number,
  normal: Flow,
  base: ScenarioOutcome | null,
  marks: OutcomeMarks,
): Overloads | null {
  const epoch = marks.epoch;
  for (let k = 0; k < changed.length; k++) marks.component[changed[k]!] = epoch;
  let overloads: Overloads | null = null;
  // forEach, not for…of over entries: a side lost's overloads are read again by each of the
  // hundreds of scenarios that extend it, and each entry read that way is a new array.
  if (base)
    base.overloads.forEach((o, i) => {
      if (marks.component[i] !== epoch) (overloads ??= new Map()).set(i, o);
    });
  for (let k = 0; k < changed.length; k++) {
    const i = changed[k]!;
    if (figures.over[at + k] && !isOverloaded(normal, i))
      (overloads ??= new Map()).set(i, { loadW: figures.outW[at + k]!, usableW: figures.usableW[at + k]! });
  }
  return overloads;
}

/**
 * What a scenario does, against normal operation. A flow evaluated as a change to another
 * scenario's (`base`) differs from it only in `changed`, whose overloads are kept from `at` of
 * `over` (`ScenarioFigures`): elsewhere the base's outcome stands.
 */
function outcomeOf(
  graph: PowerGraph,
  flow: Flow,
  normal: Flow,
  base: ScenarioOutcome | null,
  marks: OutcomeMarks,
  figures: ScenarioFigures,
  at: number,
): Outcome {
  const changed = flow.changed!;
  const epoch = ++marks.epoch;
  const overloads = overloadsOf(changed, figures, at, normal, base, marks);
  const changedRacks = flow.changedRacks!;
  for (const ri of changedRacks) marks.rack[ri] = epoch;
  const lost: number[] = [];
  const lostInterruptible: number[] = [];
  for (const ri of changedRacks)
    if (flow.rackState[ri]! >= RACK_PARTLY_DARK && normal.rackState[ri]! < RACK_PARTLY_DARK)
      (graph.racks[ri]!.rack.interruptible ? lostInterruptible : lost).push(ri);
  // Racks a scenario does not touch keep their state, so what they lost stays lost.
  const keptLost = base ? base.lostRacks.filter((ri) => marks.rack[ri] !== epoch) : NONE;
  return new Outcome(
    flow.scenario,
    overloads ? [...overloads.keys()].sort((x, y) => x - y) : NONE,
    overloads ?? NO_OVERLOADS,
    lost.length === 0 && keptLost.length === 0 ? NONE : merge(keptLost, lost),
    lostInterruptible.length === 0 ? NONE : lostInterruptible,
    base,
    base ? changedRacks : null,
    marks,
  );
}

/**
 * Where a base evaluated as a change to normal operation (a side lost) may have other figures
 * after an edit that reworked `reworked` of normal operation: those, and everything that feeds
 * them in the base — a component's figures are worked out from normal operation's there and from
 * what it feeds, and a side lost feeds some components otherwise (a generator taking over).
 */
export function movedBelowOrFed(
  base: Flow,
  reworked: readonly number[],
  moved = new Uint8Array(base.live.length),
): Moved {
  const list: number[] = [];
  const { fedBy } = base;
  for (const i of reworked) {
    if (!moved[i]) list.push(i);
    moved[i] = 1;
    for (let p = fedBy[i]!; p !== -1 && !moved[p]; p = fedBy[p]!) {
      moved[p] = 1;
      list.push(p);
    }
  }
  // Ascending, as read from the marks (`evaluateAgain`).
  list.sort((x, y) => x - y);
  return { marks: moved, list };
}

/** What moved on a flow: 1 per component moved, and the same components listed, ascending. */
export interface Moved {
  marks: Uint8Array;
  list: readonly number[];
}

const isSide = (s: Scenario) => s.id === 'side:A' || s.id === 'side:B';

/**
 * A base after its flow was worked out again at `moved` (a side lost), or replaced by one that
 * differs from it only there (normal operation after an edit): its scratch (the flow as the base
 * has it, between evaluations) takes the new figures there and the racks' states, and its share
 * of facility load on the utilities is worked out again.
 */
function rebase(base: DeltaBase, moved: readonly number[]): void {
  const { flow, scratch } = base;
  for (const i of moved) copyFigures(flow, scratch, i);
  scratch.rackState.set(flow.rackState);
  scratch.groupItW = flow.groupItW;
  base.marks.baseUnhungW = NaN;
}

/** Where the utilities are in a failure's changed components, per list (`placesMarked`). */
const utilityPlacesKept = new WeakMap<readonly number[], readonly number[]>();

/** Each utility's place among the chain's utilities (−1 for every other component), per chain (read-only). */
const placesOf = perChain<'utilities', Int32Array>();
const utilityPlaces = (graph: PowerGraph): Int32Array =>
  placesOf(graph, 'utilities', () => {
    const places = new Int32Array(graph.components.length).fill(-1);
    graph.utilities.forEach((u, j) => (places[u] = j));
    return places;
  });

/** 1 for the utilities, and a mark for none, per chain (read-only). */
const marksOf = perChain<'utilities' | 'none', Uint8Array>();
const utilityMarks = (graph: PowerGraph): Uint8Array =>
  marksOf(graph, 'utilities', () => {
    const marks = new Uint8Array(graph.components.length);
    for (const u of graph.utilities) marks[u] = 1;
    return marks;
  });

/**
 * A kept scenario's outcome, its overloads read from its figures as `outcomeOf` reads them from
 * its flow, over its base's (`base`: the base's outcome now, null for normal operation). What it
 * darkens itself is what it darkened: its racks draw the same.
 */
function keptOutcome(
  kept: KeptScenario,
  figures: ScenarioFigures,
  normal: Flow,
  base: ScenarioOutcome | null,
  marks: OutcomeMarks,
): Outcome {
  const { changed, at, outcome: prior } = kept;
  const epoch = ++marks.epoch;
  const overloads = overloadsOf(changed, figures, at, normal, base, marks);
  let lostRacks = prior.lostRacks;
  if (base) {
    for (const ri of prior.changedRacks!) marks.rack[ri] = epoch;
    const own = prior.lostRacks.filter((ri) => marks.rack[ri] === epoch);
    const keptLost = base.lostRacks.filter((ri) => marks.rack[ri] !== epoch);
    lostRacks = own.length === 0 && keptLost.length === 0 ? NONE : merge(keptLost, own);
  }
  return new Outcome(
    prior.scenario,
    overloads ? [...overloads.keys()].sort((x, y) => x - y) : NONE,
    overloads ?? NO_OVERLOADS,
    lostRacks,
    prior.own,
    base,
    prior.changedRacks,
    marks,
  );
}

/** Two ascending lists of distinct numbers, none in both, as one ascending list. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    if (j === b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  return out;
}

/** The place of `x` in `sorted` (ascending, distinct), or −1. */
function placeIn(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The outcome of a flow against normal operation (no base) worked out again where an edit moved
 * it (`evaluateAgain`): at `places` of its changed components, and for `racks` (those on what
 * moved, and those the edit changed). Everywhere else the last outcome stands: a component or
 * rack the flow did not move there has its figures and state of then, and normal operation moved
 * only where the edit reworked it, which the flow moved too. So `outcomeOf`'s outcome, read from
 * the same figures in the same order, for the cost of what moved and of what was overloaded or
 * lost. `changed` and the flow's changed racks are in ascending order (`makePlan`).
 */
function outcomeAgain(
  graph: PowerGraph,
  flow: Flow,
  normal: Flow,
  last: Outcome,
  marks: OutcomeMarks,
  figures: ScenarioFigures,
  at: number,
  places: readonly number[],
  racks: readonly number[],
): Outcome {
  const changed = flow.changed!;
  const candidates = places.slice();
  for (const i of last.overloaded) candidates.push(placeIn(changed, i));
  candidates.sort((x, y) => x - y);
  let overloads: Overloads | null = null;
  for (let m = 0; m < candidates.length; m++) {
    const k = candidates[m]!;
    if (k === -1 || (m > 0 && candidates[m - 1] === k)) continue;
    const i = changed[k]!;
    if (figures.over[at + k] && !isOverloaded(normal, i))
      (overloads ??= new Map()).set(i, { loadW: figures.outW[at + k]!, usableW: figures.usableW[at + k]! });
  }
  // A rack not among `racks` keeps what the last outcome says of it; those among them are judged again.
  const inFlow = flow.changedRacks!;
  const epoch = ++marks.epoch;
  for (const ri of racks) marks.rack[ri] = epoch;
  const newLost: number[] = [];
  const newInterruptible: number[] = [];
  for (const ri of racks)
    if (
      placeIn(inFlow, ri) !== -1 &&
      flow.rackState[ri]! >= RACK_PARTLY_DARK &&
      normal.rackState[ri]! < RACK_PARTLY_DARK
    )
      (graph.racks[ri]!.rack.interruptible ? newInterruptible : newLost).push(ri);
  const stays = (ri: number) => marks.rack[ri] !== epoch;
  // The last list itself when the racks of `racks` in it are those lost now (a side lost darkens
  // thousands of single-corded racks, the campus's utility lost all 10,000): both ascending.
  const again = (old: number[], now: number[]): number[] => {
    const inOld = racks.filter((ri) => placeIn(old, ri) !== -1);
    if (sameItems(inOld, now)) return old;
    if (inOld.length > 0) return mergeSorted(old.filter(stays), now);
    return mergeSorted(old, now);
  };
  const lost = again(last.lostRacks, newLost);
  const lostInterruptible = again(last.own, newInterruptible);
  return new Outcome(
    flow.scenario,
    overloads ? [...overloads.keys()].sort((x, y) => x - y) : NONE,
    overloads ?? NO_OVERLOADS,
    lost.length === 0 ? NONE : lost,
    lostInterruptible.length === 0 ? NONE : lostInterruptible,
    null,
    null,
    marks,
  );
}

const passes = (o: ScenarioOutcome) => o.overloaded.length === 0 && o.lostRacks.length === 0;

/** Whether two outcomes of one scenario say the same: overloads (with their figures), racks lost, and what that rests on. */
function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.base !== b.base || !sameItems(a.overloaded, b.overloaded) || !sameItems(a.lostRacks, b.lostRacks)) return false;
  if (!sameItems(a.own, b.own) || !sameItems(a.changedRacks, b.changedRacks)) return false;
  for (const [i, o] of a.overloads) {
    const other = b.overloads.get(i);
    if (!other || other.loadW !== o.loadW || other.usableW !== o.usableW) return false;
  }
  return true;
}

/** Whether a rack's surviving path (circuit upward) holds a newly overloaded component. */
function pathOverloaded(flow: Flow, bad: ReadonlySet<number>, start: number): boolean {
  for (let i = start; i !== -1; i = flow.fedBy[i]!) if (bad.has(i)) return true;
  return false;
}

/**
 * What a proof runs: per level its claimed scenarios and its trials, the sides, and every claim by
 * scenario. Every scenario it may run has a number (its place in `list`): a proof keeps what it
 * found per number, in arrays, rather than in maps by id — a campus proof looks its 2,785
 * scenarios up again and again.
 */
interface ProofSetup {
  plans: {
    level: RedundancyLevel;
    declared: RedundancyModel;
    count: number;
    twoSided: boolean;
    /** The declared model's scenarios, by number. */
    required: Int32Array;
    trials: { m: RedundancyModel; list: Int32Array }[];
    carriesCritical: boolean;
  }[];
  /** The sides lost, by number. */
  sides: Int32Array;
  claims: Map<string, string[]>;
  list: readonly Scenario[];
  /** The scenarios' ids, in number order. */
  keys: KeyIndex<string>;
  claimOrder: readonly string[];
  /** The claims, by number, in `claimOrder`. */
  claimOrds: Int32Array;
  /** The scenarios of the levels' declared models, by number, each once (`RedundancyProof.levelClaims`). */
  levelClaims: Int32Array;
  /** Per scenario: 1 when claimed (read by the proof's readers), 1 for a side lost, the number of the side it extends (or −1). */
  tested: Uint8Array;
  side: Uint8Array;
  baseOrd: Int32Array;
  /** Per scenario: its place in reading order (`FlowView.pos`: a claim's place in `claimOrder`, plus one), −1 when not claimed. */
  place: Int32Array;
}

/**
 * The last setup per chain, with what it was made from: the declared models, which levels carry
 * racks that are not interruptible, and whether a rack is declared 2N. An edit of what racks hold
 * almost never changes these, and the setup names thousands of scenarios on a campus.
 */
const setupsOf = perChain<'setup', { last: { made: string; redundancy: object; setup: ProofSetup } | null }>();

function proofSetup(graph: PowerGraph, settings: Settings, carries: readonly boolean[]): ProofSetup {
  const twoNRacks = graph.racks.some((r) => r.rack.redundancy === '2N');
  const made = `${carries.join(',')}|${twoNRacks}`;
  const kept = setupsOf(graph, 'setup', () => ({ last: null }));
  if (kept.last && kept.last.made === made && kept.last.redundancy === settings.redundancy) return kept.last.setup;

  const claims = new Map<string, string[]>();
  const claim = (s: Scenario, what: string) => pushTo(claims, s.id, what);
  const scenarios = new Map<string, Scenario>();
  const want = (list: readonly Scenario[]) => {
    for (const s of list) if (!scenarios.has(s.id)) scenarios.set(s.id, s);
    return list;
  };
  // What to run: every level's declared set (claimed) and the sets of the other models (to find
  // the strongest that holds), and both sides for racks declared 2N.
  const plans = REDUNDANCY_LEVELS.map((level, l) => {
    const declared = settings.redundancy[level];
    const at = componentsAtLevel(graph, level);
    const sided = new Set(at.map((i) => graph.components[i]!.side));
    const twoSided = sided.has('A') && sided.has('B');
    const required = at.length > 0 ? want(scenariosFor(graph, level, declared)) : [];
    for (const s of required) claim(s, `${LEVEL_NAMES[level]} ${declared}`);
    const models = (['N+1', '2N', '2N+1'] as const).filter((m) => m === 'N+1' || twoSided);
    const carriesCritical = carries[l]!;
    const trials = carriesCritical ? models.map((m) => ({ m, list: want(scenariosFor(graph, level, m)) })) : [];
    return { level, declared, count: at.length, twoSided, required, trials, carriesCritical };
  });
  const sideScenarios = hasSides(graph) ? want((['A', 'B'] as const).map((side) => sideFailure(graph, side))) : [];
  if (twoNRacks) for (const s of sideScenarios) claim(s, 'rack 2N');
  const list = [...scenarios.values()];
  const keys = keyIndex(list.map((s) => s.id));
  // Loops, not typed arrays' `from` with a mapping function, which V8 runs as a generic iteration.
  const ords = (of: readonly Scenario[]) => {
    const out = new Int32Array(of.length);
    for (let k = 0; k < of.length; k++) out[k] = keys.at.get(of[k]!.id)!;
    return out;
  };
  const S = list.length;
  const tested = new Uint8Array(S);
  const side = new Uint8Array(S);
  const baseOrd = new Int32Array(S);
  for (let k = 0; k < S; k++) {
    const s = list[k]!;
    tested[k] = claims.has(s.id) ? 1 : 0;
    side[k] = isSide(s) ? 1 : 0;
    baseOrd[k] = s.extends ? keys.at.get(s.extends.id)! : -1;
  }
  const claimOrder = plainestFirst(claims.keys());
  const levelClaimed = new Uint8Array(S);
  const levelClaims: number[] = [];
  for (const p of plans)
    for (const s of p.required) {
      const ord = keys.at.get(s.id)!;
      if (!levelClaimed[ord]) {
        levelClaimed[ord] = 1;
        levelClaims.push(ord);
      }
    }
  const setup: ProofSetup = {
    plans: plans.map((p) => ({
      ...p,
      required: ords(p.required),
      trials: p.trials.map(({ m, list: l }) => ({ m, list: ords(l) })),
    })),
    sides: ords(sideScenarios),
    claims,
    list,
    keys,
    claimOrder,
    claimOrds: new Int32Array(claimOrder.length),
    levelClaims: Int32Array.from(levelClaims),
    tested,
    side,
    baseOrd,
    place: new Int32Array(S).fill(-1),
  };
  for (let j = 0; j < claimOrder.length; j++) {
    const ord = keys.at.get(claimOrder[j]!)!;
    setup.claimOrds[j] = ord;
    setup.place[ord] = j + 1;
  }
  kept.last = { made, redundancy: settings.redundancy, setup };
  return setup;
}

/**
 * A failure against normal operation that changes at least this fraction of the components (the
 * loss of a campus's utility changes all 22,000) is kept as a whole flow, at most `MOST_BIG` of
 * them, and worked out again where an edit moved it rather than evaluated again whole.
 */
const BIG_FAILURE = 1 / 8;
const MOST_BIG = 8;

/** How the pass over the utilities before a proof's runs left a failure (`againAtUtilities`). */
const AGAIN = 1;
const OVERLOADS_MOVED = 2;

const KEPT_WHOLE = 0;
const UTILITIES_AGAIN = 1;
const EVALUATED_AGAIN = 2;

/**
 * What a failure the last proof evaluated needs after an edit that moved `moved` on its base,
 * from the components it changes: nothing (kept whole), its utilities worked out again (only they
 * moved), or an evaluation (anything else moved). `fromKept` acts on it; the headroom's
 * `PairStays` reads it.
 */
function keptHow(changed: readonly number[], moved: Uint8Array, utility: Uint8Array): number {
  let how = KEPT_WHOLE;
  for (let k = 0; k < changed.length; k++) {
    const i = changed[k]!;
    if (!moved[i]) continue;
    if (!utility[i]) return EVALUATED_AGAIN;
    how = UTILITIES_AGAIN;
  }
  return how;
}

/** The same racks, by id, in the same order, each on no circuit where it was on none; `only`: where they may be other objects. */
function sameRacks(a: readonly RackSupply[], b: readonly RackSupply[], only: readonly number[] | null): boolean {
  if (a.length !== b.length) return false;
  const count = only ? only.length : a.length;
  for (let m = 0; m < count; m++) {
    const ri = only ? only[m]! : m;
    const x = a[ri]!;
    const y = b[ri]!;
    // The same supply is the same rack on the same circuits: read only where it is another (an
    // edit keeps all but a few of a campus's 10,000, strewn over memory).
    if (x === y) continue;
    if (x.rack.id !== y.rack.id || (x.a === -1 && x.b === -1) !== (y.a === -1 && y.b === -1)) return false;
  }
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Per level of `REDUNDANCY_LEVELS`, whether a component at it carries critical load in normal
 * operation: is on the supply path of a rack that is not interruptible and draws. The walk stops
 * once every level with components is found to (on a campus, at its first such rack) rather than
 * walk the paths of its 10,000 racks at every check.
 */
function levelsCarryingCritical(graph: PowerGraph, normal: Flow): boolean[] {
  const carries = REDUNDANCY_LEVELS.map(() => false);
  const levelOf = new Map<PowerLevel, number>(REDUNDANCY_LEVELS.map((level, l) => [level, l]));
  let left = REDUNDANCY_LEVELS.filter((level) => componentsAtLevel(graph, level).length > 0).length;
  const marks = walkedMarks(graph.components.length);
  const walk = (from: number) => {
    for (let i = from; i !== -1 && !marks[i]; i = normal.fedBy[i]!) {
      marks[i] = 1;
      const l = levelOf.get(LEVEL_OF[graph.components[i]!.kind]);
      if (l !== undefined && !carries[l]) {
        carries[l] = true;
        left--;
      }
    }
  };
  for (let ri = 0; ri < graph.racks.length && left > 0; ri++) {
    const r = graph.racks[ri]!;
    if (r.rack.interruptible || r.loadW <= 0) continue;
    walk(r.a);
    walk(r.b);
  }
  return carries;
}

/**
 * `read` sees every tested scenario (`FlowReader`). `edit`: after an edit of what racks hold, the
 * last proof's memo, from which a scenario is not evaluated again when the edit cannot have
 * changed its figures, or changed them only at the utilities (see `run` below). The result is a
 * proof from scratch's, to the last bit.
 */
export function proveRedundancy(
  graph: PowerGraph,
  settings: Settings,
  normal: Flow,
  read: FlowReader = () => {},
  edit: ProofEdit | null = null,
  configurations: ConfigurationIds = configurationIds(graph),
  opening: Opening | null = null,
): RedundancyProof {
  const setup = proofSetup(graph, settings, levelsCarryingCritical(graph, normal));
  const { plans, claims, list, claimOrder, claimOrds, tested, side, baseOrd, place } = setup;
  const S = list.length;

  // Run each claimed scenario once, plainest first, and keep only the outcome. Each is a change to
  // normal operation, or to its side lost for "side lost and one more unit".
  // The last proof's scenarios changed what they change now: the same chain and feeds (`ProofEdit`),
  // the same claims, and facility load shared over the utilities or not as then.
  const shared = sharesFacilityLoad(graph, settings);
  const previous =
    edit && !edit.memo.spent && edit.memo.shared === shared && edit.memo.setup === setup ? edit.memo : null;
  if (previous) previous.spent = true;
  const n = graph.components.length;
  // The last proof's worst loadings, folded again in place where figures moved: its memo is spent
  // (it serves one proof), and the last check's component metrics hold their own copies of them.
  const worst = previous ? previous.worst : noWorst(n);
  if (!previous) foldNormal(worst, normal);
  // The last proof's base, its scratch put to this normal operation where the edit reworked it.
  let fromNormal: DeltaBase;
  if (previous) {
    fromNormal = previous.normalBase;
    fromNormal.flow = normal;
    rebase(fromNormal, edit!.reworkedList);
  } else fromNormal = deltaBase(normal);
  const memo: ProofMemo = {
    figures: previous?.figures ?? scenarioFigures(Math.max(1024, 10 * n)),
    pushes: previous?.pushes ?? {
      pushW: new Float64Array(S * graph.utilities.length),
      pushItW: new Float64Array(S * graph.utilities.length),
    },
    setup,
    slots: previous?.slots ?? new Int32Array(S).fill(-1),
    kept: new Array<KeptScenario | undefined>(S),
    claims: claimOrder,
    worst,
    index: previous?.index ?? null,
    touch: previous?.touch ?? null,
    indexed: previous?.indexed ?? null,
    outcomes: [],
    passed: new Uint8Array(0),
    shared,
    sides: new Map(),
    big: new Map(),
    normalBase: fromNormal,
    rackRedundancy: new Map(),
    racks: [],
    sideOk: new Uint8Array(0),
    sideOks: new Map(),
    spent: false,
  };
  const { figures } = memo;
  const readings: { label: string; at: number; changed: readonly number[] }[] = [];
  /** After an edit: the components whose worst is folded again (their figures moved somewhere). */
  const refold = refoldMarks(n);
  /** The components marked in `refold`, each once. */
  const refoldList: number[] = [];
  const markRefold = (i: number) => {
    if (refold[i]) return;
    refold[i] = 1;
    refoldList.push(i);
  };
  if (previous) for (const i of edit!.reworkedList) markRefold(i);
  /** A tested scenario read: its loadings are folded into the worst (from scratch) or its place noted. */
  const reading = (label: string, at: number, changed: readonly number[]) => {
    if (previous) {
      // Only the first proof after an edit makes the index of where figures are kept.
      if (!memo.index) readings.push({ label, at, changed });
      return;
    }
    for (let k = 0; k < changed.length; k++)
      foldWorst(worst, changed[k]!, figures.live[at + k]!, figures.outW[at + k]!, figures.usableW[at + k]!, label);
  };
  const utility = utilityMarks(graph);
  const U = graph.utilities.length;
  const utilityPlace = utilityPlaces(graph);
  /** Per scenario, its outcome once this proof ran it, and 1 where that passes (the levels' trials read thousands). */
  const outcomes = new Array<Outcome | undefined>(S);
  const passed = new Uint8Array(S);
  const movedSides = new Map<string, Moved>();
  movedMarks.again();
  sideStateArrays.again();
  const movedOn = (flow: Flow): Moved => movedBelowOrFed(flow, edit!.reworkedList, movedMarks.take(n));
  /** After an edit, what moved in each large failure kept as a flow (`ProofMemo.big`), by number. */
  const movedBig = new Map<number, Moved>();
  /** The same failures marked by number: `indexedKept` asks of thousands. */
  const bigMoved = bigMarks(S);
  /**
   * The racks at which the sides lost may have moved since the last proof, each worked out again
   * from its last flow (`RedundancyProof.sideStatesMovedAt`); null once one was not. Whether a
   * side's marks of the racks it leaves whole were made afresh rather than written again there:
   * then alone is their conjunction made again over every rack.
   */
  let sidesMovedAt: number[] | null = previous ? [] : null;
  let sideOkAfresh = false;
  /** After an edit, the racks whose supply is another object: what they hold, or the rack itself, changed. */
  const changedRacks: number[] = [];
  const racksKnown = previous !== null && previous.racks.length === graph.racks.length;
  // Only the racks the graph read again may be other objects, when it was read from the last.
  const reread = previous && graph.reread?.from === previous.racks ? graph.reread.racks : null;
  if (racksKnown) {
    const count = reread ? reread.length : graph.racks.length;
    for (let m = 0; m < count; m++) {
      const ri = reread ? reread[m]! : m;
      if (graph.racks[ri] !== previous.racks[ri]) changedRacks.push(ri);
    }
  }
  const sideStates: Uint8Array[] = [];
  const marks = outcomeMarks(graph);
  const sideBases = memo.sides;

  if (previous) {
    // What moved on each side lost and large failure, as they are worked out again from their last flow.
    for (const ord of setup.sides) {
      const id = list[ord]!.id;
      const prior = previous.sides.get(id);
      if (prior && previous.kept[ord]) movedSides.set(id, movedOn(prior.flow));
    }
    previous.big.forEach((flow, ord) => {
      if (previous.kept[ord]) {
        movedBig.set(ord, movedOn(flow));
        bigMoved[ord] = 1;
      }
    });
  }
  /**
   * Whether a pair of the last check's reading (its place: 0 normal operation, then the claims in
   * order, as this proof reads them) keeps its figures: its component not reworked in normal
   * operation, not moved on its side lost, or, in a failure kept below (`fromKept`), not one of the
   * utilities worked out again. Where unsure, false.
   */
  const pairStays: PairStays = (pos, c) => {
    if (pos === 0) return !edit!.reworked[c];
    const ord = claimOrds[pos - 1];
    const kept = ord === undefined ? undefined : previous!.kept[ord];
    if (!kept) return false;
    const scenario = list[ord!]!;
    if (isSide(scenario)) return movedSides.get(scenario.id)?.marks[c] === 0;
    const big = movedBig.get(ord!);
    if (big) return big.marks[c] === 0;
    const baseId = scenario.extends?.id;
    const moved = baseId === undefined ? edit!.reworked : movedSides.get(baseId)?.marks;
    if (!moved) return false;
    const how = keptHow(kept.changed, moved, utility);
    return how === KEPT_WHOLE || (how === UTILITIES_AGAIN && !utility[c]);
  };
  if (opening) {
    opening.keeping(previous ? pairStays : null);
    const view = opening.normal;
    if (previous && view.moved && opening.entry && opening.freshComponents) {
      // Normal operation's entry k is component k: what it reworked is read for every
      // configuration, and the other components that may carry a configuration read afresh for
      // those alone, as `read` would read them (any order gives the same headroom), not the
      // thousands of entries at a limiting level looked through.
      for (const i of edit!.reworkedList) opening.entry(view, i, false);
      for (const i of opening.freshComponents() ?? []) if (!view.moved[i]) opening.entry(view, i, true);
    } else read(view);
  }

  // After the first proof after an edit (which made the worst's index), the failures kept against
  // normal operation are found from the components the edit moved (touchIndex.ts), not by looking
  // through each; those it leaves whole, or reaches at the utilities alone, are read after the runs
  // at the entries that may have moved (`readKept`), not whole.
  const entry = opening?.entry;
  const bulk = previous && previous.index && entry && opening.freshComponents ? { entry } : null;
  let touch: TouchIndex | null = null;
  let reached: Uint8Array | null = null;
  let deferred: Uint8Array | null = null;
  if (bulk) {
    if (!memo.touch) {
      const lists = previous!.kept.map((k, ord) => (k && baseOrd[ord] === -1 && !side[ord] ? k.changed : null));
      memo.touch = touchIndex(n, lists);
      memo.indexed = new Uint8Array(S);
      lists.forEach((l, ord) => (memo.indexed![ord] = l ? 1 : 0));
    }
    touch = memo.touch;
    reached = reachedMarks(S);
    reach(touch, edit!.reworkedList, utility, reached);
    deferred = deferredMarks(S);
  }

  /** Group loads of changed[k] read from a live flow, kept by configuration for the next proof. */
  const loadsFrom = (flow: Flow, changed: readonly number[], at: number) => (k: number) => {
    const loads = keyedLoads(flow.groupItW(changed[k]!), configurations);
    figures.loads[at + k] = loads;
    return loads;
  };

  /** Evaluates a scenario against its base and keeps its figures and outcome. */
  const evaluateAndKeep = (ord: number, base: DeltaBase): Outcome => {
    const scenario = list[ord]!;
    const flow = evaluateDelta(graph, settings, base, scenario);
    const o = keep(ord, base, flow, null);
    // Kept as the base of the "side lost and one more unit" scenarios that extend it.
    if (isSide(scenario)) sideBases.set(scenario.id, deltaBase(snapshot(flow, graph, base.flow), fromNormal));
    else if (baseOrd[ord] === -1 && flow.changed!.length >= BIG_FAILURE * n && memo.big.size < MOST_BIG)
      memo.big.set(ord, snapshot(flow, graph, base.flow));
    flow.restore();
    return o;
  };

  /**
   * A side lost, after an edit: its flow of the last proof (the base of what extends it) worked
   * out again where the edit moved it (`evaluateAgain`), and kept as the base again.
   */
  const sideAgain = (ord: number): Outcome | null => {
    const scenario = list[ord]!;
    const prior = previous?.sides.get(scenario.id);
    if (!prior || !previous!.kept[ord]) return null;
    // Worked out before the proof, for every side the last proof kept (above).
    const moved = movedSides.get(scenario.id)!;
    let o = keptFlowAgain(ord, prior.flow, moved);
    // The same outcome as the last proof's is that outcome: what extends the side and moved
    // nowhere else then keeps its own (`fromKept`).
    const last = previous!.kept[ord]!.outcome;
    if (sameOutcome(o, last)) memo.kept[ord]!.outcome = o = last;
    rebase(prior, moved.list);
    sideBases.set(scenario.id, prior);
    return o;
  };

  /**
   * A large failure against normal operation, after an edit: its flow of the last proof worked out
   * again where the edit moved it (`evaluateAgain`), as a side lost is, and kept again.
   */
  const bigAgain = (ord: number): Outcome | null => {
    const flow = previous?.big.get(ord);
    const moved = movedBig.get(ord);
    if (!flow || !moved) return null;
    const o = keptFlowAgain(ord, flow, moved);
    memo.big.set(ord, flow);
    return o;
  };

  /** A flow kept from the last proof, worked out again where the edit moved it, read and kept. */
  const keptFlowAgain = (ord: number, flow: Flow, moved: Moved): Outcome => {
    const again = evaluateAgain(graph, settings, fromNormal, list[ord]!, flow, moved.marks, moved.list);
    flow.groupItW = loadsOverBase(graph, flow, normal);
    return keep(ord, fromNormal, flow, moved.marks, again);
  };

  /**
   * The racks whose state or standing an edit may have moved in a flow worked out again at
   * `movedList`: those on what moved, and those whose supply is another object (the rack itself
   * edited — an interruptible flag, say — whose circuits normal operation reworks, so they are on
   * what moved as well: both are taken, neither relied on alone).
   */
  const racksAgain = (movedList: readonly number[]): number[] => {
    const out = changedRacks.slice();
    for (const i of movedList) for (const ri of graph.circuitRacks[i]!) out.push(ri);
    out.sort((x, y) => x - y);
    return out.filter((ri, k) => k === 0 || out[k - 1] !== ri);
  };

  /** Keeps a scenario's figures and outcome, read from its flow, and reads it if tested. */
  const keep = (
    ord: number,
    base: DeltaBase,
    flow: Flow,
    moved: Uint8Array | null = null,
    again: { moved: readonly number[]; places: readonly number[]; placeOf: Int32Array } | null = null,
  ): Outcome => {
    const scenario = list[ord]!;
    const changed = flow.changed!;
    let at = memo.slots[ord]!;
    if (at === -1) memo.slots[ord] = at = allocate(figures, changed.length);
    else if (previous) {
      const refoldAt = (k: number) => {
        const i = changed[k]!;
        const e = at + k;
        if (
          figures.live[e] !== flow.live[i] ||
          figures.outW[e] !== flow.outW[i] ||
          figures.usableW[e] !== flow.usableW[i]
        )
          markRefold(i);
      };
      // Worked out again, it has its last figures where it did not move.
      if (again) for (const k of again.places) refoldAt(k);
      else for (let k = 0; k < changed.length; k++) refoldAt(k);
    }
    capture(figures, at, flow, changed, again?.places ?? null);
    // A side lost is run before what extends it.
    const baseOutcome = baseOrd[ord] !== -1 ? outcomes[baseOrd[ord]!]! : null;
    const last = again ? previous!.kept[ord]!.outcome : null;
    const racks = again && racksKnown ? racksAgain(again.moved) : null;
    const o =
      last && racks && !baseOutcome
        ? outcomeAgain(graph, flow, normal, last, marks, figures, at, again!.places, racks)
        : outcomeOf(graph, flow, normal, baseOutcome, marks, figures, at);
    // What its components pushed onto the utilities, for `utilitiesAgain` after a later edit.
    const places = placesMarked(utilityPlacesKept, changed, utility);
    for (let m = 0; m < places.length; m++) {
      const u = changed[places[m]!]!;
      const p = ord * U + utilityPlace[u]!;
      memo.pushes.pushW[p] = base.marks.lastPushW[u]!;
      memo.pushes.pushItW[p] = base.marks.lastPushItW[u]!;
    }
    memo.kept[ord] = { at, changed, outcome: o };
    if (memo.indexed) memo.indexed[ord] = memo.touch!.lists[ord] === changed ? 1 : 0;
    if (tested[ord]) {
      reading(scenario.label, at, changed);
      const fresh = loadsFrom(flow, changed, at);
      // Worked out again (`moved`), the group loads kept where it did not move still stand.
      const groupLoads = !moved
        ? fresh
        : (k: number) => {
            const known = moved[changed[k]!] ? undefined : figures.loads[at + k];
            return known && stillGrouped(known, configurations) ? known : fresh(k);
          };
      read({
        label: scenario.label,
        changed,
        figures,
        at,
        groupLoads,
        configurations,
        moved,
        again,
        pos: place[ord],
      });
    }
    if (side[ord]) {
      const bad = new Set(o.overloaded);
      const okAt = (ri: number) => {
        const r = graph.racks[ri]!;
        if (r.a === -1 || r.b === -1 || flow.rackState[ri]! >= RACK_PARTLY_DARK) return 0;
        const surviving = flow.live[r.a] ? r.a : r.b;
        return bad.size > 0 && pathOverloaded(flow, bad, surviving) ? 0 : 1;
      };
      // With nothing overloaded, then or now, a rack's mark moves only with its state: on what moved.
      const lastOk = previous?.sideOks.get(ord);
      let ok: Uint8Array;
      if (racks && last && lastOk && bad.size === 0 && last.overloaded.length === 0) {
        ok = lastOk;
        for (const ri of racks) ok[ri] = okAt(ri);
      } else {
        ok = new Uint8Array(graph.racks.length);
        for (let ri = 0; ri < ok.length; ri++) ok[ri] = okAt(ri);
        sideOkAfresh = true;
      }
      memo.sideOks.set(ord, ok);
      if (racks && last && sidesMovedAt) sidesMovedAt.push(...racks);
      else sidesMovedAt = null;
      const states = sideStateArrays.take(flow.rackState.length);
      states.set(flow.rackState);
      sideStates.push(states);
    }
    return o;
  };

  /**
   * A scenario the last proof evaluated, after an edit that moved none of its base's figures at the
   * components it changes (`moved`: so its own figures, and outcome, are the last ones), or only at
   * utilities (worked out again from the pushes kept: `utilitiesAgain`). A component it changes
   * has, in it, figures worked out from the base's there and from those of what it changes below;
   * what it does not change has the base's. Null when it must be evaluated.
   */
  const fromKept = (ord: number, base: DeltaBase, moved: Uint8Array): Outcome | null => {
    const kept = previous?.kept[ord];
    if (!kept) return null;
    const scenario = list[ord]!;
    const { changed, at } = kept;
    // In the index under the same plan (its changed components, the same list): read from it.
    const indexed = touch !== null && baseOrd[ord] === -1 && touch.lists[ord] === changed;
    const how = indexed ? reached![ord]! : keptHow(changed, moved, utility);
    if (how === EVALUATED_AGAIN) return null;
    const utilitiesMoved = how === UTILITIES_AGAIN;
    let o = kept.outcome;
    let overloadsMoved = false;
    if (utilitiesMoved && againAtUtilities?.[ord]) overloadsMoved = againAtUtilities[ord] === OVERLOADS_MOVED;
    else if (utilitiesMoved) {
      const places = placesMarked(utilityPlacesKept, changed, utility);
      for (let m = 0; m < places.length; m++) {
        atUtilities.utilities[m] = changed[places[m]!]!;
        atUtilities.entries[m] = at + places[m]!;
        atUtilities.pushAt[m] = ord * U + utilityPlace[changed[places[m]!]!]!;
      }
      overloadsMoved = utilitiesWorkedAgain(base, places.length);
    }
    // A side lost is evaluated again: with another outcome, this one's, a change to it, is another.
    const b = baseOrd[ord]!;
    if ((b !== -1 && kept.outcome.base !== outcomes[b]) || overloadsMoved)
      o = keptOutcome(kept, figures, normal, b !== -1 ? outcomes[b]! : null, marks);
    memo.kept[ord] = o === kept.outcome ? kept : { at, changed, outcome: o };
    if (tested[ord]) {
      reading(scenario.label, at, changed);
      if (indexed) {
        deferred![ord] = 1;
        return o;
      }
      keptView.label = scenario.label;
      keptView.changed = changed;
      keptView.at = at;
      keptView.pos = place[ord];
      // Kept whole, or worked out again at the utilities alone.
      keptView.moved = utilitiesMoved ? utility : nothingMoved;
      keptReading.scenario = scenario;
      keptReading.base = base;
      read(keptView);
      // Evaluated again to read group loads that moved: put back.
      keptReading.flow?.restore();
      keptReading.flow = null;
    }
    return o;
  };

  /**
   * What a kept scenario is read through (one object, as thousands are read): its group loads are
   * those kept, or the scenario is evaluated again to read them where they moved or were never asked for.
   */
  const keptReading: {
    scenario: Scenario | null;
    base: DeltaBase;
    flow: (Flow & { restore: () => void }) | null;
  } = { scenario: null, base: fromNormal, flow: null };
  const nothingMoved = marksOf(graph, 'none', () => new Uint8Array(n));
  const keptView: FlowView = {
    label: '',
    changed: [],
    figures,
    at: 0,
    moved: null,
    groupLoads: (k) => {
      const { at, changed } = keptView;
      const known = figures.loads[at + k];
      if (known && stillGrouped(known, configurations)) return known;
      keptReading.flow ??= evaluateDelta(graph, settings, keptReading.base, keptReading.scenario!);
      return loadsFrom(keptReading.flow, changed, at)(k);
    },
    configurations,
  };

  /**
   * The facility load shared over the utilities, W (`utilitiesAgain`), and a kept scenario's
   * utilities, their entries and their figures there (reused).
   */
  const { unhungW } = facilityLoad(graph, settings);
  const atUtilities = {
    utilities: new Int32Array(U),
    entries: new Int32Array(U),
    pushAt: new Int32Array(U),
    outW: new Float64Array(U),
    itW: new Float64Array(U),
  };
  /** 1 for the utilities over capacity in normal operation, now or before the edit. */
  const overloadedBefore = overloadedMarks(n);
  if (previous)
    for (const u of graph.utilities)
      if (isOverloaded(normal, u) || isOverloaded(edit!.normal, u)) overloadedBefore[u] = 1;

  /**
   * The first `count` utilities of `atUtilities` worked out again in a kept failure against `base`
   * (`utilitiesAgain`), their figures written at their entries (the worst refolded where moved);
   * returns whether its overloads may have moved: a utility over capacity in it then or now, or in
   * normal operation before or after the edit.
   */
  const utilitiesWorkedAgain = (base: DeltaBase, count: number): boolean => {
    const { utilities: us, entries, pushAt, outW, itW } = atUtilities;
    utilitiesAgain(graph, unhungW, base, count, us, entries, figures, memo.pushes, pushAt, outW, itW);
    let overloadsMoved = false;
    for (let m = 0; m < count; m++) {
      const u = us[m]!;
      const e = entries[m]!;
      // A utility tracks no phases: over capacity is over its usable load (flow.ts `isOverloaded`).
      const over = figures.live[e] && overCapacity(outW[m]!, figures.usableW[e]!) ? 1 : 0;
      if (over || figures.over[e] || overloadedBefore[u]) overloadsMoved = true;
      if (figures.outW[e] !== outW[m]) markRefold(u);
      figures.outW[e] = outW[m]!;
      figures.itW[e] = itW[m]!;
      figures.over[e] = over;
      figures.loads[e] = undefined;
    }
    return overloadsMoved;
  };

  /**
   * Per scenario, when the pass below worked it out again at its utilities: `AGAIN`, or
   * `OVERLOADS_MOVED` when its overloads may have moved too (0: not worked out there). The
   * failures the index says the edit reached at the utilities alone (`reached`) — most of a
   * campus's, after any edit — are worked out there before the runs, down each utility's entries
   * in the index, rather than one by one as the runs come to them. Without facility load shared
   * over the utilities, each utility's figures stand alone: one entry is one utility of one
   * failure. With it, a failure that changes anything changes every utility, so each utility's
   * entries name the same failures in the same order (failure numbers ascending), and the
   * utilities' entries at one offset are one failure's.
   */
  const againAtUtilities = bulk ? againMarks(S) : null;
  /**
   * A failure's kept figures when `fromKept` would read it from the index: against normal
   * operation, no side lost nor a large failure kept as a flow (worked out again whole where it
   * moved: `bigAgain`), and kept under the plan the index was made from.
   */
  const indexedKept = (ord: number): KeptScenario | null => {
    if (baseOrd[ord] !== -1 || side[ord] || bigMoved[ord] || !memo.indexed![ord]) return null;
    return previous!.kept[ord] ?? null;
  };
  /** The same, for a failure the edit reached at the utilities alone. */
  const keptAtUtilities = (ord: number) => (reached![ord] === UTILITIES_AGAIN ? indexedKept(ord) : null);
  if (againAtUtilities) {
    const { start, ords, ks } = touch!;
    const us = graph.utilities;
    if (unhungW <= 0)
      for (let j = 0; j < U; j++) {
        const u = us[j]!;
        for (let x = start[u]!; x < start[u + 1]!; x++) {
          const ord = ords[x]!;
          const kept = keptAtUtilities(ord);
          if (!kept) continue;
          atUtilities.utilities[0] = u;
          atUtilities.entries[0] = memo.slots[ord]! + ks[x]!;
          atUtilities.pushAt[0] = ord * U + j;
          const moved = utilitiesWorkedAgain(fromNormal, 1);
          if (moved || againAtUtilities[ord] !== OVERLOADS_MOVED)
            againAtUtilities[ord] = moved ? OVERLOADS_MOVED : AGAIN;
        }
      }
    else if (U > 0) {
      const count = start[us[0]! + 1]! - start[us[0]!]!;
      for (let x = 0; x < count; x++) {
        const ord = ords[start[us[0]!]! + x]!;
        let one = true;
        for (let j = 0; j < U && one; j++)
          one = start[us[j]! + 1]! - start[us[j]!]! === count && ords[start[us[j]!]! + x] === ord;
        const kept = one ? keptAtUtilities(ord) : null;
        if (!kept) continue;
        for (let j = 0; j < U; j++) {
          atUtilities.utilities[j] = us[j]!;
          atUtilities.entries[j] = memo.slots[ord]! + ks[start[us[j]!]! + x]!;
          atUtilities.pushAt[j] = ord * U + j;
        }
        againAtUtilities[ord] = utilitiesWorkedAgain(fromNormal, U) ? OVERLOADS_MOVED : AGAIN;
      }
    }
  }

  /**
   * The failures whose reading was put off (`deferred`), read at the entries that may have moved:
   * at the utilities, for every configuration, where the edit reached them there; elsewhere only
   * at `fresh`'s components (the configurations read afresh), as `read` would have read them.
   */
  const readKept = (
    readEntry: (view: FlowView, k: number, onlyFresh: boolean) => void,
    fresh: readonly number[] | undefined,
  ) => {
    const { start, ords, ks } = touch!;
    const entryOf = (ord: number, k: number, onlyFresh: boolean) => {
      const kept = memo.kept[ord]!;
      keptView.label = list[ord]!.label;
      keptView.changed = kept.changed;
      keptView.at = kept.at;
      keptView.pos = place[ord];
      keptReading.scenario = list[ord]!;
      keptReading.base = fromNormal;
      readEntry(keptView, k, onlyFresh);
      keptReading.flow?.restore();
      keptReading.flow = null;
    };
    const { live, outW, itW, usableW } = figures;
    const mayLimit = opening?.mayLimit;
    for (const u of graph.utilities)
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const ord = ords[e]!;
        if (!deferred![ord] || reached![ord] !== UTILITIES_AGAIN) continue;
        // Read from the kept figures first: most of a campus's thousands are bounded away.
        const x = memo.slots[ord]! + ks[e]!;
        if (mayLimit && !mayLimit(u, live[x]!, outW[x]!, itW[x]!, usableW[x]!, false)) continue;
        entryOf(ord, ks[e]!, false);
      }
    if (fresh)
      for (const c of fresh)
        for (let e = start[c]!; e < start[c + 1]!; e++) {
          const ord = ords[e]!;
          if (deferred![ord] && !(utility[c] && reached![ord] === UTILITIES_AGAIN)) entryOf(ord, ks[e]!, true);
        }
  };

  const movedOnSide = (id: string): Uint8Array => {
    let moved = movedSides.get(id);
    if (!moved) movedSides.set(id, (moved = movedOn(sideBases.get(id)!.flow)));
    return moved.marks;
  };

  const run = (ord: number): Outcome => {
    const done = outcomes[ord];
    if (done) return done;
    const b = baseOrd[ord]!;
    let base = fromNormal;
    if (b !== -1) {
      const baseId = list[b]!.id;
      if (!sideBases.has(baseId)) run(b);
      base = sideBases.get(baseId)!;
    }
    // A side lost reaches every rack's other side: it is worked out again where the edit moved it.
    const kept = !previous
      ? null
      : side[ord]
        ? sideAgain(ord)
        : (bigAgain(ord) ?? fromKept(ord, base, b === -1 ? edit!.reworked : movedOnSide(list[b]!.id)));
    const o = kept ?? evaluateAndKeep(ord, base);
    outcomes[ord] = o;
    passed[ord] = passes(o) ? 1 : 0;
    return o;
  };
  // The claimed failures against normal operation the index says the edit left whole, or reached
  // at the utilities alone where the pass above worked them out again with their overloads
  // unmoved, keep the last proof's outcome and figures, their reading put off (`readKept`), as
  // `fromKept` keeps them: set down in one pass, not run one by one (most of a campus's 2,785).
  if (bulk)
    for (let j = 0; j < claimOrds.length; j++) {
      const ord = claimOrds[j]!;
      const how = reached![ord]!;
      if (how === EVALUATED_AGAIN || (how === UTILITIES_AGAIN && againAtUtilities![ord] !== AGAIN)) continue;
      const kept = indexedKept(ord);
      if (!kept) continue;
      outcomes[ord] = previous!.outcomes[ord]!;
      passed[ord] = previous!.passed[ord]!;
      memo.kept[ord] = kept;
      deferred![ord] = 1;
    }
  for (let j = 0; j < claimOrds.length; j++) run(claimOrds[j]!);
  // The sides are always run: a rack's own redundancy is read from them.
  for (const ord of setup.sides) run(ord);
  // Each rack left whole by every side (1 with none): the last marks written again where the sides'
  // were, or made again over every rack.
  const R = graph.racks.length;
  let sideOk: Uint8Array;
  let sideOkMoved = false;
  if (
    sidesMovedAt &&
    !sideOkAfresh &&
    previous &&
    previous.sideOk.length === R &&
    previous.sideOks.size === memo.sideOks.size
  ) {
    sideOk = previous.sideOk;
    for (const ri of sidesMovedAt) {
      let v = 1;
      for (const ok of memo.sideOks.values()) v &= ok[ri]!;
      if (sideOk[ri] !== v) {
        sideOk[ri] = v;
        sideOkMoved = true;
      }
    }
  } else {
    sideOk = new Uint8Array(R).fill(1);
    for (const ok of memo.sideOks.values()) for (let ri = 0; ri < R; ri++) sideOk[ri] = sideOk[ri]! & ok[ri]!;
    sideOkMoved = !previous || !sameBytes(previous.sideOk, sideOk);
  }
  if (bulk) readKept(bulk.entry, opening!.freshComponents!());
  let refolded: number[] | null = null;
  if (previous) {
    // The same claims and plans read in the same order, at the same entries: one index serves.
    memo.index ??= worstIndex(n, readings);
    // In component order, as a pass over them all would fold them.
    refolded = refoldList.sort((x, y) => x - y);
    for (const i of refolded) foldAgain(worst, i, normal, figures, memo.index);
  }

  // The strongest model that holds: a model's trial stops at its first failing scenario, so a
  // level that is plainly not 2N+1 costs one scenario, not one per component.
  // Indexed loops over the scenario numbers: a campus's trials and claims are about 9,500.
  const holdsAll = (trial: Int32Array): boolean => {
    for (let k = 0; k < trial.length; k++) {
      const ord = trial[k]!;
      if (outcomes[ord] === undefined) run(ord);
      if (passed[ord] !== 1) return false;
    }
    return true;
  };
  const levels: LevelVerdict[] = plans.map((p) => {
    let achieved: RedundancyModel | null = null;
    if (p.count > 0 && p.carriesCritical) {
      achieved = 'N';
      for (let t = 0; t < p.trials.length; t++) if (holdsAll(p.trials[t]!.list)) achieved = p.trials[t]!.m;
    }
    const failures: ScenarioOutcome[] = [];
    const { required } = p;
    for (let k = 0; k < required.length; k++) if (!passed[required[k]!]) failures.push(outcomes[required[k]!]!);
    return {
      level: p.level,
      declared: p.declared,
      achieved,
      components: p.count,
      tested: p.required.length,
      failures,
      twoSided: p.twoSided,
    };
  });

  // After an edit (the same feeds), the last map stands for the same racks left whole by the same sides.
  let rackRedundancy =
    previous && !sideOkMoved && sameRacks(previous.racks, graph.racks, reread) ? previous.rackRedundancy : null;
  if (!rackRedundancy) {
    rackRedundancy = new Map();
    for (let ri = 0; ri < graph.racks.length; ri++) {
      const r = graph.racks[ri]!;
      if (r.a === -1 && r.b === -1) rackRedundancy.set(r.rack.id, 'none');
      else rackRedundancy.set(r.rack.id, setup.sides.length === 2 && sideOk[ri] ? '2N' : 'N');
    }
  }
  memo.rackRedundancy = rackRedundancy;
  memo.outcomes = outcomes;
  memo.passed = passed;
  memo.racks = graph.racks;
  memo.sideOk = sideOk;
  return {
    normal,
    memo,
    worst,
    refolded,
    levels,
    sideRackStates: sideStates,
    sideStatesMovedAt: sidesMovedAt,
    rackRedundancy,
    claims,
    levelClaims: setup.levelClaims,
    claimOrds,
    outcomes: new IndexedMap<string, ScenarioOutcome>(setup.keys, outcomes),
  };
}
