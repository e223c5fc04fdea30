/** Pure helpers for the security overlay: colours, door badges, camera fans and the shown way in. */
import type { Camera, Door, Hall, Point2, ProjectDocument } from '../../shared/index';

/** Zone tints by protection class: the traffic-light order reads "more red, fewer people get in". */
export const ZONE_CLASS_COLOURS = {
  1: '#3fa34d',
  2: '#d4b106',
  3: '#e07b00',
  4: '#c4302b',
} as const satisfies Record<1 | 2 | 3 | 4, string>;

/** The tint of a protection class; a class outside 1–4 (an unvalidated document) is drawn grey. */
export function zoneColour(protectionClass: number): string {
  return (ZONE_CLASS_COLOURS as Record<number, string>)[protectionClass] ?? '#888888';
}

export type BadgeTone = 'weak' | 'medium' | 'strong';

/** Badge backgrounds by how hard the lock is to get past. */
export const BADGE_TONE_COLOURS: Record<BadgeTone, string> = {
  weak: '#9a5b5b',
  medium: '#c98a00',
  strong: '#2f8f46',
};

const CONTROL_TEXT: Record<Door['control'], string> = {
  none: 'open',
  key: 'key',
  card: 'card',
  'card-pin': 'card+PIN',
  biometric: 'bio',
  guard: 'guard',
  mantrap: 'mantrap',
};

/**
 * A key counts as weak with no lock at all: keys are copied and lent, and leave no record of who
 * passed. A card alone is one stolen token away; a second factor, a guard or a portal is strong.
 */
const CONTROL_TONE: Record<Door['control'], BadgeTone> = {
  none: 'weak',
  key: 'weak',
  card: 'medium',
  'card-pin': 'strong',
  biometric: 'strong',
  guard: 'strong',
  mantrap: 'strong',
};

/** The short text and strength shown above a door: its lock, then "⇄" when interlocked and "exit" when egress only. */
export function doorBadge(door: Pick<Door, 'control' | 'interlockId' | 'egressOnly'>): {
  text: string;
  tone: BadgeTone;
} {
  let text = CONTROL_TEXT[door.control];
  if (door.interlockId !== null) text += ' ⇄';
  if (door.egressOnly) text += ' exit';
  return { text, tone: CONTROL_TONE[door.control] };
}

/**
 * The camera's field of view on the floor as a fan: the camera's plan position, then `segments + 1`
 * points along the arc at `rangeM`, from one edge of the view (directionDeg − fovDeg/2) to the other.
 */
export function fovSector(
  camera: Pick<Camera, 'position' | 'directionDeg' | 'fovDeg' | 'rangeM'>,
  segments: number,
): Point2[] {
  const n = Math.max(1, Math.round(segments));
  const start = camera.directionDeg - camera.fovDeg / 2;
  const points: Point2[] = [{ x: camera.position.x, y: camera.position.y }];
  for (let i = 0; i <= n; i++) {
    const a = ((start + (camera.fovDeg * i) / n) * Math.PI) / 180;
    points.push({
      x: camera.position.x + camera.rangeM * Math.cos(a),
      y: camera.position.y + camera.rangeM * Math.sin(a),
    });
  }
  return points;
}

/**
 * The area-weighted centroid of a simple polygon (either winding). A degenerate polygon (no area,
 * say all points on a line) falls back to the mean of its points, which still lies on it.
 */
export function polygonCentroid(points: readonly Point2[]): Point2 {
  if (points.length === 0) return { x: 0, y: 0 };
  // Relative to the first point, so far-off coordinates do not lose precision in the products.
  const o = points[0]!;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const px = points[j]!.x - o.x;
    const py = points[j]!.y - o.y;
    const qx = points[i]!.x - o.x;
    const qy = points[i]!.y - o.y;
    const cross = px * qy - qx * py;
    twiceArea += cross;
    cx += (px + qx) * cross;
    cy += (py + qy) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
    return { x: sum.x / points.length, y: sum.y / points.length };
  }
  return { x: o.x + cx / (3 * twiceArea), y: o.y + cy / (3 * twiceArea) };
}

/** The middle of a hall's floor, in its plan. */
export function hallCentre(hall: Pick<Hall, 'width' | 'depth'>): Point2 {
  return { x: hall.width / 2, y: hall.depth / 2 };
}

/**
 * The plan points a shown way in passes through in one hall, in the path's order: a door at its
 * position, a zone at its polygon's centroid or, drawn as the whole hall, the hall's centre. Steps
 * not drawn in this hall (outside, undrawn rooms, other halls, unknown ids) are left out.
 */
export function pathPoints(path: readonly string[], doc: ProjectDocument, hallId: string): Point2[] {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return [];
  const doors = new Map(doc.doors.map((d) => [d.id, d]));
  const zones = new Map(doc.zones.map((z) => [z.id, z]));
  const points: Point2[] = [];
  for (const step of path) {
    const door = doors.get(step);
    if (door) {
      if (door.hallId === hallId) points.push({ x: door.position.x, y: door.position.y });
      continue;
    }
    const zone = zones.get(step);
    if (zone && zone.hallId === hallId) points.push(zone.polygon ? polygonCentroid(zone.polygon) : hallCentre(hall));
  }
  return points;
}

/**
 * Triangles (world x, y, z per corner) of the fence standing on a closed polygon's edges, from
 * the floor to `height`: two triangles an edge, so a zone's whole fence is one mesh.
 */
export function fenceTriangles(polygon: readonly Point2[], height: number): Float32Array {
  const out = new Float32Array(polygon.length * 18);
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    out.set([a.x, 0, a.y, b.x, 0, b.y, b.x, height, b.y, a.x, 0, a.y, b.x, height, b.y, a.x, height, a.y], i * 18);
  });
  return out;
}

/** Triangles (world x, y, z per corner) of a fan on the floor at height `y`: from `points[0]` to each step of the rest. */
export function floorFanTriangles(points: readonly Point2[], y: number): Float32Array {
  const centre = points[0];
  if (!centre || points.length < 3) return new Float32Array(0);
  const out = new Float32Array((points.length - 2) * 9);
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    out.set([centre.x, y, centre.y, p.x, y, p.y, q.x, y, q.y], (i - 1) * 9);
  }
  return out;
}
