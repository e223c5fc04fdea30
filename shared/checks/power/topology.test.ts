/**
 * The power graph built after an edit from the graph before it (reusing the chain's indexes and
 * the draws of racks the edit left alone) is the graph built afresh, whatever the edit.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import type { ProjectDocument, Rack } from '../../model/schema';
import { buildLargeSite } from '../../testing/largeSite';
import { scenariosFor } from './scenarios';
import { buildPowerGraph, componentsAtLevel } from './topology';

const doc = buildLargeSite(60);
const catalog = catalogFor(doc);
const previous = buildPowerGraph(doc, catalog);

const withRacks = (racks: Rack[]): ProjectDocument => ({ ...doc, racks });
const edited = (at: number, change: (r: Rack) => Rack) =>
  withRacks(doc.racks.map((r, i) => (i === at ? change(r) : r)));

describe('buildPowerGraph after an edit', () => {
  const cases: [string, ProjectDocument, ReturnType<typeof catalogFor>?][] = [
    ['a device taken out of a rack', edited(7, (r) => ({ ...r, devices: r.devices.slice(0, -1) }))],
    ['a rack emptied (a new configuration)', edited(3, (r) => ({ ...r, devices: [] }))],
    // Its group comes first, so every other configuration's group number moves up by one.
    ['the first rack emptied', edited(0, (r) => ({ ...r, devices: [] }))],
    ['a rack moved to the A side only', edited(11, (r) => ({ ...r, feeds: { a: r.feeds.a, b: null } }))],
    ['a rack deleted', withRacks(doc.racks.filter((_, i) => i !== 5))],
    ['racks reordered', withRacks([...doc.racks].reverse())],
    ['a rack added', withRacks([...doc.racks, { ...doc.racks[0]!, id: 'rack-copy', name: 'Copy' }])],
    [
      'a circuit re-rated (a new power array)',
      {
        ...doc,
        power: doc.power.map((c) =>
          c.kind === 'circuit' && c.id === doc.racks[0]!.feeds.a ? { ...c, breakerA: 40 } : c,
        ),
      },
    ],
    ['the load basis switched to typical', { ...doc, settings: { ...doc.settings, loadBasis: 'typical' } }],
    ['another catalog (a custom device edited)', doc, catalogFor({ ...doc })],
  ];
  it.each(cases)('%s: the same graph as one built afresh', (_, next, nextCatalog = catalog) => {
    // Besides what it was built from: which racks it read again, and from what.
    const { reread, ...again } = buildPowerGraph(next, nextCatalog, undefined, previous);
    const { reread: none, ...fresh } = buildPowerGraph(next, nextCatalog);
    expect(again).toEqual(fresh);
    expect(none).toBeNull();
    if (reread) {
      expect(reread.from).toBe(previous.racks);
      // Every rack whose supply is another object than the last graph's, and no other.
      expect(reread.racks).toEqual(again.racks.flatMap((r, ri) => (r !== previous.racks[ri] ? [ri] : [])));
    }
  });

  it('reuses the chain and the racks an edit did not touch', () => {
    const next = edited(7, (r) => ({ ...r, devices: r.devices.slice(0, -1) }));
    const graph = buildPowerGraph(next, catalog, undefined, previous);
    expect(graph.order).toBe(previous.order);
    expect(graph.index).toBe(previous.index);
    expect(graph.racks[6]).toBe(previous.racks[6]);
    expect(graph.racks[7]).not.toBe(previous.racks[7]);
    expect(graph.racks[7]!.loadW).toBeLessThan(previous.racks[7]!.loadW);
  });

  it('shares the chain’s failure scenarios and levels with the graph before it, and only that', () => {
    const next = edited(7, (r) => ({ ...r, devices: r.devices.slice(0, -1) }));
    const graph = buildPowerGraph(next, catalog, undefined, previous);
    expect(scenariosFor(graph, 'distribution', '2N+1')).toBe(scenariosFor(previous, 'distribution', '2N+1'));
    expect(componentsAtLevel(graph, 'ups')).toBe(componentsAtLevel(previous, 'ups'));
    const other = buildPowerGraph({ ...doc, power: [...doc.power] }, catalog, undefined, previous);
    expect(scenariosFor(other, 'distribution', '2N+1')).not.toBe(scenariosFor(previous, 'distribution', '2N+1'));
    expect(scenariosFor(other, 'distribution', '2N+1')).toEqual(scenariosFor(previous, 'distribution', '2N+1'));
  });

  it('shares where racks are fed (circuitRacks, feedsKey) while every rack is on the same circuits', () => {
    const drawn = buildPowerGraph(
      edited(7, (r) => ({ ...r, devices: [] })),
      catalog,
      undefined,
      previous,
    );
    expect(drawn.feedsKey).toBe(previous.feedsKey);
    expect(drawn.circuitRacks).toBe(previous.circuitRacks);
    for (const [, next, nextCatalog = catalog] of cases) {
      const graph = buildPowerGraph(next, nextCatalog, undefined, previous);
      const sameFeeds =
        graph.components === previous.components &&
        graph.racks.length === previous.racks.length &&
        graph.racks.every((r, ri) => r.a === previous.racks[ri]!.a && r.b === previous.racks[ri]!.b);
      expect(graph.feedsKey === previous.feedsKey).toBe(sameFeeds);
    }
    // Moved to one side, deleted, reordered, added, or a new power array: new feeds.
    const fed = cases.map(([, next, c = catalog]) => buildPowerGraph(next, c, undefined, previous).feedsKey);
    expect(fed.filter((k) => k !== previous.feedsKey)).toHaveLength(5);
  });

  it('rebuilds what another power array, catalog or load basis changes', () => {
    const power = { ...doc, power: [...doc.power] };
    expect(buildPowerGraph(power, catalog, undefined, previous).order).not.toBe(previous.order);
    const other = catalogFor({ ...doc });
    expect(buildPowerGraph(doc, other, undefined, previous).racks[0]).not.toBe(previous.racks[0]);
    const typical = { ...doc, settings: { ...doc.settings, loadBasis: 'typical' as const } };
    expect(buildPowerGraph(typical, catalog, undefined, previous).racks[0]).not.toBe(previous.racks[0]);
  });
});

describe('buildPowerGraph draws', () => {
  it('shares one draw among devices of a model placed alike on racks with the same sides, per catalog and basis', () => {
    const graph = buildPowerGraph(doc, catalog);
    const draws = graph.racks.flatMap((r) => r.devices);
    const distinct = new Set(draws);
    expect(draws.length).toBeGreaterThan(2 * distinct.size);
    // Alike: one model, feed and sides, one draw.
    const byKind = new Map<string, object>();
    graph.racks.forEach((r) =>
      r.devices.forEach((d, k) => {
        const kind = `${d.catalogId}|${r.rack.devices[k]!.feed}|${r.a !== -1}|${r.b !== -1}`;
        expect(byKind.get(kind) ?? d).toBe(d);
        byKind.set(kind, d);
      }),
    );
    const typical = buildPowerGraph({ ...doc, settings: { ...doc.settings, loadBasis: 'typical' } }, catalog);
    expect(typical.racks[0]!.devices[0]).not.toBe(graph.racks[0]!.devices[0]);
    expect(buildPowerGraph(doc, catalogFor({ ...doc })).racks[0]!.devices[0]).not.toBe(graph.racks[0]!.devices[0]);
  });
});
