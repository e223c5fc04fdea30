/**
 * Configuration ids (scenarioFigures.ts `configurationIds`): a configuration keeps its id from check
 * to check, whatever the order racks and groups come in, and under another catalog too. And the
 * pools: figures captured again forget the group loads kept at their entries, and no others.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildStressSite } from '../../testing/stressSite';
import { evaluate, NORMAL } from './flow';
import { allocate, capture, configurationIds, placesMarked, scenarioFigures } from './scenarioFigures';
import { buildPowerGraph, type PowerGraph } from './topology';

const keyOf = (graph: PowerGraph, n: number) => `${graph.groups[n]!.hallId}|${graph.groups[n]!.key}`;

describe('configuration ids', () => {
  it('are kept by configuration, racks in another order and under another catalog', () => {
    const doc = buildStressSite(300);
    const first = buildPowerGraph(doc, catalogFor(doc));
    const ids = configurationIds(first);
    const idOf = new Map(first.groups.map((_, n) => [keyOf(first, n), ids.ofGroup[n]!]));
    // The racks reversed, under a catalog of their own (another object: configurations numbered
    // again, in the order they now come).
    const reversed = { ...doc, customDevices: [], racks: [...doc.racks].reverse() };
    const catalog = catalogFor(reversed);
    const graphs = [buildPowerGraph(reversed, catalog), buildPowerGraph(reversed, catalog)];
    expect(keyOf(graphs[0]!, 0)).not.toBe(keyOf(first, 0));
    let kept = ids;
    for (const graph of graphs) {
      kept = configurationIds(graph, kept);
      for (let n = 0; n < graph.groups.length; n++) {
        expect(kept.ofGroup[n]).toBe(idOf.get(keyOf(graph, n)));
        expect(kept.group[kept.ofGroup[n]!]).toBe(n);
      }
    }
  });
});

describe('scenario figures', () => {
  const doc = buildStressSite(300);
  const graph = buildPowerGraph(doc, catalogFor(doc));
  const flow = evaluate(graph, doc.settings, NORMAL);
  const changed = [0, 1, 2, 3];
  const kept = (loads: readonly (readonly number[] | undefined)[]) =>
    loads.flatMap((l, e) => (l === undefined ? [] : [e]));

  it('copies a flow at its changed components, and forgets the group loads where captured again', () => {
    const figures = scenarioFigures(2);
    const at = allocate(figures, changed.length);
    expect(figures.outW.length).toBeGreaterThanOrEqual(changed.length);
    expect(figures.loads).toHaveLength(figures.outW.length);
    capture(figures, at, flow, changed);
    changed.forEach((i, k) => {
      expect(figures.outW[at + k]).toBe(flow.outW[i]);
      expect(figures.live[at + k]).toBe(flow.live[i]);
    });
    for (let k = 0; k < changed.length; k++) figures.loads[at + k] = [0, k];
    capture(figures, at, flow, changed, [1, 3]);
    expect(kept(figures.loads)).toEqual([at, at + 2]);
    capture(figures, at, flow, changed);
    expect(kept(figures.loads)).toEqual([]);
  });

  it('lists the places of the marked components once per list, made at their length', () => {
    const lists = new WeakMap<readonly number[], readonly number[]>();
    const marks = new Uint8Array(graph.components.length);
    marks[2] = 1;
    marks[3] = 1;
    const places = placesMarked(lists, changed, marks);
    expect(places).toEqual([2, 3]);
    expect(placesMarked(lists, changed, marks)).toBe(places);
    expect(placesMarked(lists, [0, 1], marks)).toEqual([]);
  });
});
