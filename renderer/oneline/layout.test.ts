import { describe, expect, it } from 'vitest';
import {
  buildSampleFacility,
  runChecks,
  type ComponentMetrics,
  type PowerMetrics,
  type ProjectDocument,
} from '../../shared/index';
import { buildLargeSite } from '../../shared/testing/largeSite';
import {
  chunkSizes,
  everyFold,
  foldKey,
  foldsHiding,
  layoutOneLine,
  NODE_W,
  OPEN_AT_MOST,
  overLimitIds,
  type OneLineLayout,
  type OneLineNode,
} from './layout';

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

/** The sample draws what it drew before the folds above the PDUs: every fold in it is of rack circuits. */
describe('one-line diagram: the sample facility under the folds at every level', () => {
  it('folds nothing above its rack circuits: at most 2 of a kind under any parent', () => {
    expect(everyFold(doc.power).every((k) => k.startsWith('circuits:'))).toBe(true);
    const l = layoutOneLine(doc, power, new Set());
    expect(new Set(l.nodes.filter((n) => n.group).map((n) => n.kind))).toEqual(new Set(['circuits']));
    expect(l.nodes.filter((n) => !n.group)).toHaveLength(l.nodes.length - 5);
  });
});

describe('one-line diagram: chunk sizes of an opened group', () => {
  it('opens a group of up to 12 into its members, a larger one in the fewest opens of even chunks', () => {
    expect(chunkSizes(5)).toEqual([]);
    expect(chunkSizes(OPEN_AT_MOST)).toEqual([]);
    // 13 ≤ 12²: two opens, 4 chunks of 4 (4² ≥ 13 > 3²), the last of 1.
    expect(chunkSizes(13)).toEqual([4]);
    // The 1,000-rack campus's 28 transformers: 6² = 36 ≥ 28 > 25 = 5².
    expect(chunkSizes(28)).toEqual([6]);
    expect(chunkSizes(144)).toEqual([12]);
    // 145 > 12²: three opens, 6³ = 216 ≥ 145 > 125 = 5³.
    expect(chunkSizes(145)).toEqual([36, 6]);
    // The stress campus's 278 transformers: 7³ = 343 ≥ 278 > 216 = 6³.
    expect(chunkSizes(278)).toEqual([49, 7]);
  });
});

/** A utility feeding `n` transformers, nothing below them. */
function fan(n: number): ProjectDocument['power'] {
  return [
    {
      kind: 'utility',
      id: 'u',
      name: 'U',
      side: null,
      existing: false,
      parentId: null,
      capacityKva: 1_000_000,
      voltageV: 138_000,
      powerFactor: 0.95,
    },
    ...Array.from({ length: n }, (_, i): ProjectDocument['power'][number] => ({
      kind: 'transformer',
      id: `t${i}`,
      name: `T${i}`,
      side: null,
      existing: false,
      parentId: 'u',
      ratingKva: 2_500,
      primaryV: 138_000,
      voltageV: 13_800,
      efficiencyPct: 98.5,
      powerFactor: 0.95,
    })),
  ];
}

