import { describe, expect, it } from 'vitest';
import { BODY_RADIUS_M, walk, walkObstacles } from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import { obstaclesWithinReach, walkGrid } from './WalkControls';

describe('a walk frame looks only at the boxes within reach', () => {
  const doc = buildStressSite(1_000);
  const hall = doc.halls[0]!;
  const obstacles = walkObstacles(doc, hall.id);
  const grid = walkGrid(hall, obstacles);

  it('keeps few of the hall’s boxes near the walker, and every box that touches the step’s reach', () => {
    expect(obstacles.boxes.length).toBeGreaterThan(100);
    const from = { x: hall.width / 2, y: hall.depth / 2 };
    const delta = { x: 0.1, y: 0 };
    const near = obstaclesWithinReach(obstacles, grid, from, delta);
    expect(near.boxes.length).toBeLessThan(obstacles.boxes.length / 5);
    const reach = Math.hypot(delta.x, delta.y) + BODY_RADIUS_M;
    const distance = (b: (typeof obstacles.boxes)[number]) =>
      Math.hypot(Math.max(b.minX - from.x, 0, from.x - b.maxX), Math.max(b.minY - from.y, 0, from.y - b.maxY));
    for (const box of obstacles.boxes) if (distance(box) <= reach) expect(near.boxes).toContain(box);
    expect(near.segments).toBe(obstacles.segments);
  });

  it('walks exactly as with every box of the hall, at any place, in any direction, walking or running', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so that a failure repeats.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let stopped = 0;
    for (let i = 0; i < 3_000; i++) {
      const from = { x: -2 + next() * (hall.width + 4), y: -2 + next() * (hall.depth + 4) };
      const angle = next() * 2 * Math.PI;
      // Up to 5 m/s over the longest frame step WalkControls takes (0.1 s), and now and then a long stride.
      const length = i % 50 === 0 ? 3 : next() * 0.5;
      const delta = { x: Math.cos(angle) * length, y: Math.sin(angle) * length };
      const everyBox = walk(from, delta, obstacles);
      expect(walk(from, delta, obstaclesWithinReach(obstacles, grid, from, delta))).toEqual(everyBox);
      if (Math.hypot(everyBox.x - from.x - delta.x, everyBox.y - from.y - delta.y) > 1e-9) stopped++;
    }
    // Many of the steps met a rack, a unit or a wall (stopped or slid): the boxes' part was tested.
    expect(stopped).toBeGreaterThan(300);
  });
});
