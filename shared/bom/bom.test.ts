import { describe, expect, it } from 'vitest';
import { newComponent, newRack } from '../model/factory';
import { newCamera, newDoor } from '../model/securityFactory';
import type { ProjectDocument } from '../model/schema';
import { oneRackDoc } from '../testing/fixtures';
import { buildBom } from './index';

/**
 * Hand-computed bill (docs/bom.md):
 *   4 × DGX H100 at the catalog's $199,000            =   796,000
 *   1 × GB200 NVL72 at the catalog's $3,000,000        = 3,000,000
 *   2 new 48U racks quoted at $2,500                   =     5,000
 *   UPS 4 × 125 kVA = 500 kVA quoted at $350/kVA       =   175,000
 *   4 rack circuits 415 V 3φ 63 A quoted at $1,200     =     4,800
 *   1 camera quoted at $900                            =       900
 *                                                 total 3,981,700
 * Unpriced: 4 rack PDUs and 1 card reader (2 lines). The existing miner bay and its 9 S19 XP are
 * listed at 0.
 */
function fixture(): ProjectDocument {
  const doc = oneRackDoc({ sides: ['A', 'B'], devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }] });
  doc.power.push(
    { ...newComponent('circuit', { id: 'ckt-C', name: 'C', parentId: 'utility', side: 'A' }) },
    { ...newComponent('circuit', { id: 'ckt-D', name: 'D', parentId: 'utility', side: 'B' }) },
    { ...newComponent('ups', { id: 'ups-1', name: 'UPS 1', parentId: 'utility', side: null }) },
  );
  doc.racks.push(
    newRack({
      id: 'rack-gb',
      name: 'GB',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 8, y: 5 },
      devices: [{ id: 'gb', catalogId: 'nvidia-gb200-nvl72', uPosition: 1, feed: 'AB', existing: false }],
      feeds: { a: 'ckt-C', b: 'ckt-D' },
    }),
    newRack({
      id: 'rack-miners',
      name: 'M',
      hallId: 'hall-1',
      rackTypeId: 'miner-shelf-2000',
      position: { x: 12, y: 5 },
      existing: true,
      devices: Array.from({ length: 9 }, (_, i) => ({
        id: `m${i}`,
        catalogId: 'antminer-s19-xp',
        uPosition: 1 + 5 * i,
        feed: 'AB' as const,
        existing: true,
      })),
    }),
  );
  doc.doors.push(newDoor({ id: 'door-1', name: 'Door', hallId: 'hall-1', position: { x: 0, y: 5 }, control: 'card' }));
  doc.cameras.push(newCamera({ id: 'cam-1', name: 'Camera', hallId: 'hall-1', position: { x: 1, y: 1 } }));
  doc.quotes = [
    { itemKey: 'rack-48u-600x1200', unitPrice: 2_500, source: 'Rack vendor Q-1', date: '2026-10-01' },
    { itemKey: 'ups', unitPrice: 350, source: 'UPS vendor Q-7', date: '2026-10-02' },
    { itemKey: 'circuit:415V-3ph-63A', unitPrice: 1_200, source: 'Electrical contractor', date: '2026-10-03' },
    { itemKey: 'camera', unitPrice: 900, source: 'Security integrator', date: '2026-10-04' },
  ];
  return doc;
}

describe('bill of materials', () => {
  it('totals the priced lines to the hand-computed figure', () => {
    const bom = buildBom(fixture());
    expect(bom.total).toBe(3_981_700);
    expect(bom.unpricedLines).toBe(2);
    expect(bom.currency).toBe('USD');
    const byKey = new Map(bom.lines.map((l) => [l.key, l]));
    expect(byKey.get('nvidia-dgx-h100')).toMatchObject({
      quantity: 4,
      unitPrice: 199_000,
      total: 796_000,
      priceOrigin: 'catalog',
    });
    expect(byKey.get('ups')).toMatchObject({
      quantity: 500,
      unit: 'kVA',
      total: 175_000,
      priceOrigin: 'quote',
      priceDate: '2026-10-02',
    });
    expect(byKey.get('circuit:415V-3ph-63A')).toMatchObject({ quantity: 4, total: 4_800 });
    expect(byKey.get('rack-pdu')).toMatchObject({ quantity: 4, total: null, priceOrigin: 'none' });
    expect(byKey.get('card-reader:card')).toMatchObject({ quantity: 1, total: null });
  });

  it('lists what is already on site at no cost', () => {
    const bom = buildBom(fixture());
    const miners = bom.lines.find((l) => l.key === 'antminer-s19-xp:existing');
    expect(miners).toMatchObject({ quantity: 9, existing: true, total: 0, priceOrigin: 'existing' });
    expect(bom.lines.find((l) => l.key === 'miner-shelf-2000:existing')?.quantity).toBe(1);
    // The utility service is not equipment bought.
    expect(bom.lines.some((l) => l.entities.includes('utility'))).toBe(false);
  });

  it('totals each category and keeps them in order', () => {
    const bom = buildBom(fixture());
    const totals = Object.fromEntries(bom.categories.map((c) => [c.category, [c.total, c.unpriced]]));
    expect(totals).toEqual({
      it: [3_796_000, 0],
      racks: [5_000, 0],
      power: [179_800, 1],
      cooling: [0, 0],
      containment: [0, 0],
      security: [900, 1],
    });
  });

  it('uses the USD catalog prices only in a USD project', () => {
    const doc = fixture();
    doc.settings.currency = 'EUR';
    const dgx = buildBom(doc).lines.find((l) => l.key === 'nvidia-dgx-h100');
    expect(dgx).toMatchObject({ unitPrice: null, total: null, priceOrigin: 'none' });
    expect(dgx?.priceSource).toMatch(/USD/);
  });

  it('sizes a three-phase floor PDU by √3·V·I', () => {
    const doc = fixture();
    doc.power.push(newComponent('distribution', { id: 'pdu-1', name: 'PDU', parentId: 'utility', side: 'A' }));
    // 415 V × 400 A × √3 = 287.5 kVA
    expect(buildBom(doc).lines.find((l) => l.key === 'floor-pdu')?.quantity).toBeCloseTo(287.52, 2);
  });
});
