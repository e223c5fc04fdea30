/**
 * Walking through a hall in first person: the walker is a circle of radius BODY_RADIUS_M in plan,
 * walls are segments (with the openings of their doors cut out, so doors are passable), racks and
 * floor-standing cooling units are boxes. A step that would overlap an obstacle slides along it:
 * the move is tried whole, then along x only, then along y only (axis separation), in sub-steps no
 * longer than half the radius so that a fast step cannot tunnel through a thin wall.
 */
import { catalogFor } from '../catalog';
import { rackBox } from '../checks/cooling/layout';
import type { Point2, ProjectDocument } from '../model/schema';

/** Eye height of a standing adult, m (issue 7). */
export const EYE_HEIGHT_M = 1.7;
/** Half a person's shoulder width, m: how close the eye may come to a wall or a rack. */
export const BODY_RADIUS_M = 0.3;

export interface Segment {
  a: Point2;
  b: Point2;
  /** Half the wall's thickness, m. */
  halfThickness: number;
}

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface Obstacles {
  width: number;
  depth: number;
  segments: Segment[];
  boxes: Box[];
}

const sub = (p: Point2, q: Point2) => ({ x: p.x - q.x, y: p.y - q.y });
const dot = (p: Point2, q: Point2) => p.x * q.x + p.y * q.y;

/** Distance from p to the segment ab. */
export function segmentDistance(p: Point2, a: Point2, b: Point2): number {
  const ab = sub(b, a);
  const len2 = dot(ab, ab);
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, dot(sub(p, a), ab) / len2));
  return Math.hypot(p.x - (a.x + t * ab.x), p.y - (a.y + t * ab.y));
}

function boxDistance(p: Point2, b: Box): number {
  const dx = Math.max(b.minX - p.x, 0, p.x - b.maxX);
  const dy = Math.max(b.minY - p.y, 0, p.y - b.maxY);
  return Math.hypot(dx, dy);
}

/** A wall with the openings of the doors that stand on it removed: the solid pieces that remain. */
function wallPieces(
  wall: { a: Point2; b: Point2; thickness: number },
  doors: readonly { position: Point2; width: number }[],
): Segment[] {
  const ab = sub(wall.b, wall.a);
  const length = Math.hypot(ab.x, ab.y);
  if (length === 0) return [];
  const along = { x: ab.x / length, y: ab.y / length };
  const cuts: [number, number][] = [];
  for (const d of doors) {
    // A door stands on this wall when its centre lies on the wall line, within half the wall's thickness.
    if (segmentDistance(d.position, wall.a, wall.b) > wall.thickness / 2 + 0.05) continue;
    const t = dot(sub(d.position, wall.a), along);
    cuts.push([t - d.width / 2, t + d.width / 2]);
  }
  cuts.sort((p, q) => p[0] - q[0]);
  const pieces: Segment[] = [];
  let from = 0;
  const at = (t: number) => ({ x: wall.a.x + along.x * t, y: wall.a.y + along.y * t });
  for (const [start, end] of cuts) {
    if (start > from) pieces.push({ a: at(from), b: at(Math.min(start, length)), halfThickness: wall.thickness / 2 });
    from = Math.max(from, end);
  }
  if (from < length) pieces.push({ a: at(from), b: at(length), halfThickness: wall.thickness / 2 });
  return pieces;
}

/** What a walker in hall `hallId` bumps into. */
export function walkObstacles(doc: ProjectDocument, hallId: string): Obstacles {
  const hall = doc.halls.find((h) => h.id === hallId);
  const catalog = catalogFor(doc);
  const doors = doc.doors.filter((d) => d.hallId === hallId);
  const segments = doc.walls.filter((w) => w.hallId === hallId).flatMap((w) => wallPieces(w, doors));
  const boxes: Box[] = doc.racks.filter((r) => r.hallId === hallId).map((r) => rackBox(r, catalog));
  for (const u of doc.cooling) {
    if (u.kind !== 'air-handler' && u.kind !== 'cdu' && u.kind !== 'immersion-tank') continue;
    if (u.hallId !== hallId) continue;
    const turned = u.rotationDeg % 180 !== 0;
    const ex = (turned ? u.depthM : u.widthM) / 2;
    const ey = (turned ? u.widthM : u.depthM) / 2;
    boxes.push({ minX: u.position.x - ex, maxX: u.position.x + ex, minY: u.position.y - ey, maxY: u.position.y + ey });
  }
  return { width: hall?.width ?? 0, depth: hall?.depth ?? 0, segments, boxes };
}

/** How far beyond the hall a walker may step through an outside door before the model ends, m. */
export const OUTSIDE_MARGIN_M = 5;

/** Whether a walker centred at p overlaps anything, or has walked off the edge of the model. */
export function blocked(p: Point2, obstacles: Obstacles, radius = BODY_RADIUS_M): boolean {
  const m = OUTSIDE_MARGIN_M;
  if (p.x < -m || p.y < -m || p.x > obstacles.width + m || p.y > obstacles.depth + m) return true;
  for (const s of obstacles.segments) if (segmentDistance(p, s.a, s.b) < radius + s.halfThickness) return true;
  for (const b of obstacles.boxes) if (boxDistance(p, b) < radius) return true;
  return false;
}

/** Where a walker at `from` ends up after trying to move by `delta`, sliding along what it meets. */
export function walk(from: Point2, delta: Point2, obstacles: Obstacles, radius = BODY_RADIUS_M): Point2 {
  const length = Math.hypot(delta.x, delta.y);
  const steps = Math.max(1, Math.ceil(length / (radius / 2)));
  let p = from;
  for (let i = 0; i < steps; i++) {
    const dx = delta.x / steps;
    const dy = delta.y / steps;
    const candidates = [
      { x: p.x + dx, y: p.y + dy },
      { x: p.x + dx, y: p.y },
      { x: p.x, y: p.y + dy },
    ];
    const next = candidates.find((c) => !blocked(c, obstacles, radius));
    if (!next) break;
    p = next;
  }
  return p;
}

/**
 * Where a walk starts: 1 m inside the hall's first door, facing in (across its wall, towards the
 * hall's middle), else the first free point on a 1 m grid from the hall's middle outwards.
 */
export function walkStart(doc: ProjectDocument, hallId: string): { position: Point2; headingDeg: number } {
  const obstacles = walkObstacles(doc, hallId);
  const centre = { x: obstacles.width / 2, y: obstacles.depth / 2 };
  for (const d of doc.doors.filter((x) => x.hallId === hallId)) {
    const inward =
      d.rotationDeg % 180 === 0
        ? { x: 0, y: Math.sign(centre.y - d.position.y) || 1 }
        : { x: Math.sign(centre.x - d.position.x) || 1, y: 0 };
    const p = { x: d.position.x + inward.x, y: d.position.y + inward.y };
    if (!blocked(p, obstacles)) return { position: p, headingDeg: (Math.atan2(inward.y, inward.x) * 180) / Math.PI };
  }
  for (let r = 0; r < Math.max(obstacles.width, obstacles.depth); r++)
    for (let i = -r; i <= r; i++)
      for (const p of [
        { x: centre.x + i, y: centre.y - r },
        { x: centre.x + i, y: centre.y + r },
        { x: centre.x - r, y: centre.y + i },
        { x: centre.x + r, y: centre.y + i },
      ])
        if (!blocked(p, obstacles)) return { position: p, headingDeg: 0 };
  return { position: centre, headingDeg: 0 };
}
