import { describe, expect, it } from 'vitest';
import {
  buildSampleFacility,
  runChecks,
  type ComponentMetrics,
  type PowerMetrics,
  type ProjectDocument,
} from '../../shared/index';
import { buildLargeSite } from '../../shared/testing/largeSite';
import { everyFold, foldKey, foldsHiding, layoutOneLine, NODE_W, overLimitIds, type OneLineLayout } from './layout';

const doc = buildSampleFacility();
const { power } = runChecks(doc);

/** Every component is drawn once or held by exactly one drawn node; no id is drawn twice. */
function expectEachComponentOnce(d: ProjectDocument, layout: OneLineLayout) {
  const drawn = layout.nodes.flatMap((n) => n.ids);
  expect(new Set(drawn).size).toBe(drawn.length);
  for (const p of d.power) expect(layout.holderOf(p.id), p.id).not.toBeNull();
}

describe('one-line diagram layout', () => {
  const layout = layoutOneLine(doc, power, new Set());
  const node = (key: string) => layout.nodes.find((n) => n.key === key)!;

  it('draws every component once, folding the rack circuits under each PDU and the busway', () => {
    const shown = new Set(layout.nodes.flatMap((n) => n.ids));
    expect(shown).toEqual(new Set(doc.power.map((p) => p.id)));
    expect(node('circuits:pdu-a1')).toMatchObject({ kind: 'circuits', label: '6 rack circuits' });
    expect(node('circuits:busway-m1').ids).toHaveLength(20);
  });

  it('keeps the sample’s PDUs open: two under each UPS is under the distribution fold’s threshold', () => {
    expect(layout.nodes.filter((n) => n.kind === 'distributions')).toEqual([]);
    expect(node('pdu-a1').folds).toEqual(['circuits:pdu-a1']);
  });

  it('sources on top, each level lower, parents centred over their children', () => {
    expect(node('utility-1').y).toBeLessThan(node('tx-a').y);
    expect(node('tx-a').y).toBeLessThan(node('swbd-a').y);
    expect(node('ups-a').x).toBeCloseTo((node('pdu-a1').x + node('pdu-a2').x) / 2, 9);
  });

  it('no two nodes overlap on a level', () => {
    const byRow = new Map<number, number[]>();
    for (const n of layout.nodes) byRow.set(n.y, [...(byRow.get(n.y) ?? []), n.x]);
    for (const xs of byRow.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(NODE_W);
    }
  });

  it('the generator joins what it backs up with a dashed line', () => {
    expect(layout.edges).toContainEqual({ from: 'gen-1', to: 'swbd-b', dashed: true });
  });

  it('expanding a PDU shows its circuits one by one, with their utilisation', () => {
    const open = layoutOneLine(doc, power, new Set([foldKey('circuits', 'pdu-a1')]));
    const circuit = open.nodes.find((n) => n.key === 'ckt-A-02-01-a')!;
    expect(circuit.utilisationPct).toBeCloseTo((100 * 15_300) / 34_416.8, 1);
    expect(circuit.worstPct).toBeCloseTo((100 * 30_600) / 34_416.8, 1);
    expect(open.width).toBeGreaterThan(layout.width);
  });
});

/**
 * A 100-rack synthetic site (shared/testing/largeSite.ts): 12 racks of 3 DGX H100 per 800 A PDU
 * pair, 6 PDU pairs per UPS pair. 100 racks take 9 PDU pairs: UPS 0A/0B feed PDUs 0–5 (folded,
 * 6 > 4), UPS 1A/1B feed PDUs 6–8 (open, 3 ≤ 4), PDU 8 has 4 racks (its circuits open).
 */
