import { describe, expect, it } from 'vitest';
import { defaultRackCircuit, newComponent, newRack } from '../model/factory';
import type { ProjectDocument } from '../model/schema';
import { BIG_UTILITY } from '../testing/fixtures';
import { newProject } from '../model/factory';
import { fillToCapacity } from './fill';

const DGX4 = { rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }] };

/**
 * One row, one 2N rack of 4 × DGX H100 (40.8 kW), its A and B circuits on two 415 V 3φ 400 A PDUs
 * at PF 0.95. Each PDU must carry every rack when the other side fails:
 *   usable = 0.8 × √3 × 415 V × 400 A × 0.95 = 218.5 kW → ⌊218.5 / 40.8⌋ = 5 racks, so 4 more fit.
 */
function fixture(hallWidth = 30): ProjectDocument {
  const doc = newProject('fill');
  doc.halls[0]!.width = hallWidth;
  doc.settings.cooling.openMaxKw = 60;
  doc.settings.cooling.openReviewKw = 60;
  doc.rows.push({ id: 'row-1', hallId: 'hall-1', name: 'Row 1' });
  doc.power.push(BIG_UTILITY);
  for (const side of ['A', 'B'] as const) {
    doc.power.push(
      newComponent('distribution', { id: `pdu-${side}`, name: `PDU ${side}`, parentId: BIG_UTILITY.id, side }),
    );
    // 80 A: usable 0.8 × √3 × 415 V × 80 A × 0.95 = 43.7 kW carries a 40.8 kW rack alone.
    doc.power.push({
      ...defaultRackCircuit(`ckt-R-01-${side}`, `R-01 ${side}`, side),
      parentId: `pdu-${side}`,
      breakerA: 80,
    });
  }
  doc.racks.push(
    newRack({
      id: 'rack-R-01',
      name: 'R-01',
      hallId: 'hall-1',
      rowId: 'row-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 5, y: 5 },
      devices: [1, 11, 21, 31].map((u, i) => ({
        id: `d${i}`,
        catalogId: 'nvidia-dgx-h100',
        uPosition: u,
        feed: 'AB' as const,
        existing: false,
      })),
      feeds: { a: 'ckt-R-01-A', b: 'ckt-R-01-B' },
      redundancy: '2N',
    }),
  );
  return doc;
}

describe('fill to capacity', () => {
  it('stops at the power limit and names the board that stopped it', () => {
    const result = fillToCapacity(fixture(), ['row-1'], DGX4);
    expect(result.filled).toBe(4);
    expect(result.limit).toBe('power');
    expect(result.limitFinding?.rule).toMatch(/^power\./);
    expect(result.limitFinding?.entities.some((e) => e === 'pdu-A' || e === 'pdu-B')).toBe(true);
    expect(result.doc.racks).toHaveLength(5);
    // Each new rack has its own A and B circuits on the reference rack's boards, and continues the row's names.
    const added = result.doc.racks.filter((r) => result.rackIds.includes(r.id));
    expect(added.map((r) => r.name).sort()).toEqual(['R-02', 'R-03', 'R-04', 'R-05']);
    for (const r of added) {
      const a = result.doc.power.find((p) => p.id === r.feeds.a);
      const b = result.doc.power.find((p) => p.id === r.feeds.b);
      expect([a?.parentId, b?.parentId]).toEqual(['pdu-A', 'pdu-B']);
      expect(r.devices).toHaveLength(4);
      expect(r.redundancy).toBe('2N');
    }
  });

  it('says when the rows run out of room first', () => {
    // A 7.5 m hall: the row runs from the 0.9 m end clearance to 6.6 m, room for 2 racks right of R-01 and 6 left.
    const result = fillToCapacity(fixture(7.5), ['row-1'], {
      ...DGX4,
      devices: [{ catalogId: 'nvidia-dgx-h100', count: 1 }],
    });
    expect(result.limit).toBe('space');
    expect(result.limitFinding).toBeNull();
    expect(result.filled).toBe(result.slots);
    const xs = result.doc.racks.map((r) => r.position.x).sort((a, b) => a - b);
    expect(xs[0]! - 0.3).toBeGreaterThanOrEqual(0.9 - 1e-9);
    expect(xs.at(-1)! + 0.3).toBeLessThanOrEqual(7.5 - 0.9 + 1e-9);
  });

  it('refills the empty racks of a row before placing new ones, and leaves the input alone', () => {
    const doc = fixture();
    doc.racks[0]!.devices = [];
    const before = JSON.stringify(doc);
    const result = fillToCapacity(doc, ['row-1'], DGX4);
    expect(JSON.stringify(doc)).toBe(before);
    expect(result.rackIds[0]).toBe('rack-R-01');
    expect(result.filled).toBe(5);
  });

  it('cannot continue a row with no rack', () => {
    const doc = fixture();
    doc.rows.push({ id: 'row-2', hallId: 'hall-1', name: 'Row 2' });
    const result = fillToCapacity(doc, ['row-2'], DGX4);
    expect(result).toMatchObject({ filled: 0, slots: 0, limit: 'space' });
    expect(result.notes).toEqual(['Row Row 2 has no rack to continue: place its first rack by hand.']);
  });
});
