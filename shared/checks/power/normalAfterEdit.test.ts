import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { twoUtilitiesAndABoard, withDevices } from '../../testing/deviceEdits';
import { deviceEditSequences } from '../../testing/deviceEdits.testing';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import { evaluateCooling } from '../cooling';
import { evaluate, NORMAL, sameFiguresAt, type Flow } from './flow';
import { normalAfterEdit, type NormalAfterEdit } from './normalAfterEdit';
import { buildPowerGraph, type PowerGraph } from './topology';

/** Every array of two normal flows the same to the last bit, and their group loads. */
function expectIdentical(graph: PowerGraph, a: Flow, b: Flow): void {
  for (const k of ['live', 'fedBy', 'outW', 'inW', 'itW', 'usableW', 'phaseW', 'phaseLimitA', 'rackState'] as const)
    expect(a[k], k).toEqual(b[k]);
  graph.components.forEach((_, i) => expect([...a.groupItW(i)]).toEqual([...b.groupItW(i)]));
}

/**
 * What the metrics and findings of the components not reworked are read from is `before`'s, the
 * same numbers (their group loads are not: configurations are numbered anew after an edit).
 */
function expectOthersKept({ flow, reworked }: NormalAfterEdit, before: Flow): void {
  const touched = new Set(reworked);
  for (let i = 0; i < flow.live.length; i++) {
    if (touched.has(i)) continue;
    expect(sameFiguresAt(before, flow, i), `component ${i}`).toBe(true);
  }
}

describe('normal operation after an edit of what racks hold', () => {
  it.each([
    ['the sample', buildSampleFacility()],
    ['a 60-rack site', buildLargeSite(60)],
    ['a site with two utilities and a mechanical board', twoUtilitiesAndABoard()],
    ['a 300-rack campus', buildStressSite(300)],
  ])(
    'is a full evaluation’s, to the last bit, and keeps what it does not rework, over random device edits of %s',
    (_name, start) => {
      fc.assert(
        fc.property(deviceEditSequences(start, 6), (edits) => {
          const catalog = catalogFor(start);
          let doc = start;
          let graph = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog));
          let normal = evaluate(graph, doc.settings, NORMAL);
          for (const [ri, how] of edits) {
            doc = withDevices(doc, ri, how);
            const next = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog), graph);
            const updated = normalAfterEdit(next, doc.settings, graph, normal);
            expect(updated).not.toBeNull();
            expectIdentical(next, updated!.flow, evaluate(next, doc.settings, NORMAL));
            expectOthersKept(updated!, normal);
            graph = next;
            normal = updated!.flow;
          }
        }),
        { numRuns: 25 },
      );
    },
  );

  it('is not worked out this way when racks move to other circuits or the chain changes', () => {
    const doc = buildLargeSite(60);
    const catalog = catalogFor(doc);
    const graph = buildPowerGraph(doc, catalog);
    const normal = evaluate(graph, doc.settings, NORMAL);
    const a = doc.racks[0]!;
    const b = doc.racks[30]!;
    const swapped = {
      ...doc,
      racks: doc.racks.map((r) => (r === a ? { ...a, feeds: b.feeds } : r === b ? { ...b, feeds: a.feeds } : r)),
    };
    expect(
      normalAfterEdit(buildPowerGraph(swapped, catalog, undefined, graph), doc.settings, graph, normal),
    ).toBeNull();
    const rechained = { ...doc, power: doc.power.map((c) => ({ ...c })) };
    expect(
      normalAfterEdit(buildPowerGraph(rechained, catalog, undefined, graph), doc.settings, graph, normal),
    ).toBeNull();
  });
});
