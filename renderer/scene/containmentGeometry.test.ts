import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor } from '../../shared/index';
import { aisleBox, racksByRow } from './containmentGeometry';

describe('containment geometry', () => {
  const doc = buildSampleFacility();
  const catalog = catalogFor(doc);

  it('the sample hot aisle lies between the miner bays and the GPU racks: y 8.5 → 9.7 m, x 9.9 → 21.9 m', () => {
    const box = aisleBox(doc, catalog, doc.containments[0]!)!;
    expect(box.minY).toBeCloseTo(8.5, 9);
    expect(box.maxY).toBeCloseTo(9.7, 9);
    expect(box.minX).toBeCloseTo(9.9, 9);
    expect(box.maxX).toBeCloseTo(21.9, 9);
    expect(box.alongX).toBe(true);
    expect(box.heightM).toBeCloseTo(2.27, 9);
  });

  it('one row: a hot aisle behind its backs, a cold aisle before its fronts', () => {
    const hot = aisleBox(doc, catalog, { ...doc.containments[0]!, rowIds: ['row-a-01'] })!;
    // Row 01 faces −y, so its backs are at y = 8.5.
    expect([hot.minY, hot.maxY]).toEqual([8.5, 9.7]);
    const cold = aisleBox(doc, catalog, { ...doc.containments[0]!, type: 'cold', rowIds: ['row-a-01'] })!;
    expect(cold.minY).toBeCloseTo(6.3, 9);
    expect(cold.maxY).toBeCloseTo(7.5, 9);
  });

  it('rows side by side in x: the aisle is the gap in x and runs along y', () => {
    // The sample mirrored across the diagonal: x ↔ y, so fronts facing −y now face −x (270°) and +y → +x (90°).
    const mirrored = {
      ...doc,
      racks: doc.racks.map((r) => ({
        ...r,
        position: { x: r.position.y, y: r.position.x },
        rotationDeg: r.rotationDeg === 0 ? (270 as const) : (90 as const),
      })),
    };
    const box = aisleBox(mirrored, catalog, doc.containments[0]!, racksByRow(mirrored.racks))!;
    expect(box.alongX).toBe(false);
    expect(box.minX).toBeCloseTo(8.5, 9);
    expect(box.maxX).toBeCloseTo(9.7, 9);
    expect(box.minY).toBeCloseTo(9.9, 9);
    expect(box.maxY).toBeCloseTo(21.9, 9);
  });

  it('a row with no racks leaves nothing to draw', () => {
    expect(aisleBox(doc, catalog, { ...doc.containments[0]!, rowIds: ['no-such-row'] })).toBeNull();
  });
});
