import { describe, expect, it } from 'vitest';
import { nearestOnSegment, rotatedExtents, snap, snapPoint, snapToEdge, yawForRotation } from './geometry';

describe('scene geometry', () => {
  it('snaps to the grid without binary noise', () => {
    expect(snap(10.14, 0.3)).toBe(10.2);
    expect(snap(-0.16, 0.3)).toBe(-0.3);
    expect(snapPoint({ x: 1.04, y: 2.96 }, 0.6)).toEqual({ x: 1.2, y: 3 });
    expect(snap(1.234, 0)).toBe(1.234);
  });

  it('swaps extents at 90° and 270°', () => {
    expect(rotatedExtents(0.6, 1.2, 0)).toEqual({ x: 0.6, y: 1.2 });
    expect(rotatedExtents(0.6, 1.2, 90)).toEqual({ x: 1.2, y: 0.6 });
    expect(rotatedExtents(0.6, 1.2, 270)).toEqual({ x: 1.2, y: 0.6 });
  });

  it('turns the local front (−Z) to face (sin θ, −cos θ) in plan', () => {
    for (const deg of [0, 90, 180, 270] as const) {
      const yaw = yawForRotation(deg);
      // three.js rotation about Y maps (0, 0, −1) to (−sin yaw, 0, −cos yaw).
      const front = { x: -Math.sin(yaw), y: -Math.cos(yaw) };
      expect(front.x).toBeCloseTo(Math.sin(deg * (Math.PI / 180)), 9);
      expect(front.y).toBeCloseTo(-Math.cos(deg * (Math.PI / 180)), 9);
    }
  });

  it('finds the nearest point of a segment, clamped to its ends', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(nearestOnSegment({ x: 4, y: 3 }, a, b)).toEqual({ point: { x: 4, y: 0 }, distance: 3 });
    expect(nearestOnSegment({ x: -3, y: 4 }, a, b)).toEqual({ point: { x: 0, y: 0 }, distance: 5 });
  });

  it('snaps a door onto the nearest edge within reach, turned along it', () => {
    const edges = [
      { a: { x: 0, y: 0 }, b: { x: 60, y: 0 }, owner: 'south' },
      { a: { x: 60, y: 0 }, b: { x: 60, y: 24 }, owner: 'east' },
    ];
    expect(snapToEdge({ x: 10, y: 0.4 }, edges, 1)).toEqual({ point: { x: 10, y: 0 }, rotationDeg: 0, owner: 'south' });
    expect(snapToEdge({ x: 59.5, y: 12 }, edges, 1)).toEqual({
      point: { x: 60, y: 12 },
      rotationDeg: 90,
      owner: 'east',
    });
    expect(snapToEdge({ x: 30, y: 12 }, edges, 1)).toBeNull();
  });
});