describe('one-line diagram: one open shows one level', () => {
  /** No loading: these tests are about what is drawn. */
  const none: PowerMetrics = { ...power, components: new Map() };
  const row = (l: OneLineLayout, id: string) => {
    const y = l.holderOf(id)!.y;
    return l.nodes.filter((n) => n.y === y);
  };

  it.each([5, 13, 28, 145, 278])(
    '%i transformers: each open shows at most 12 pieces, together its members once',
    (n) => {
      const power = fan(n);
      const shut = layoutOneLine({ power }, none, new Set());
      expect(shut.nodes.map((x) => x.key)).toEqual(['transformers:u', 'u']);
      expect(shut.nodes[0]!.ids).toHaveLength(n);
      // Opening a piece draws what it stands for as at most 12 pieces, and nothing else changes on its row.
      const open = (expanded: Set<string>, piece: OneLineNode) => {
        const next = new Set([...expanded, ...piece.folds]);
        const l = layoutOneLine({ power }, none, next);
        const inside = row(l, piece.ids[0]!).filter((x) => x.ids.some((id) => piece.ids.includes(id)));
        expect(inside.length).toBeGreaterThan(1);
        expect(inside.length).toBeLessThanOrEqual(OPEN_AT_MOST);
        expect(inside.flatMap((x) => x.ids)).toEqual(piece.ids);
        expect(row(l, piece.ids[0]!)).toHaveLength(
          row(layoutOneLine({ power }, none, expanded), piece.ids[0]!).length - 1 + inside.length,
        );
        for (const x of inside) if (x.group) open(next, x);
      };
      open(new Set(), shut.nodes[0]!);
      const all = layoutOneLine({ power }, none, new Set(everyFold(power)));
      expect(all.nodes).toHaveLength(n + 1);
      expectEachComponentOnce({ ...doc, power }, all);
    },
  );

  it('names the chunks by the first and last member, and opens the path to one member top-down', () => {
    const power = fan(278);
    expect(foldsHiding(power, 't100')).toEqual(['transformers:u', 'transformers:u#98-146', 'transformers:u#98-104']);
    const l = layoutOneLine({ power }, none, new Set(['transformers:u']));
    expect(l.nodes.find((x) => x.key === 'transformers:u#98-146')).toMatchObject({
      kind: 'transformers',
      group: true,
      label: '49 transformers',
      rating: 'T98 – T146',
      folds: ['transformers:u#98-146'],
    });
    // The last chunk: 278 = 5 × 49 + 33.
    expect(l.nodes.find((x) => x.key === 'transformers:u#245-277')!.ids).toHaveLength(33);
    const opened = layoutOneLine({ power }, none, new Set(foldsHiding(power, 't100')));
    expect(opened.holderOf('t100')!.key).toBe('t100');
    // Its 6 sibling transformers drawn with it, 5 other chunks of 49 and 6 of 7.
    expect(opened.nodes).toHaveLength(1 + 7 + 5 + 6);
  });
});

/**
 * The 1,000-rack synthetic site (shared/testing/largeSite.ts): 84 PDU pairs under 14 UPS pairs,
 * each on its own transformer pair, so 28 transformers under the utility (tx-0a, tx-0b, tx-1a, …).
 */
