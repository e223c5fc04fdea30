import { describe, expect, it } from 'vitest';
import { insideBox, insidePolygon } from './marquee';

describe('box and lasso selection', () => {
  it('tests points against a box dragged either way and an L-shaped lasso', () => {
    expect(insideBox({ x: 5, y: 5 }, { x: 10, y: 10 }, { x: 0, y: 0 })).toBe(true);
    expect(insideBox({ x: 11, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 10 })).toBe(false);
    const lShape = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(insidePolygon({ x: 2, y: 8 }, lShape)).toBe(true);
    expect(insidePolygon({ x: 8, y: 8 }, lShape)).toBe(false);
    expect(insidePolygon({ x: 8, y: 2 }, lShape)).toBe(true);
  });
});
