/**
 * Plan ↔ world mapping and snapping. Plan x → world X, plan y → world Z, height → world Y.
 * A rack at rotation θ (clockwise seen from above) has its front facing (sin θ, −cos θ) in plan;
 * in three.js that is a rotation of −θ about Y, the local front being −Z.
 */
import type { Point2, Rotation } from '../../shared/index';

export const DEG = Math.PI / 180;

export function yawForRotation(rotationDeg: Rotation): number {
  return -rotationDeg * DEG;
}

/** Plan extents of a footprint after rotation: 90° and 270° swap width and depth. */
export function rotatedExtents(widthM: number, depthM: number, rotationDeg: Rotation): { x: number; y: number } {
  return rotationDeg % 180 === 0 ? { x: widthM, y: depthM } : { x: depthM, y: widthM };
}

export function snap(value: number, grid: number): number {
  if (!(grid > 0)) return value;
  // Round to the grid, then trim binary noise so 10.2 stays 10.2 rather than 10.200000000000001.
  return Number((Math.round(value / grid) * grid).toFixed(6));
}

export function snapPoint(p: Point2, grid: number): Point2 {
  return { x: snap(p.x, grid), y: snap(p.y, grid) };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
