import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import type { PowerComponent, ProjectDocument } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import { evaluateCooling } from '../cooling';
import { evaluate, NORMAL, type Flow } from './flow';
import { normalAfterEdit } from './normalAfterEdit';
import { buildPowerGraph, type PowerGraph } from './topology';

/** Every array of two normal flows the same to the last bit, and their group loads. */
function expectIdentical(graph: PowerGraph, a: Flow, b: Flow): void {
  for (const k of [
    'live',
    'fedBy',
    'outW',
    'inW',
    'itW',
    'usableW',
    'phaseW',
    'phaseA',
    'phaseLimitA',
    'rackState',
  ] as const)
    expect(a[k], k).toEqual(b[k]);
  graph.components.forEach((_, i) => expect([...a.groupItW(i)]).toEqual([...b.groupItW(i)]));
}

/** A rack's devices edited as the store edits them: one taken out, one added, or all taken out; or no rack touched. */
function withDevices(doc: ProjectDocument, ri: number, how: number): ProjectDocument {
  if (how === NOTHING) return { ...doc, name: `${doc.name}.` };
  const rack = doc.racks[ri]!;
  const devices =
    how === 0 ? rack.devices.slice(0, -1) : how === 1 ? [...rack.devices, ...rack.devices.slice(0, 1)] : [];
  return { ...doc, racks: doc.racks.map((r, i) => (i === ri ? { ...r, devices } : r)) };
}

/**
 * The 60-rack site with what the others lack: two utility services (side A on one, B on the other),
 * a mechanical board carrying part of the facility load (the rest shared over the utilities by
 * their IT load), racks on side A alone, and no cooling design, so the cooling plant's power
 * follows the IT load (`coolingPowerRatio`) at every edit.
 */
function twoUtilitiesAndABoard(): ProjectDocument {
  const doc = buildLargeSite(60);
  const utility = doc.power.find((c) => c.kind === 'utility')!;
  const board: PowerComponent = {
    kind: 'mechanical',
    id: 'mech-a',
    name: 'Mechanical A',
    side: null,
    existing: true,
    parentId: 'tx-0a',
    share: 0.4,
  };
  return {
    ...doc,
    cooling: [],
    racks: doc.racks.map((r, i) => (i % 3 === 0 ? { ...r, feeds: { a: r.feeds.a, b: null } } : r)),
    power: [
      ...doc.power.map((c) => (c.kind === 'transformer' && c.id === 'tx-0b' ? { ...c, parentId: 'utility-2' } : c)),
      { ...utility, id: 'utility-2', name: 'Utility 2' },
      board,
    ],
  };
}

/** An edit that leaves every rack as it was (another part of the document changed). */
const NOTHING = 3;

describe('normal operation after an edit of what racks hold', () => {
  it.each([
    ['the sample', buildSampleFacility()],
    ['a 60-rack site', buildLargeSite(60)],
    ['a site with two utilities and a mechanical board', twoUtilitiesAndABoard()],
    ['a 300-rack campus', buildStressSite(300)],
  ])('is a full evaluation’s, to the last bit, over random device edits of %s', (_name, start) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: start.racks.length - 1 }), fc.nat({ max: NOTHING })), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const catalog = catalogFor(start);
          let doc = start;
          let graph = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog));
          let normal = evaluate(graph, doc.settings, NORMAL);
          for (const [ri, how] of edits) {
            doc = withDevices(doc, ri, how);
            const next = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog), graph);
            const updated = normalAfterEdit(next, doc.settings, graph, normal);
            expect(updated).not.toBeNull();
            expectIdentical(next, updated!, evaluate(next, doc.settings, NORMAL));
            graph = next;
            normal = updated!;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

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
