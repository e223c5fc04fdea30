import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import type { ProjectDocument } from '../../model/schema';
import { evaluate, NORMAL } from './flow';
import { headroomTracker } from './headroom';
import { proveRedundancy, type FlowView } from './redundancy';
import { configurationIds, keyedLoads } from './scenarioFigures';
import { buildPowerGraph, LEVEL_OF, type PowerGraph } from './topology';

/** The headroom formula applied to every component every flow changes, with nothing passed over. */
function everyComponent(graph: PowerGraph) {
  const itW = graph.groups.map((g) => g.rackLoadW * g.rackIds.length);
  const best = graph.groups.map(() => ({ headroomW: Infinity, limitingId: null as string | null, scenario: '' }));
  return {
    read({ label, changed, figures, at, groupLoads, configurations }: FlowView) {
      changed.forEach((i, k) => {
        const c = graph.components[i]!;
        const e = at + k;
        const flowItW = figures.itW[e]!;
        if (LEVEL_OF[c.kind] === 'circuit' || LEVEL_OF[c.kind] === 'load' || !figures.live[e] || flowItW <= 0) return;
        const ratio = figures.outW[e]! / flowItW;
        const spare = Math.max(0, figures.usableW[e]! - figures.outW[e]!);
        const through = groupLoads(k);
        for (let m = 0; m < through.length; m += 2) {
          const g = configurations.group[through[m]!]!;
          const throughW = through[m + 1]!;
          if (throughW <= 0 || itW[g]! <= 0) continue;
          const room = spare / (ratio * (throughW / itW[g]!));
          if (room < best[g]!.headroomW) best[g] = { headroomW: room, limitingId: c.id, scenario: label };
        }
      });
    },
    best,
  };
}

function compare(doc: ProjectDocument): number {
  const graph = buildPowerGraph(doc, catalogFor(doc));
  const normal = evaluate(graph, doc.settings, NORMAL);
  const tracker = headroomTracker(graph);
  const reference = everyComponent(graph);
  let read = 0;
  const both = (view: FlowView) => {
    read++;
    tracker.read(view);
    reference.read(view);
  };
  const all = graph.components.map((_, i) => i);
  const configurations = configurationIds(graph);
  both({
    label: normal.scenario.label,
    changed: all,
    figures: normal,
    at: 0,
    groupLoads: (i) => keyedLoads(normal.groupItW(i), configurations),
    configurations,
  });
  proveRedundancy(graph, doc.settings, normal, both, null, configurations);
  const result = tracker.result();
  expect(result.length).toBeGreaterThan(0);
  for (const h of result) {
    const g = graph.groups.findIndex((group) => group.rackIds === h.rackIds);
    const ref = reference.best[g]!;
    expect(h.headroomW).toBe(ref.headroomW);
    expect(h.limitingId).toBe(ref.limitingId);
    expect(h.limitingScenario).toBe(ref.scenario);
  }
  return read;
}

describe('headroom per configuration', () => {
  // The tracker passes over components whose lower bound cannot lower any configuration's
  // headroom; the result must be what reading every component every flow changes gives.
  it('passes over only components that cannot limit: same headroom, limit and scenario as reading them all', () => {
    expect(compare(buildLargeSite(300))).toBeGreaterThan(10);
    expect(compare(buildStressSite(600))).toBeGreaterThan(10);
  });
});
