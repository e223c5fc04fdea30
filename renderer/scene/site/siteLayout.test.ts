import { describe, expect, it } from 'vitest';
import { buildSampleFacility, newHall, type Hall } from '../../../shared/index';
import { buildStressSite } from '../../../shared/testing/stressSite';
import { BUILDING_GAP_M, HALL_GAP_M, siteLayout, siteLayoutFor } from './siteLayout';

const hall = (id: string, buildingId: string | null, width = 80, depth = 60): Hall =>
  newHall({ id, name: id, code: id.replace(/\W/g, ''), width, depth, height: 6, buildingId });

describe('site layout of the halls', () => {
  it('one hall stands at the origin; the site is its size', () => {
    const layout = siteLayout([hall('h1', null, 60, 24)], []);
    expect(layout.halls.get('h1')).toEqual({ x: 0, y: 0 });
    expect([layout.width, layout.depth]).toEqual([60, 24]);
  });

  it('four 80 × 60 m halls of a building: a 2 × 2 grid, 6 m apart (166 × 126 m)', () => {
    const halls = ['a', 'b', 'c', 'd'].map((id) => hall(id, 'B1'));
    const layout = siteLayout(halls, [{ id: 'B1', name: 'Building 1' }]);
    expect(HALL_GAP_M).toBe(6);
    expect(['a', 'b', 'c', 'd'].map((id) => layout.halls.get(id))).toEqual([
      { x: 0, y: 0 },
      { x: 86, y: 0 },
      { x: 0, y: 66 },
      { x: 86, y: 66 },
    ]);
    expect(layout.buildings).toEqual([{ id: 'B1', name: 'Building 1', x: 0, y: 0, width: 166, depth: 126 }]);
  });

  it('columns as wide as their widest hall, rows as deep as their deepest', () => {
    const layout = siteLayout([hall('a', null, 30, 10), hall('b', null, 20, 40), hall('c', null, 50, 5)], []);
    // 3 halls: 2 columns. Column 0 holds a and c (50 wide); row 0 holds a and b (40 deep).
    expect(layout.halls.get('b')).toEqual({ x: 56, y: 0 });
    expect(layout.halls.get('c')).toEqual({ x: 0, y: 46 });
    expect([layout.width, layout.depth]).toEqual([76, 51]);
  });

  it('buildings in document order, then the halls in no building (or an unknown one)', () => {
    const layout = siteLayout(
      [hall('loose', null, 10, 10), hall('x', 'B2', 10, 10), hall('y', 'B1', 10, 10), hall('lost', 'gone', 10, 10)],
      [
        { id: 'B1', name: 'One' },
        { id: 'B2', name: 'Two' },
        { id: 'B3', name: 'Empty' },
      ],
    );
    expect(layout.buildings.map((b) => b.name)).toEqual(['One', 'Two', 'No building']);
    expect(layout.halls.get('y')).toEqual({ x: 0, y: 0 });
    // The third group starts the second row of buildings, its two halls side by side (10 + 6 + 10 m),
    // which makes the first column 26 m wide.
    expect(layout.halls.get('x')).toEqual({ x: 26 + BUILDING_GAP_M, y: 0 });
    expect(layout.halls.get('loose')).toEqual({ x: 0, y: 10 + BUILDING_GAP_M });
    expect(layout.halls.get('lost')).toEqual({ x: 16, y: 10 + BUILDING_GAP_M });
  });

  it('the stress campus: 42 halls in 11 buildings, 4 × 3 buildings, 736 × 426 m, no two halls overlapping', () => {
    const doc = buildStressSite(10_000);
    const layout = siteLayout(doc.halls, doc.buildings);
    expect(doc.halls).toHaveLength(42);
    expect(layout.buildings).toHaveLength(11);
    // Width: 4 buildings of 2 × 80 + 6 = 166 m, 24 m apart. Depth: 3 rows of 2 × 60 + 6 = 126 m, 24 m apart.
    expect([layout.width, layout.depth]).toEqual([4 * 166 + 3 * 24, 3 * 126 + 2 * 24]);
    const boxes = doc.halls.map((h) => ({ ...layout.halls.get(h.id)!, w: h.width, d: h.depth }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.d <= b.y || b.y + b.d <= a.y;
        expect(apart).toBe(true);
      }
  });

  it('is kept while the halls and buildings are the same arrays', () => {
    const doc = buildSampleFacility();
    const first = siteLayoutFor(doc);
    expect(siteLayoutFor({ halls: doc.halls, buildings: doc.buildings })).toBe(first);
    expect(siteLayoutFor({ ...doc, halls: [...doc.halls] })).not.toBe(first);
  });
});
