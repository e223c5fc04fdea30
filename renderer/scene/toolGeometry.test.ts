import { describe, expect, it } from 'vitest';
import { catalogFor, newProject } from '../../shared/index';
import type { LayoutOptions } from '../store/documentStore';
import { nextCorner, plannedRows } from './toolGeometry';

const options: LayoutOptions = {
  rackTypeId: 'rack-48u-600x1200',
  pitchM: null,
  count: null,
  facing: 'a',
  aisle: 'cold',
  aisleWidthM: 1.2,
  wallThicknessM: 0.2,
};

describe('drawing tools', () => {
  it('puts the next wall corner along the nearer axis, at a typed length when there is one', () => {
    expect(nextCorner({ x: 1, y: 1 }, { x: 5, y: 2 }, false, null)).toEqual({ x: 5, y: 1 });
    expect(nextCorner({ x: 1, y: 1 }, { x: 5, y: 2 }, true, null)).toEqual({ x: 5, y: 2 });
    expect(nextCorner({ x: 1, y: 1 }, { x: 0.5, y: -6 }, false, 2.5)).toEqual({ x: 1, y: -1.5 });
    expect(nextCorner({ x: 1, y: 1 }, { x: 4, y: 5 }, true, 10)).toEqual({ x: 7, y: 9 });
    expect(nextCorner({ x: 1, y: 1 }, { x: 1, y: 1 }, false, 3)).toEqual({ x: 4, y: 1 });
  });

  it('plans a row or a row pair with the options, and says why not', () => {
    const catalog = catalogFor(newProject('p'));
    const row = plannedRows(catalog, options, false, { x: 2, y: 2 }, { x: 4.4, y: 2 });
    expect(row.slots[0]).toHaveLength(5);
    const pair = plannedRows(catalog, { ...options, count: 3 }, true, { x: 2, y: 5 }, { x: 9, y: 5 });
    expect(pair.slots.map((s) => s.length)).toEqual([3, 3]);
    expect(plannedRows(catalog, { ...options, pitchM: 0.4 }, false, { x: 0, y: 0 }, { x: 3, y: 0 }).problem).toMatch(
      /less than the rack width/,
    );
  });
});
