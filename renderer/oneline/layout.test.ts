import { describe, expect, it } from 'vitest';
import { buildSampleFacility, runChecks } from '../../shared/index';
import { layoutOneLine, NODE_W } from './layout';

const doc = buildSampleFacility();
const { power } = runChecks(doc);

describe('one-line diagram layout', () => {
  const layout = layoutOneLine(doc, power, new Set());
  const node = (key: string) => layout.nodes.find((n) => n.key === key)!;

  it('draws every component once, folding the rack circuits under each PDU and the busway', () => {
    const shown = new Set(layout.nodes.flatMap((n) => n.ids));
    expect(shown).toEqual(new Set(doc.power.map((p) => p.id)));
    expect(node('circuits:pdu-a1')).toMatchObject({ kind: 'circuits', label: '6 rack circuits' });
    expect(node('circuits:busway-m1').ids).toHaveLength(20);
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
    const open = layoutOneLine(doc, power, new Set(['pdu-a1']));
    const circuit = open.nodes.find((n) => n.key === 'ckt-A-02-01-a')!;
    expect(circuit.utilisationPct).toBeCloseTo((100 * 15_300) / 34_416.8, 1);
    expect(circuit.worstPct).toBeCloseTo((100 * 30_600) / 34_416.8, 1);
    expect(open.width).toBeGreaterThan(layout.width);
  });
});