describe('one-line diagram: distribution children fold one level higher', () => {
  const site = buildLargeSite(100);
  const metrics = runChecks(site).power;
  const layout = layoutOneLine(site, metrics, new Set());
  const node = (l: OneLineLayout, key: string) => l.nodes.find((n) => n.key === key);
  /**
   * A PDU: 800 A × 415 V × √3 × 0.95 × 0.8 (not 100 % rated) = 437,031 W usable. 12 racks × 3 ×
   * 10.2 kW (DGX H100) = 367.2 kW; half in normal operation (42.0 %), all of it with the other
   * side lost (84.0 %).
   */
  const pduUsableW = 800 * 415 * Math.sqrt(3) * 0.95 * 0.8;
  const pduNormalPct = (100 * 183_600) / pduUsableW;
  const pduWorstPct = (100 * 367_200) / pduUsableW;

  it('folds a UPS’s 6 PDUs into one node with their ids, count and worst loading', () => {
    const group = node(layout, 'distribution:ups-0a')!;
    expect(group).toMatchObject({
      kind: 'distributions',
      ids: ['pdu-0a', 'pdu-1a', 'pdu-2a', 'pdu-3a', 'pdu-4a', 'pdu-5a'],
      label: '6 PDUs · worst 84 %',
      folds: ['distribution:ups-0a'],
      overLimit: 0,
    });
    expect(group.utilisationPct).toBeCloseTo(pduNormalPct, 6);
    expect(group.worstPct).toBeCloseTo(pduWorstPct, 6);
    // The UPS above it opens and folds it with a double-click too.
    expect(node(layout, 'ups-0a')!.folds).toEqual(['distribution:ups-0a']);
    // Three PDUs stay open, each with its circuits folded but PDU 8's four.
    expect(node(layout, 'pdu-6a')).toBeDefined();
    expect(node(layout, 'distribution:ups-1a')).toBeUndefined();
    expect(node(layout, 'ckt-96-a')).toBeDefined();
  });

  it('draws 29 nodes for 100 racks instead of 51, each component once', () => {
    // Utility, 4 transformers, 4 UPSes, 2 PDU groups, 6 PDUs, 4 circuit groups, 8 circuits of PDU 8.
    expect(layout.nodes).toHaveLength(1 + 4 + 4 + 2 + 6 + 4 + 8);
    const circuitsOnly = layoutOneLine(site, metrics, new Set(['distribution:ups-0a', 'distribution:ups-0b']));
    // Opening both groups: 12 PDUs and their 12 circuit groups in place of 2 group nodes, as
    // before the distribution fold.
    expect(circuitsOnly.nodes).toHaveLength(29 - 2 + 12 + 12);
    expectEachComponentOnce(site, layout);
    expectEachComponentOnce(site, circuitsOnly);
  });

  it('reads the loading of what it draws only: nothing of the circuits inside a folded group', () => {
    const read: string[] = [];
    class Counting extends Map<string, ComponentMetrics> {
      override get(id: string) {
        read.push(id);
        return super.get(id);
      }
    }
    const counted: PowerMetrics = { ...metrics, components: new Counting(metrics.components) };
    // The over-limit scan is done once per check result, before the count starts.
    overLimitIds(counted);
    const l = layoutOneLine(site, counted, new Set());
    const drawn = new Set(l.nodes.flatMap((n) => n.ids));
    expect(read.filter((id) => !drawn.has(id))).toEqual([]);
    expect(read.some((id) => id === 'ckt-0-a')).toBe(false);
  });

  it('expanding the group draws its PDUs, each with its circuits folded', () => {
    const open = layoutOneLine(site, metrics, new Set([foldKey('distribution', 'ups-0a')]));
    expect(node(open, 'distribution:ups-0a')).toBeUndefined();
    expect(node(open, 'pdu-3a')).toMatchObject({ folds: ['circuits:pdu-3a'] });
    expect(node(open, 'circuits:pdu-3a')!.ids).toHaveLength(12);
    expect(open.width).toBeGreaterThan(layout.width);
    expect(node(open, 'ups-0a')!.x).toBeCloseTo((node(open, 'pdu-0a')!.x + node(open, 'pdu-5a')!.x) / 2, 9);
  });

  it('names the folds on the way to a component, and the node that holds it', () => {
    // Rack 40 is on PDU pair 3 (40 / 12, rounded down), under UPS 0.
    expect(foldsHiding(site.power, 'ckt-40-a')).toEqual(['distribution:ups-0a', 'circuits:pdu-3a']);
    expect(foldsHiding(site.power, 'pdu-3a')).toEqual(['distribution:ups-0a']);
    expect(foldsHiding(site.power, 'ckt-97-a')).toEqual([]);
    expect(foldsHiding(site.power, 'rack-40')).toEqual([]);
    expect(layout.holderOf('ckt-40-a')!.key).toBe('distribution:ups-0a');
    const open = layoutOneLine(site, metrics, new Set(foldsHiding(site.power, 'ckt-40-a')));
    expect(open.holderOf('ckt-40-a')!.key).toBe('ckt-40-a');
    expect(layout.holderOf('rack-40')).toBeNull();
  });

  it('every fold of the chain: 2 distribution groups and a circuit group per PDU of 12 racks', () => {
    // 9 PDU pairs, all but PDU 8 (4 racks) with 12 circuits: 16 circuit folds.
    expect(everyFold(site.power)).toHaveLength(2 + 16);
    const all = layoutOneLine(site, metrics, new Set(everyFold(site.power)));
    expect(all.nodes).toHaveLength(site.power.length);
  });

  it('a folded group never hides an overloaded component: a circuit below it, or a member', () => {
    // Rack 40's side-A breaker down to 16 A: 15.3 kW on 16 A × 415 V × √3 × 0.95 × 0.8 = 8.74 kW usable.
    const power = site.power.map((p) =>
      p.id === 'ckt-40-a' && p.kind === 'circuit'
        ? { ...p, breakerA: 16 }
        : p.id === 'pdu-2a' && p.kind === 'distribution'
          ? // PDU 2A down to 400 A: twice its 84 % worst loading, 168 %.
            { ...p, ratingA: 400 }
          : p,
    );
    const broken = { ...site, power };
    const m = runChecks(broken).power;
    expect(overLimitIds(m)).toEqual(expect.arrayContaining(['ckt-40-a', 'pdu-2a']));
    const l = layoutOneLine(broken, m, new Set());
    const group = node(l, 'distribution:ups-0a')!;
    expect(group.overLimit).toBe(2);
    expect(group.rating).toBe('2 over limit · double-click');
    expect(group.worstPct).toBeCloseTo(2 * pduWorstPct, 6);
    expect(group.label).toBe('6 PDUs · worst 168 %');
    expect(node(l, 'distribution:ups-0b')!.overLimit).toBe(0);
    // Opened, each problem is on its own node: the PDU, and the circuit group of PDU 3A.
    const open = layoutOneLine(broken, m, new Set([foldKey('distribution', 'ups-0a')]));
    expect(node(open, 'pdu-2a')!.overLimit).toBe(1);
    expect(node(open, 'circuits:pdu-3a')).toMatchObject({ overLimit: 1, rating: '1 over limit · double-click' });
  });

  it('counts a phase over its continuous limit as over the limit, even when the total fits', () => {
    const m = metrics.components.get('ckt-40-a')!;
    // 63 A × 0.8 = 50.4 A continuous: 51 A on L1 is over it at 44 % of the three-phase capacity.
    const unbalanced: PowerMetrics = {
      ...metrics,
      components: new Map([
        ...metrics.components,
        ['ckt-40-a', { ...m, phaseA: [51, 10, 10] as [number, number, number] }],
      ]),
    };
    expect(m.phaseLimitA).toBeCloseTo(50.4, 9);
    expect(overLimitIds(unbalanced)).toEqual(['ckt-40-a']);
    expect(overLimitIds(metrics)).toEqual([]);
    expect(layoutOneLine(site, unbalanced, new Set()).holderOf('ckt-40-a')!.overLimit).toBe(1);
  });

  it('names mixed distribution types in the group', () => {
    const power = site.power.map((p) =>
      p.id === 'pdu-5a' && p.kind === 'distribution' ? { ...p, type: 'busway' as const } : p,
    );
    const l = layoutOneLine({ power }, metrics, new Set());
    expect(node(l, 'distribution:ups-0a')!.label).toBe('5 PDUs + 1 busway · worst 84 %');
  });
});
