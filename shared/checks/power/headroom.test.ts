import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import type { ProjectDocument } from '../../model/schema';
import { evaluate, NORMAL } from './flow';
import { carriersOf, headroomTracker } from './headroom';
import { generatorOnSideLoss } from '../../testing/deviceEdits';
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
  const configurations = configurationIds(graph);
  const tracker = headroomTracker(graph, configurations);
  const reference = everyComponent(graph);
  let read = 0;
  const both = (view: FlowView) => {
    read++;
    tracker.read(view);
    reference.read(view);
  };
  const all = graph.components.map((_, i) => i);
  both({
    label: normal.scenario.label,
    changed: all,
    figures: normal,
    at: 0,
    groupLoads: (i) => keyedLoads(normal.groupItW(i), configurations),
    configurations,
    moved: null,
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

describe('what may carry a rack', () => {
  it('is what feeds its circuits, by parent or by a generator standing by, up to the sources', () => {
    const doc = generatorOnSideLoss(60);
    const graph = buildPowerGraph(doc, catalogFor(doc));
    const at = (id: string) => graph.index.get(id)!;
    // A rack whose side A is under transformer 0A, which the generator backs up.
    const ri = graph.racks.findIndex((r) => {
      let i = r.a;
      while (i !== -1 && i !== at('tx-0a')) i = graph.parent[i]!;
      return i !== -1;
    });
    expect(ri).toBeGreaterThanOrEqual(0);
    const marks = carriersOf(graph, [ri]);
    const names = graph.components.filter((_, i) => marks[i]).map((c) => c.id);
    expect(names).toEqual(expect.arrayContaining(['tx-0a', 'gen-a', 'utility']));
    // Its own circuits and what is above them, not the rest of the site.
    const rack = graph.racks[ri]!;
    expect(marks[rack.a]).toBe(1);
    expect(names.length).toBeLessThan(graph.components.length / 4);
    expect(names.filter((id) => id.startsWith('ckt-')).length).toBe(rack.b === -1 ? 1 : 2);
  });
});

describe('headroom read entry by entry', () => {
  it('finds what reading whole flows finds, in any order of entries: ties go to the earlier entry', () => {
    const doc = buildLargeSite(60);
    const graph = buildPowerGraph(doc, catalogFor(doc));
    const normal = evaluate(graph, doc.settings, NORMAL);
    const configurations = configurationIds(graph);
    const view: FlowView = {
      label: normal.scenario.label,
      changed: graph.components.map((_, i) => i),
      figures: normal,
      at: 0,
      pos: 0,
      groupLoads: (i) => keyedLoads(normal.groupItW(i), configurations),
      configurations,
      moved: null,
    };
    const whole = headroomTracker(graph, configurations);
    whole.keeping(null);
    whole.read(view);
    const backwards = headroomTracker(graph, configurations);
    backwards.keeping(null);
    for (let k = graph.components.length - 1; k >= 0; k--) backwards.entry(view, k, false);
    expect(backwards.result()).toEqual(whole.result());
    // The A and B sides carry the same racks alike: pairs of one flow tie, and the earlier wins.
    const limits = new Set(whole.result().map((h) => h.limitingId));
    expect(limits.size).toBeGreaterThan(0);
  });
});

describe('headroom kept from the last check', () => {
  it('gives a tie to the pair read earlier, as a reading from scratch does', () => {
    const doc = buildLargeSite(60);
    const graph = buildPowerGraph(doc, catalogFor(doc));
    const normal = evaluate(graph, doc.settings, NORMAL);
    const configurations = configurationIds(graph);
    const view = (moved: Uint8Array | null): FlowView => ({
      label: normal.scenario.label,
      changed: graph.components.map((_, i) => i),
      figures: normal,
      at: 0,
      groupLoads: (i) => keyedLoads(normal.groupItW(i), configurations),
      configurations,
      moved,
    });
    const scratch = headroomTracker(graph, configurations);
    scratch.keeping(null);
    scratch.read(view(null));
    // The same rooms kept from a later place: normal operation, read first and moved, ties them.
    const memo = scratch.memo();
    // (Their results shown, kept with them, go: they showed the rooms as first found.)
    const later = { ...memo, best: memo.best.map((h) => h && { ...h, pos: 3, limitingId: 'elsewhere' }), shown: [] };
    const kept = headroomTracker(graph, configurations, later);
    kept.keeping(() => true);
    kept.read(view(new Uint8Array(graph.components.length).fill(1)));
    expect(kept.result()).toEqual(scratch.result());
    // Not moved, they are not read for the configurations kept.
    const still = headroomTracker(graph, configurations, later);
    still.keeping(() => true);
    still.read(view(new Uint8Array(graph.components.length)));
    expect(still.result().every((h) => h.limitingId === 'elsewhere')).toBe(true);
  });
});
