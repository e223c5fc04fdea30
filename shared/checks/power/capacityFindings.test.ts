/**
 * Normal operation's findings reused from the check before an edit only where a component's
 * figures are the same: a change of phase currents alone (the same total, spread otherwise) or of
 * the racks on a circuit writes its findings again.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildStressSite } from '../../testing/stressSite';
import { capacityFindings } from './capacityFindings';
import { evaluate, NORMAL, type Flow } from './flow';
import { buildPowerGraph } from './topology';

const doc = buildStressSite(240);
const graph = buildPowerGraph(doc, catalogFor(doc));
const normal = evaluate(graph, doc.settings, NORMAL);
const first = capacityFindings(graph, doc.settings, normal);
const memo = {
  graph,
  settings: doc.settings,
  normal,
  byComponent: first.byComponent,
  flat: first.flat,
  unfed: first.unfed,
  patched: first.patched,
};
const unbalanced = first.findings.find((f) => f.rule === 'power.phase-balance')!;
const at = graph.index.get(unbalanced.entities[0]!)!;

describe('capacityFindings after an edit', () => {
  it('reuses every finding when no figure changed', () => {
    const again = capacityFindings(graph, doc.settings, normal, memo);
    expect(again.findings).toEqual(first.findings);
    expect(again.findings.every((f, k) => f === first.findings[k])).toBe(true);
  });

  it('writes a component’s findings again when only its phase currents changed', () => {
    // The same load, now spread evenly over the three phases: no longer unbalanced.
    const phaseW = normal.phaseW.slice();
    const mean = (phaseW[3 * at]! + phaseW[3 * at + 1]! + phaseW[3 * at + 2]!) / 3;
    phaseW.fill(mean, 3 * at, 3 * at + 3);
    const balanced: Flow = { ...normal, phaseW };
    const reused = capacityFindings(graph, doc.settings, balanced, memo).findings;
    expect(reused).toEqual(capacityFindings(graph, doc.settings, balanced).findings);
    expect(reused.some((f) => f.key === unbalanced.key)).toBe(false);
  });

  it('writes a circuit’s findings again when other racks stand on it', () => {
    const renamed = buildPowerGraph(
      { ...doc, racks: doc.racks.map((r) => ({ ...r, id: `${r.id}-new` })) },
      catalogFor(doc),
      undefined,
      graph,
    );
    const reused = capacityFindings(renamed, doc.settings, normal, memo).findings;
    expect(reused).toEqual(capacityFindings(renamed, doc.settings, normal).findings);
    expect(reused.find((f) => f.rule === 'power.phase-balance')!.entities[1]).toMatch(/-new$/);
  });
});
