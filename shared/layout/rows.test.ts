import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import { newHall, newProject } from '../model/factory';
import { parseProject, serializeProject } from '../model/parse';
import { rackRect } from './footprint';
import { layRows, rowCount, rowPairSlots, rowProblem, rowSlots } from './rows';

const size = { widthM: 0.6, depthM: 1.2 };

describe('rows', () => {
  it('lays N racks along the dominant axis at the pitch, the first on the start', () => {
    const slots = rowSlots({ start: { x: 2, y: 5 }, end: { x: 8.1, y: 5.4 }, pitchM: 0.6, facing: 'a' });
    // 6.1 m along x at 0.6 m holds 10 pitches: 11 racks.
    expect(slots).toHaveLength(11);
    expect(slots[0]).toEqual({ position: { x: 2, y: 5 }, rotationDeg: 0 });
    expect(slots[10]!.position).toEqual({ x: 8, y: 5 });
    expect(rowSlots({ start: { x: 2, y: 5 }, end: { x: 2, y: 1 }, pitchM: 0.8, facing: 'b' })).toEqual([
      { position: { x: 2, y: 5 }, rotationDeg: 270 },
      { position: { x: 2, y: 4.2 }, rotationDeg: 270 },
      { position: { x: 2, y: 3.4 }, rotationDeg: 270 },
      { position: { x: 2, y: 2.6 }, rotationDeg: 270 },
      { position: { x: 2, y: 1.8 }, rotationDeg: 270 },
      { position: { x: 2, y: 1 }, rotationDeg: 270 },
    ]);
    expect(rowCount({ start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, pitchM: 0.6, count: 4 })).toBe(4);
  });

  it('refuses a pitch under the rack width, no racks and oversized rows', () => {
    const line = { start: { x: 0, y: 0 }, end: { x: 6, y: 0 } };
    expect(rowProblem({ ...line, pitchM: 0.5 }, size)).toMatch(/less than the rack width/);
    expect(rowProblem({ ...line, pitchM: 0.6, count: 0 }, size)).toMatch(/at least one rack/);
    expect(rowProblem({ ...line, pitchM: 0.6, count: 501 }, size)).toMatch(/more than one row takes/);
    expect(rowProblem({ ...line, pitchM: Number.NaN }, size)).toMatch(/positive length/);
    expect(rowProblem({ ...line, pitchM: 0.6 }, size)).toBeNull();
  });

  it('puts a cold aisle between two rows whose fronts face it, its clear width exact', () => {
    const spec = { start: { x: 5, y: 10 }, end: { x: 7, y: 10 }, pitchM: 0.6, aisleWidthM: 1.2 };
    const [north, south] = rowPairSlots({ ...spec, aisle: 'cold' }, size);
    // Centrelines 0.6 + 0.6 = 1.2 m either side of the aisle's.
    expect(north[0]).toEqual({ position: { x: 5, y: 8.8 }, rotationDeg: 180 });
    expect(south[0]).toEqual({ position: { x: 5, y: 11.2 }, rotationDeg: 0 });
    expect(north).toHaveLength(4);
    const catalog = catalogFor(newProject('p'));
    const rect = (s: (typeof north)[number]) => rackRect({ ...s, rackTypeId: 'rack-48u-600x1200' }, catalog);
    expect(rect(south[0]!).minY - rect(north[0]!).maxY).toBeCloseTo(1.2, 9);
    const [west, east] = rowPairSlots({ ...spec, end: { x: 5, y: 12 }, aisle: 'hot' }, size);
    // A hot aisle takes the backs: the west row faces −x (270°), the east row +x (90°).
    expect(west[0]).toEqual({ position: { x: 3.8, y: 10 }, rotationDeg: 270 });
    expect(east[0]).toEqual({ position: { x: 6.2, y: 10 }, rotationDeg: 90 });
  });

  it('creates numbered rows of named racks with their own A and B circuits, a valid document', () => {
    const doc = newProject('p');
    doc.halls = [newHall({ id: 'hall-1', name: 'Hall 1', code: 'B', width: 30, depth: 15, height: 5 })];
    doc.rows.push({ id: 'row-1', hallId: 'hall-1', name: 'Row 02 (old)' });
    const [r1, r2] = rowPairSlots(
      { start: { x: 2, y: 7 }, end: { x: 4, y: 7 }, pitchM: 0.6, aisleWidthM: 1.2, aisle: 'cold' },
      size,
    );
    const laid = layRows(doc, doc.halls[0]!, 'rack-48u-600x1200', [r1, r2], { a: null, b: null });
    expect(laid.rows.map((r) => r.name)).toEqual(['Row 03', 'Row 04']);
    expect(laid.racks.map((r) => r.name)).toEqual([
      'B-03-01',
      'B-03-02',
      'B-03-03',
      'B-03-04',
      'B-04-01',
      'B-04-02',
      'B-04-03',
      'B-04-04',
    ]);
    expect(laid.circuits).toHaveLength(16);
    expect(new Set([...laid.racks, ...laid.circuits, ...laid.rows].map((x) => x.id)).size).toBe(26);
    doc.rows.push(...laid.rows);
    doc.racks.push(...laid.racks);
    doc.power.push(...laid.circuits);
    expect(parseProject(serializeProject(doc)).ok).toBe(true);
  });
});
