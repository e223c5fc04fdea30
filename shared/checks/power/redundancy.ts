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
import { evaluate, isOverloaded, RACK_PARTLY_DARK, RACK_THROTTLED, type Flow, type Scenario } from './flow';
import { hasSides, scenariosFor, sideFailure } from './scenarios';
import { componentsAtLevel, type PowerGraph } from './topology';

export interface ScenarioOutcome {
  scenario: Scenario;
  flow: Flow;
  /** Components over capacity here that are not over capacity in normal operation. */
  overloaded: number[];
  /** Racks (not interruptible) that lose power to some or all of their devices. */
  lostRacks: number[];
  /** Interruptible racks that lose power: accepted by the owner, reported for information. */
  lostInterruptible: number[];
  throttledRacks: number[];
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

export interface RedundancyProof {
  normal: Flow;
  levels: LevelVerdict[];
  /** Side-loss outcomes for the rack-level 2N proof (empty without sides). */
  sides: ScenarioOutcome[];
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

function outcomeOf(graph: PowerGraph, settings: Settings, normal: Flow, scenario: Scenario): ScenarioOutcome {
  const flow = evaluate(graph, settings, scenario);
  const overloaded: number[] = [];
  for (let i = 0; i < graph.components.length; i++) {
    if (isOverloaded(flow, i) && !isOverloaded(normal, i)) overloaded.push(i);
  }
  const lostRacks: number[] = [];
  const lostInterruptible: number[] = [];
  const throttledRacks: number[] = [];
  graph.racks.forEach((r, ri) => {
    const state = flow.rackState[ri]!;
    if (state >= RACK_PARTLY_DARK && normal.rackState[ri]! < RACK_PARTLY_DARK) {
      (r.rack.interruptible ? lostInterruptible : lostRacks).push(ri);
    } else if (state === RACK_THROTTLED) throttledRacks.push(ri);
  });
  return { scenario, flow, overloaded, lostRacks, lostInterruptible, throttledRacks };
}

const passes = (o: ScenarioOutcome) => o.overloaded.length === 0 && o.lostRacks.length === 0;

/** Whether a rack's surviving path (circuit upward) is clear of newly overloaded components. */
function pathOverloaded(o: ScenarioOutcome, start: number): boolean {
  const bad = new Set(o.overloaded);
  for (let i = start; i !== -1; i = o.flow.fedBy[i]!) if (bad.has(i)) return true;
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

export function proveRedundancy(graph: PowerGraph, settings: Settings, normal: Flow): RedundancyProof {
  const outcomes = new Map<string, ScenarioOutcome>();
  const run = (s: Scenario) => {
    let o = outcomes.get(s.id);
    if (!o) {
      o = outcomeOf(graph, settings, normal, s);
      outcomes.set(s.id, o);
    }
    return o;
  };
  const claims = new Map<string, string[]>();
  const claim = (s: Scenario, what: string) => claims.set(s.id, [...(claims.get(s.id) ?? []), what]);

  const critical = criticalComponents(graph, normal);
  const levels: LevelVerdict[] = REDUNDANCY_LEVELS.map((level) => {
    const declared = settings.redundancy[level];
    const at = componentsAtLevel(graph, level);
    const count = at.length;
    const sides = new Set(at.map((i) => graph.components[i]!.side));
    const twoSided = sides.has('A') && sides.has('B');
    if (count === 0) return { level, declared, achieved: null, components: 0, tested: 0, failures: [], twoSided };
    let achieved: RedundancyModel | null = null;
    if (at.some((i) => critical[i])) {
      achieved = 'N';
      for (const model of ['N+1', '2N', '2N+1'] as const) {
        if (model !== 'N+1' && !twoSided) continue;
        if (scenariosFor(graph, level, model).every((s) => passes(run(s)))) achieved = model;
      }
    }
    const required = scenariosFor(graph, level, declared);
    for (const s of required) claim(s, `${LEVEL_NAMES[level]} ${declared}`);
    const failures = required.map(run).filter((o) => !passes(o));
    return { level, declared, achieved, components: count, tested: required.length, failures, twoSided };
  });

  const rackRedundancy = new Map<string, 'N' | '2N' | 'none'>();
  const sides = hasSides(graph) ? (['A', 'B'] as const).map((side) => run(sideFailure(graph, side))) : [];
  if (graph.racks.some((r) => r.rack.redundancy === '2N')) for (const o of sides) claim(o.scenario, 'rack 2N');
  graph.racks.forEach((r, ri) => {
    if (r.a === -1 && r.b === -1) return rackRedundancy.set(r.rack.id, 'none');
    const survives =
      r.a !== -1 &&
      r.b !== -1 &&
      sides.length === 2 &&
      sides.every((o) => {
        if (o.flow.rackState[ri]! >= RACK_PARTLY_DARK) return false;
        const surviving = o.flow.live[r.a] ? r.a : r.b;
        return !pathOverloaded(o, surviving);
      });
    rackRedundancy.set(r.rack.id, survives ? '2N' : 'N');
  });
  return { normal, levels, sides, rackRedundancy, claims, outcomes };
}
