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

/** The point of segment a–b nearest to p, and its distance. */
export function nearestOnSegment(p: Point2, a: Point2, b: Point2): { point: Point2; distance: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1);
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { point, distance: Math.hypot(p.x - point.x, p.y - point.y) };
}

export interface Edge<T> {
  a: Point2;
  b: Point2;
  owner: T;
}

/**
 * Where a door clicked near `p` goes: onto the nearest edge (a wall, a zone's fence) within
 * `reach` metres, turned along it (0° along x, 90° along y, the nearer of the two).
 */
export function snapToEdge<T>(
  p: Point2,
  edges: readonly Edge<T>[],
  reach: number,
): { point: Point2; rotationDeg: 0 | 90; owner: T } | null {
  let best: { point: Point2; distance: number; edge: Edge<T> } | null = null;
  for (const edge of edges) {
    const n = nearestOnSegment(p, edge.a, edge.b);
    if (n.distance <= reach && (best === null || n.distance < best.distance)) best = { ...n, edge };
  }
  if (!best) return null;
  const alongX = Math.abs(best.edge.b.x - best.edge.a.x) >= Math.abs(best.edge.b.y - best.edge.a.y);
  const round = (v: number) => Number(v.toFixed(3));
  return {
    point: { x: round(best.point.x), y: round(best.point.y) },
    rotationDeg: alongX ? 0 : 90,
    owner: best.edge.owner,
  };
}
