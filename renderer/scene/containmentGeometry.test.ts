import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor } from '../../shared/index';
import { aisleBox } from './containmentGeometry';

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
});
