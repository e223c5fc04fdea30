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
import { REDUNDANCY_LEVELS, type RedundancyLevel, type RedundancyModel, type Settings } from '../../model/schema';
import { deltaBase, evaluateDelta, snapshot, type DeltaBase } from './delta';
import { isOverloaded, RACK_PARTLY_DARK, type Flow, type Scenario } from './flow';
import { hasSides, plainestFirst, scenariosFor, sideFailure } from './scenarios';
import { componentsAtLevel, type PowerGraph } from './topology';

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
 * Sees each evaluated flow once, as it is evaluated: flows are not kept (a large site runs
 * thousands of scenarios over tens of thousands of components). `tested` is true for scenarios a
 * declared claim requires, which come plainest first.
 */
export type FlowVisitor = (flow: Flow, tested: boolean) => void;

export interface RedundancyProof {
  normal: Flow;
  levels: LevelVerdict[];
  /** Rack states on the loss of each side (empty without sides). */
  sideRackStates: Uint8Array[];
  /** Per rack: 2N when it survives the loss of either side intact, N when fed, none without a circuit. */
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
  /** Every declared claim a scenario tests, by scenario id: "UPS 2N+1", "rack 2N". */
  claims: Map<string, string[]>;
  /** All outcomes that were evaluated, by scenario id. */
  outcomes: Map<string, ScenarioOutcome>;
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

function outcomeMarks(graph: PowerGraph): OutcomeMarks {
  return { component: new Uint32Array(graph.components.length), rack: new Uint32Array(graph.racks.length), epoch: 0 };
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
    private readonly own: number[],
    /** The outcome this one's flow was evaluated as a change to, and the racks that change touched. */
    private readonly base: ScenarioOutcome | null,
    private readonly changedRacks: readonly number[] | null,
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
 * What a scenario does, against normal operation. A flow evaluated as a change to another
 * scenario's (`base`) differs from it only in `changed`: elsewhere the base's outcome stands.
 */
function outcomeOf(
  graph: PowerGraph,
  flow: Flow,
  normal: Flow,
  base: ScenarioOutcome | null,
  marks: OutcomeMarks,
): ScenarioOutcome {
  const epoch = ++marks.epoch;
  const changed = flow.changed ?? graph.components.map((_, i) => i);
  for (const i of changed) marks.component[i] = epoch;
  let overloads: Overloads | null = null;
  // forEach, not for…of over entries: a side lost's overloads are read again by each of the
  // hundreds of scenarios that extend it, and each entry read that way is a new array.
  if (base)
    base.overloads.forEach((o, i) => {
      if (marks.component[i] !== epoch) (overloads ??= new Map()).set(i, o);
    });
  for (const i of changed) {
    if (isOverloaded(flow, i) && !isOverloaded(normal, i))
      (overloads ??= new Map()).set(i, { loadW: flow.outW[i]!, usableW: flow.usableW[i]! });
  }
  const changedRacks = flow.changedRacks ?? graph.racks.map((_, ri) => ri);
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

const passes = (o: ScenarioOutcome) => o.overloaded.length === 0 && o.lostRacks.length === 0;

/** Whether a rack's surviving path (circuit upward) holds a newly overloaded component. */
function pathOverloaded(flow: Flow, bad: ReadonlySet<number>, start: number): boolean {
  for (let i = start; i !== -1; i = flow.fedBy[i]!) if (bad.has(i)) return true;
  return false;
}

/** Components that carry critical load in normal operation: on the supply path of a rack that is not interruptible. */
function criticalComponents(graph: PowerGraph, normal: Flow): Uint8Array {
  const marks = new Uint8Array(graph.components.length);
  for (const r of graph.racks) {
    if (r.rack.interruptible || r.loadW <= 0) continue;
    for (const start of [r.a, r.b]) {
      for (let i = start; i !== -1 && !marks[i]; i = normal.fedBy[i]!) marks[i] = 1;
    }
  }
  return marks;
}

export function proveRedundancy(
  graph: PowerGraph,
  settings: Settings,
  normal: Flow,
  visit: FlowVisitor = () => {},
): RedundancyProof {
  const claims = new Map<string, string[]>();
  const claim = (s: Scenario, what: string) => claims.set(s.id, [...(claims.get(s.id) ?? []), what]);
  const scenarios = new Map<string, Scenario>();
  const want = (list: readonly Scenario[]) => {
    for (const s of list) if (!scenarios.has(s.id)) scenarios.set(s.id, s);
    return list;
  };

  // What to run: every level's declared set (claimed) and the sets of the other models (to find
  // the strongest that holds), and both sides for racks declared 2N.
  const critical = criticalComponents(graph, normal);
  const plans = REDUNDANCY_LEVELS.map((level) => {
    const declared = settings.redundancy[level];
    const at = componentsAtLevel(graph, level);
    const sided = new Set(at.map((i) => graph.components[i]!.side));
    const twoSided = sided.has('A') && sided.has('B');
    const required = at.length > 0 ? want(scenariosFor(graph, level, declared)) : [];
    for (const s of required) claim(s, `${LEVEL_NAMES[level]} ${declared}`);
    const models = (['N+1', '2N', '2N+1'] as const).filter((m) => m === 'N+1' || twoSided);
    const carriesCritical = at.some((i) => critical[i]);
    const trials = carriesCritical ? models.map((m) => ({ m, list: want(scenariosFor(graph, level, m)) })) : [];
    return { level, declared, count: at.length, twoSided, required, trials, carriesCritical };
  });
  const sideScenarios = hasSides(graph) ? want((['A', 'B'] as const).map((side) => sideFailure(graph, side))) : [];
  if (graph.racks.some((r) => r.rack.redundancy === '2N')) for (const s of sideScenarios) claim(s, 'rack 2N');

  // Run each claimed scenario once, plainest first, and keep only the outcome. Each is a change to
  // normal operation, or to its side lost for "side lost and one more unit".
  const outcomes = new Map<string, ScenarioOutcome>();
  const sideOk = new Uint8Array(graph.racks.length).fill(1);
  const sideStates: Uint8Array[] = [];
  const fromNormal = deltaBase(normal);
  const marks = outcomeMarks(graph);
  const sideBases = new Map<string, DeltaBase>();
  const run = (scenario: Scenario): ScenarioOutcome => {
    const done = outcomes.get(scenario.id);
    if (done) return done;
    const baseId = scenario.extends?.id;
    let base = fromNormal;
    if (baseId !== undefined) {
      if (!sideBases.has(baseId)) run(scenarios.get(baseId)!);
      base = sideBases.get(baseId)!;
    }
    const flow = evaluateDelta(graph, settings, base, scenario);
    const baseOutcome =
      baseId !== undefined ? (outcomes.get(baseId) ?? outcomeOf(graph, base.flow, normal, null, marks)) : null;
    const o = outcomeOf(graph, flow, normal, baseOutcome, marks);
    outcomes.set(scenario.id, o);
    visit(flow, claims.has(scenario.id));
    if (/^side:[AB]$/.test(scenario.id)) {
      const bad = new Set(o.overloaded);
      graph.racks.forEach((r, ri) => {
        if (r.a === -1 || r.b === -1 || flow.rackState[ri]! >= RACK_PARTLY_DARK) return void (sideOk[ri] = 0);
        const surviving = flow.live[r.a] ? r.a : r.b;
        if (pathOverloaded(flow, bad, surviving)) sideOk[ri] = 0;
      });
      sideStates.push(flow.rackState.slice());
      // Kept as the base of the "side lost and one more unit" scenarios that extend it.
      sideBases.set(scenario.id, deltaBase(snapshot(flow, graph, base.flow)));
    }
    flow.restore();
    return o;
  };
  for (const id of plainestFirst(claims.keys())) run(scenarios.get(id)!);
  // The sides are always run: a rack's own redundancy is read from them.
  for (const s of sideScenarios) run(s);
  const outcome = (s: Scenario) => outcomes.get(s.id)!;

  // The strongest model that holds: a model's trial stops at its first failing scenario, so a
  // level that is plainly not 2N+1 costs one scenario, not one per component.
  const levels: LevelVerdict[] = plans.map((p) => {
    let achieved: RedundancyModel | null = null;
    if (p.count > 0 && p.carriesCritical) {
      achieved = 'N';
      for (const { m, list } of p.trials) if (list.every((s) => passes(run(s)))) achieved = m;
    }
    return {
      level: p.level,
      declared: p.declared,
      achieved,
      components: p.count,
      tested: p.required.length,
      failures: p.required.map(outcome).filter((o) => !passes(o)),
      twoSided: p.twoSided,
    };
  });

  const rackRedundancy = new Map<string, 'N' | '2N' | 'none'>();
  graph.racks.forEach((r, ri) => {
    if (r.a === -1 && r.b === -1) rackRedundancy.set(r.rack.id, 'none');
    else rackRedundancy.set(r.rack.id, sideScenarios.length === 2 && sideOk[ri] ? '2N' : 'N');
  });
  return { normal, levels, sideRackStates: sideStates, rackRedundancy, claims, outcomes };
}
