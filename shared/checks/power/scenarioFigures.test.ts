/**
 * Configuration ids (scenarioFigures.ts `configurationIds`): a configuration keeps its id from check
 * to check, whatever the order racks and groups come in, and under another catalog too.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildStressSite } from '../../testing/stressSite';
import { configurationIds } from './scenarioFigures';
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
