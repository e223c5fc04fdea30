/**
 * Plan geometry for zones and cameras, in hall coordinates (metres). Point in polygon by ray
 * casting (the even-odd rule: a ray from the point crosses the boundary an odd number of times
 * when the point is inside); segment crossing by orientation tests.
 */
import type { Point2 } from '../../model/schema';

export interface PlanBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function pointInPolygon(p: Point2, polygon: readonly Point2[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Twice the signed area of the triangle a, b, c: positive when c lies left of a → b. */
function cross(a: Point2, b: Point2, c: Point2): number {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/** Whether segments p1–p2 and q1–q2 cross at a point inside both (touching ends count). */
export function segmentsCross(p1: Point2, p2: Point2, q1: Point2, q2: Point2): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (a: Point2, b: Point2, c: Point2) =>
    Math.min(a.x, b.x) <= c.x && c.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= c.y && c.y <= Math.max(a.y, b.y);
  return (
    (d1 === 0 && on(q1, q2, p1)) ||
    (d2 === 0 && on(q1, q2, p2)) ||
    (d3 === 0 && on(p1, p2, q1)) ||
    (d4 === 0 && on(p1, p2, q2))
  );
}

/** Racks drawn flush against a zone's edge count as inside it: boxes are tested shrunk by 1 mm. */
const INSET_M = 0.001;

/** How much of a footprint a polygon holds: all four corners, none, or some (the rack straddles its edge). */
export function boxInPolygon(footprint: PlanBox, polygon: readonly Point2[]): 'inside' | 'outside' | 'partial' {
  const box = {
    minX: footprint.minX + INSET_M,
    maxX: footprint.maxX - INSET_M,
    minY: footprint.minY + INSET_M,
    maxY: footprint.maxY - INSET_M,
  };
  const corners = [
    { x: box.minX, y: box.minY },
    { x: box.maxX, y: box.minY },
    { x: box.maxX, y: box.maxY },
    { x: box.minX, y: box.maxY },
  ];
  const inside = corners.filter((c) => pointInPolygon(c, polygon)).length;
  // A polygon corner poking into the box, or an edge cutting across it, also splits the rack.
  const cut =
    polygon.some((v) => v.x > box.minX && v.x < box.maxX && v.y > box.minY && v.y < box.maxY) ||
    polygon.some((a, i) => {
      const b = polygon[(i + 1) % polygon.length]!;
      return corners.some((c, k) => segmentsCrossStrictly(a, b, c, corners[(k + 1) % 4]!));
    });
  if (inside === 4 && !cut) return 'inside';
  if (inside === 0 && !cut) return 'outside';
  return 'partial';
}

/** Crossing in the interior of both segments only: a zone edge running along a rack's side does not split it. */
function segmentsCrossStrictly(p1: Point2, p2: Point2, q1: Point2, q2: Point2): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}