describe('one-line diagram: many transformers under one utility fold', () => {
  const site = buildLargeSite(1_000);
  /**
   * Transformer T5A down from 5,000 to 1,000 kVA: a transformer pair carries 72 racks × 3 × 10.2 kW
   * (DGX H100) = 2,203.2 kW, 2,295 kW through the 96 % UPS; with side B lost that is on T5A's
   * 1,000 kVA × 0.95 PF × 0.8 continuous = 760 kW usable, 302.0 % (60.4 % at 5,000 kVA). Rack 500's
   * side-A breaker down to 10 A: 15.3 kW on 10 A × 415 V × √3 × 0.95 × 0.8 = 5.46 kW, 280 %. Rack
   * 500 is on PDU 41 (500 / 12), under UPS 6 (41 / 6) and transformer T6A, the 13th (index 12).
   */
  const broken = {
    ...site,
    power: site.power.map((p) =>
      p.id === 'tx-5a' && p.kind === 'transformer'
        ? { ...p, ratingKva: 1_000 }
        : p.id === 'ckt-500-a' && p.kind === 'circuit'
          ? { ...p, breakerA: 10 }
          : p,
    ),
  };
  const metrics = runChecks(broken).power;
  const layout = layoutOneLine(broken, metrics, new Set());
  const node = (l: OneLineLayout, key: string) => l.nodes.find((n) => n.key === key);
  const txWorstPct = (100 * 2_295_000) / 3_800_000;

  it('draws the utility and one node for its 28 transformers, with their worst loading and problems', () => {
    expect([...overLimitIds(metrics)].sort()).toEqual(['ckt-500-a', 'tx-5a']);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.width).toBe(214);
    const group = node(layout, 'transformers:utility')!;
    expect(group).toMatchObject({
      kind: 'transformers',
      group: true,
      folds: ['transformers:utility'],
      overLimit: 2,
      rating: '2 over limit · double-click',
    });
    expect(group.ids).toHaveLength(28);
    expect(group.worstPct).toBeCloseTo(5 * txWorstPct, 6);
    expect(group.label).toBe(`28 transformers · worst ${(5 * txWorstPct).toFixed(0)} %`);
    expect(node(layout, 'utility')!.folds).toEqual(['transformers:utility']);
    expect(layout.holderOf('ckt-500-a')!.key).toBe('transformers:utility');
    expectEachComponentOnce(broken, layout);
  });

  it('opened, shows 5 chunks of transformers and nothing below them; each chunk keeps its problems', () => {
    const open = layoutOneLine(broken, metrics, new Set(['transformers:utility']));
    expect(open.nodes.map((n) => n.key)).toEqual([
      'transformers:utility#0-5',
      'transformers:utility#6-11',
      'transformers:utility#12-17',
      'transformers:utility#18-23',
      'transformers:utility#24-27',
      'utility',
    ]);
    // T5A is the 11th transformer (index 10): in the second chunk.
    expect(node(open, 'transformers:utility#6-11')).toMatchObject({
      label: `6 transformers · worst ${(5 * txWorstPct).toFixed(0)} %`,
      rating: '1 over limit · T3A – T5B',
      overLimit: 1,
    });
    expect(node(open, 'transformers:utility#12-17')).toMatchObject({
      rating: '1 over limit · T6A – T8B',
      overLimit: 1,
    });
    expect(node(open, 'transformers:utility#0-5')).toMatchObject({ rating: 'T0A – T2B', overLimit: 0 });
    expect(node(open, 'transformers:utility#0-5')!.worstPct).toBeCloseTo(txWorstPct, 6);
    expect(open.width).toBe(MARGIN_TWICE + 5 * SLOT);
  });

  it('opens the folds on the way to a selected circuit top-down, and draws it', () => {
    const path = foldsHiding(broken.power, 'ckt-500-a');
    expect(path).toEqual([
      'transformers:utility',
      'transformers:utility#12-17',
      'distribution:ups-6a',
      'circuits:pdu-41a',
    ]);
    // Each fold opened in turn hands the circuit to the next one down.
    const holders = path.map((_, i) =>
      layoutOneLine(broken, metrics, new Set(path.slice(0, i + 1))).holderOf('ckt-500-a')!,
    );
    expect(holders.map((h) => h.key)).toEqual([
      'transformers:utility#12-17',
      'distribution:ups-6a',
      'circuits:pdu-41a',
      'ckt-500-a',
    ]);
    expect(holders.map((h) => h.overLimit)).toEqual([1, 1, 1, 1]);
    // Opened chunk: its 6 transformers, each with its UPS and folded PDUs.
    const chunk = layoutOneLine(broken, metrics, new Set(path.slice(0, 2)));
    expect(chunk.nodes).toHaveLength(1 + 4 + 6 * 3);
    expectEachComponentOnce(broken, chunk);
  });

  it('a generator backing a component inside a fold is held by it, and drawn once that opens', () => {
    const generator: ProjectDocument['power'][number] = {
      kind: 'generator',
      id: 'gen-6a',
      name: 'G6A',
      side: 'A',
      existing: false,
      parentId: null,
      ratingKw: 2_500,
      voltageV: 415,
      backsUpId: 'ups-6a',
    };
    const withGen = { ...broken, power: [...broken.power, generator] };
    expect(layoutOneLine(withGen, metrics, new Set()).holderOf('gen-6a')!.key).toBe('transformers:utility');
    expect(foldsHiding(withGen.power, 'gen-6a')).toEqual(['transformers:utility', 'transformers:utility#12-17']);
    const open = layoutOneLine(withGen, metrics, new Set(foldsHiding(withGen.power, 'gen-6a')));
    expect(open.edges).toContainEqual({ from: 'gen-6a', to: 'ups-6a', dashed: true });
    expect(node(open, 'gen-6a')!.y).toBe(node(open, 'ups-6a')!.y - 96);
  });
});

