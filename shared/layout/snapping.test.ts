import { describe, expect, it } from 'vitest';
import { newHall } from '../model/factory';
import type { Obstacle } from './obstacles';
import { indexObstacles } from './obstacles';
import { snapMove, snapToGrid } from './snapping';

const hall = newHall({ id: 'h', name: 'H', code: 'A', width: 20, depth: 10, height: 5 });
const rack = (minX: number, minY: number): Obstacle => ({
  id: 'o',
  name: 'O',
  kind: 'rack',
  rect: { minX, maxX: minX + 0.6, minY, maxY: minY + 1.2 },
});

describe('snapping', () => {
  it('snaps an edge onto a neighbour within the tolerance, else moves in grid steps', () => {
    const idx = indexObstacles(hall, [rack(6, 4)]);
    const moving = { minX: 2, maxX: 2.6, minY: 4.07, maxY: 4.67 };
    // Dragged 3.33 m right: its right edge 5.93 snaps to the neighbour's left edge 6, its top to 4.
    const s = snapMove(moving, 3.33, 0, idx, { gridM: 0.3, toleranceM: 0.1 });
    expect(s.dx).toBeCloseTo(3.4, 9);
    expect(s.dy).toBeCloseTo(-0.07, 9);
    expect(s.guides).toEqual([
      { axis: 'x', at: 6 },
      { axis: 'y', at: 4 },
    ]);
    const free = snapMove(moving, 1.04, 2.5, idx, { gridM: 0.3, toleranceM: 0.1 });
    expect(free).toEqual({ dx: 0.9, dy: 2.4, guides: [] });
  });

  it('snaps to wall lines and faces, and to the hall edge', () => {
    const wall: Obstacle = {
      id: 'w',
      name: 'wall',
      kind: 'wall',
      rect: { minX: 9.9, maxX: 10.1, minY: 0, maxY: 10 },
      wall: { a: { x: 10, y: 0 }, b: { x: 10, y: 10 }, half: 0.1 },
    };
    const idx = indexObstacles(hall, [wall]);
    const s = snapMove({ minX: 8, maxX: 8.6, minY: 3, maxY: 4.2 }, 1.25, 0, idx, { gridM: 0.3, toleranceM: 0.1 });
    expect(s.dx).toBeCloseTo(1.3, 9);
    expect(s.guides).toEqual([{ axis: 'x', at: 9.9 }]);
    expect(
      snapMove({ minX: 1, maxX: 1.6, minY: 3, maxY: 4.2 }, -0.95, 0, idx, { gridM: 0.3, toleranceM: 0.1 }).dx,
    ).toBe(-1);
    expect(snapToGrid(10.2, 0.3)).toBe(10.2);
  });
});
