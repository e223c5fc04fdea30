/**
 * The failures each redundancy model must survive (figures.md §2.5; worked case 8), as scenarios
 * for the power flow:
 *
 * - N: none: capacity in normal operation only.
 * - N+1: each single unit at the level in turn: one module of a modular UPS, otherwise the whole
 *   component (N units plus one spare in the same system).
 * - 2N: each whole component at the level, and each whole side (every component labelled A, then B):
 *   two independent systems, each carrying 100 % of the load.
 * - 2N+1 = 2(N+1): the 2N failures and the N+1 ones, plus each side lost together with one unit
 *   on the surviving side.
 */
import type { RedundancyLevel, RedundancyModel } from '../../model/schema';
import type { Scenario } from './flow';
import { componentsAtLevel, perChain, type PowerGraph } from './topology';

/**
 * A side lost together with more failures. It names the side scenario it extends and its own
 * failures, so the proof evaluates it as a change to the side-lost flow; the full set of failed
 * components is built only if something asks for it.
 */
function extendSide(side: Scenario, more: Scenario): Scenario {
  // Shared with the side when the unit adds no lost modules: a campus names thousands of these.
  let lostModules = side.lostModules;
  if (more.lostModules.size > 0) {
    const both = new Map(side.lostModules);
    for (const [i, m] of more.lostModules) both.set(i, (both.get(i) ?? 0) + m);
    lostModules = both;
  }
  let failed: Set<number> | undefined;
  return {
    id: `${side.id}+${more.id}`,
    label: `${side.label} and ${more.label}`,
    get failed() {
      return (failed ??= new Set([...side.failed, ...more.failed]));
    },
    lostModules,
    extends: { id: side.id, failed: more.failed },
  };
}

/** No modules lost: one map for the thousands of scenarios that lose none (read-only). */
const NO_MODULES: ReadonlyMap<number, number> = new Map();

/**
 * Each component's whole and unit failure, made once per chain: a level's N+1, 2N and 2N+1 lists
 * name the same failures, and a proof that works out the achieved model reads all three (a
 * campus's lists held each of its 2,500 failures three times over, 3.7 MB kept).
 */
const failuresOf = perChain<'whole' | 'unit', Map<number, Scenario>>();

/** The failure of `kind` of component i, made by `make` the first time the chain asks for it. */
function failureOf(graph: PowerGraph, kind: 'whole' | 'unit', i: number, make: () => Scenario): Scenario {
  const made = failuresOf(graph, kind, () => new Map());
  let s = made.get(i);
  if (!s) made.set(i, (s = make()));
  return s;
}

export function wholeFailure(graph: PowerGraph, i: number): Scenario {
  return failureOf(graph, 'whole', i, () => {
    const c = graph.components[i]!;
    return { id: `fail:${c.id}`, label: `loss of ${c.name}`, failed: new Set([i]), lostModules: NO_MODULES };
  });
}

/** One unit of a component: a module of a UPS with several, otherwise the component itself. */
export function unitFailure(graph: PowerGraph, i: number): Scenario {
  const c = graph.components[i]!;
  if (!(c.kind === 'ups' && c.modules > 1)) return wholeFailure(graph, i);
  return failureOf(graph, 'unit', i, () => ({
    id: `module:${c.id}`,
    label: `one module of ${c.name}`,
    failed: new Set(),
    lostModules: new Map([[i, 1]]),
  }));
}

/**
 * The two side scenarios and whether the graph has sides, built once per chain (every level asks,
 * and an editor's checks of one power chain share them).
 */
const sidesOf = perChain<'sides', { A: Scenario; B: Scenario; any: boolean }>();

function sides(graph: PowerGraph): { A: Scenario; B: Scenario; any: boolean } {
  return sidesOf(graph, 'sides', () => {
    const failed = { A: new Set<number>(), B: new Set<number>() };
    graph.components.forEach((c, i) => {
      if (c.side !== null) failed[c.side].add(i);
    });
    const scenario = (side: 'A' | 'B'): Scenario => ({
      id: `side:${side}`,
      label: `loss of side ${side}`,
      failed: failed[side],
      lostModules: NO_MODULES,
    });
    return { A: scenario('A'), B: scenario('B'), any: graph.components.some((c) => c.side !== null) };
  });
}

export function sideFailure(graph: PowerGraph, side: 'A' | 'B'): Scenario {
  return sides(graph)[side];
}

export function hasSides(graph: PowerGraph): boolean {
  return sides(graph).any;
}

/**
 * Scenario lists by chain, level and model: they depend on the power components alone, so the
 * checks of an editor's successive versions with the same chain share them (read-only).
 */
const listsOf = perChain<string, readonly Scenario[]>();

/** The scenarios a level must survive to be `model`. */
export function scenariosFor(graph: PowerGraph, level: RedundancyLevel, model: RedundancyModel): readonly Scenario[] {
  return listsOf(graph, `${level}|${model}`, () => scenariosOf(graph, level, model));
}

function scenariosOf(graph: PowerGraph, level: RedundancyLevel, model: RedundancyModel): Scenario[] {
  const at = componentsAtLevel(graph, level);
  const units = () => at.map((i) => unitFailure(graph, i));
  const twoN = () => [
    ...at.map((i) => wholeFailure(graph, i)),
    ...(hasSides(graph) ? [sideFailure(graph, 'A'), sideFailure(graph, 'B')] : []),
  ];
  switch (model) {
    case 'N':
      return [];
    case 'N+1':
      return units();
    case '2N':
      return twoN();
    case '2N+1': {
      const sideAndUnit: Scenario[] = [];
      if (hasSides(graph)) {
        for (const side of ['A', 'B'] as const) {
          const lost = sideFailure(graph, side);
          for (const i of at) {
            const c = graph.components[i]!;
            if (c.side !== null && c.side !== side) sideAndUnit.push(extendSide(lost, unitFailure(graph, i)));
          }
        }
      }
      return dedupe([...twoN(), ...units(), ...sideAndUnit]);
    }
  }
}

export function dedupe(scenarios: Scenario[]): Scenario[] {
  const seen = new Map<string, Scenario>();
  for (const s of scenarios) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/**
 * Scenario ids ordered plainest first (a whole side, one component, one module, then
 * combinations), so that where several failures load a component equally, reports name the
 * plainest one.
 */
export function plainestFirst(ids: Iterable<string>): string[] {
  const rank = (id: string) => (id.includes('+') ? 3 : id.startsWith('side:') ? 0 : id.startsWith('fail:') ? 1 : 2);
  // Ranked once each, not at every comparison of a sort: a campus proof orders thousands. Ids of
  // one rank keep their order.
  const byRank: string[][] = [[], [], [], []];
  for (const id of ids) byRank[rank(id)]!.push(id);
  return byRank.flat();
}