/** Layout constants the width checks read: 2 × 20 px margins, 150 px nodes 24 px apart. */
const MARGIN_TWICE = 40;
const SLOT = NODE_W + 24;

describe('one-line diagram: more than 4 generators backing one component fold', () => {
  const extra = [2, 3, 4, 5, 6].map((i): ProjectDocument['power'][number] => ({
    kind: 'generator',
    id: `gen-${i}`,
    name: `Generator G${i}`,
    side: 'B',
    existing: false,
    parentId: null,
    ratingKw: 1_000,
    voltageV: 415,
    backsUpId: 'swbd-b',
  }));
  const withGens = { ...doc, power: [...doc.power, ...extra] };

  it('draws them as one node joined to what they back up, opened by a double-click on either', () => {
    const l = layoutOneLine(withGens, power, new Set());
    const group = l.nodes.find((n) => n.key === 'generators:swbd-b')!;
    expect(group).toMatchObject({ kind: 'generators', group: true, folds: ['generators:swbd-b'] });
    expect(group.ids).toEqual(['gen-1', 'gen-2', 'gen-3', 'gen-4', 'gen-5', 'gen-6']);
    expect(group.label).toMatch(/^6 generators/);
    expect(l.edges).toContainEqual({ from: 'generators:swbd-b', to: 'swbd-b', dashed: true });
    expect(l.nodes.find((n) => n.key === 'swbd-b')!.folds).toContain('generators:swbd-b');
    expect(foldsHiding(withGens.power, 'gen-4')).toEqual(['generators:swbd-b']);
    const open = layoutOneLine(withGens, power, new Set(['generators:swbd-b']));
    for (const g of ['gen-1', ...extra.map((e) => e.id)])
      expect(open.edges).toContainEqual({ from: g, to: 'swbd-b', dashed: true });
    expectEachComponentOnce(withGens, l);
    expectEachComponentOnce(withGens, open);
  });
});

/**
 * The 10,000-rack stress campus's chain (shared/testing/stressSite.ts takes it from largeSite
 * unchanged): 278 transformers under the utility. With the PDU and circuit folds only it drew 835
 * nodes, 48,412 px wide.
 */
describe('one-line diagram: the 10,000-rack campus', () => {
  const site = buildLargeSite(10_000);
  const none: PowerMetrics = { ...power, components: new Map() };

  it('opens as 2 nodes; a circuit is 5 folds down, and opening them draws 55 nodes', () => {
    const shut = layoutOneLine(site, none, new Set());
    expect(shut.nodes).toHaveLength(2);
    expect(shut.width).toBe(MARGIN_TWICE + SLOT);
    expect(layoutOneLine(site, none, new Set(['transformers:utility'])).nodes).toHaveLength(7);
    const path = foldsHiding(site.power, 'ckt-500-a');
    expect(path).toEqual([
      'transformers:utility',
      'transformers:utility#0-48',
      'transformers:utility#7-13',
      'distribution:ups-6a',
      'circuits:pdu-41a',
    ]);
    const open = layoutOneLine(site, none, new Set(path));
    // Utility; 5 chunks of 49 and 6 of 7; 7 transformers with their UPSes, 6 PDU groups; UPS 6A's
    // 6 PDUs, 5 circuit groups and the 12 circuits of PDU 41A.
    expect(open.nodes).toHaveLength(1 + 5 + 6 + 7 + 7 + 6 + 6 + 5 + 12);
    expect(open.width).toBe(MARGIN_TWICE + (5 + 6 + 6 + 5 + 12) * SLOT);
  });
});
