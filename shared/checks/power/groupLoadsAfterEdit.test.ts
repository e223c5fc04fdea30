import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { ChunkedArray } from '../../chunkedArray';
import { buildStressSite } from '../../testing/stressSite';
import { evaluate, NORMAL } from './flow';
import { groupLoadsAfterEdit } from './groupLoadsAfterEdit';
import { normalAfterEdit } from './normalAfterEdit';
import { configurationIds, keyedLoads } from './scenarioFigures';
import { buildPowerGraph } from './topology';

describe('group loads after an edit', () => {
  it('are those summed afresh, at every component, from loads kept by configuration', () => {
    const doc = buildStressSite(300);
    const catalog = catalogFor(doc);
    const graph = buildPowerGraph(doc, catalog);
    const normal = evaluate(graph, doc.settings, NORMAL);
    const ids = configurationIds(graph);
    const loads = ChunkedArray.empty<readonly number[]>(graph.components.length);
    graph.components.forEach((_, i) => loads.set(i, keyedLoads(normal.groupItW(i), ids)));
    // A rack gives up a device: a configuration of its own, numbered between the others.
    const edited = {
      ...doc,
      racks: doc.racks.map((r, i) => (i === 150 ? { ...r, devices: r.devices.slice(0, -1) } : r)),
    };
    const next = buildPowerGraph(edited, catalog, undefined, graph);
    const after = normalAfterEdit(next, edited.settings, graph, normal)!;
    const nextIds = configurationIds(next, ids);
    const kept = loads.copy();
    for (const i of after.reworked) kept.set(i, undefined);
    const afresh = evaluate(next, edited.settings, NORMAL).groupItW;
    const reading = groupLoadsAfterEdit(next, after.flow, after.reworked, kept, nextIds);
    for (let i = 0; i < next.components.length; i++)
      expect([...reading(i)], next.components[i]!.id).toEqual([...afresh(i)]);
    // What it worked out is kept for the next edit, by configuration.
    const utility = next.utilities[0]!;
    expect(kept.get(utility)).toEqual(keyedLoads(afresh(utility), nextIds));
    // The loads it started from are as they were there.
    expect(loads.get(utility)).toEqual(keyedLoads(normal.groupItW(utility), ids));
  });
});
