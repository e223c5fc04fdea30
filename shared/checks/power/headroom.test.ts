import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import type { ProjectDocument } from '../../model/schema';
import { evaluate, NORMAL, type Flow } from './flow';
import { headroomTracker } from './headroom';
import { proveRedundancy } from './redundancy';
import { buildPowerGraph, LEVEL_OF, type PowerGraph } from './topology';

/** The headroom formula applied to every component of every flow, with nothing passed over. */
function everyComponent(graph: PowerGraph) {
  const itW = graph.groups.map((g) => g.rackLoadW * g.rackIds.length);
  const best = graph.groups.map(() => ({ headroomW: Infinity, limitingId: null as string | null, scenario: '' }));
  return {
    visit(f: Flow) {
      graph.components.forEach((c, i) => {
        if (LEVEL_OF[c.kind] === 'circuit' || LEVEL_OF[c.kind] === 'load' || !f.live[i] || f.itW[i]! <= 0) return;
        const ratio = f.outW[i]! / f.itW[i]!;
        const spare = Math.max(0, f.usableW[i]! - f.outW[i]!);
        for (const [g, throughW] of f.groupItW(i)) {
          if (throughW <= 0 || itW[g]! <= 0) continue;
          const room = spare / (ratio * (throughW / itW[g]!));
          if (room < best[g]!.headroomW) best[g] = { headroomW: room, limitingId: c.id, scenario: f.scenario.label };
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
  let visited = 0;
  for (const visit of [tracker.visit, reference.visit]) visit(normal);
  proveRedundancy(graph, doc.settings, normal, (f, tested) => {
    if (!tested) return;
    visited++;
    tracker.visit(f);
    reference.visit(f);
  });
  const result = tracker.result();
  expect(result.length).toBeGreaterThan(0);
  for (const h of result) {
    const g = graph.groups.findIndex((group) => group.rackIds === h.rackIds);
    const ref = reference.best[g]!;
    expect(h.headroomW).toBe(ref.headroomW);
    expect(h.limitingId).toBe(ref.limitingId);
    expect(h.limitingScenario).toBe(ref.scenario);
  }
  return visited;
}

describe('headroom per configuration', () => {
  // The tracker passes over components whose lower bound cannot lower any configuration's
  // headroom; the result must be what reading every component of every flow gives.
  it('passes over only components that cannot limit: same headroom, limit and scenario as reading them all', () => {
    expect(compare(buildLargeSite(300))).toBeGreaterThan(10);
    expect(compare(buildStressSite(600))).toBeGreaterThan(10);
  });
});
