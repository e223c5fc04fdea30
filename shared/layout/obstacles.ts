/**
 * What stands on a hall's floor, indexed for the layout tools: racks and floor-standing cooling
 * units as rectangles, walls as segments of their thickness (drawn centred on their line, as the
 * 3D view and the walk collision take them). A uniform grid of CELL_M cells keeps every query
 * local, so a drag over a 10,000-rack hall looks at the few things near the pointer.
 */
import type { CatalogView } from '../catalog';
import { pushTo } from '../collections';
import type { Hall, Point2, ProjectDocument } from '../model/schema';
import { coolingUnitSize, footprintRect, type FloorCoolingUnit, rackRect, rectsOverlap, type Rect } from './footprint';

export interface Obstacle {
  id: string;
  name: string;
  kind: 'rack' | 'cooling' | 'wall';
  /** The bounding rectangle (a wall's is its segment's, grown by half its thickness). */
  rect: Rect;
  /** Walls only: the centreline and half the thickness. */
  wall?: { a: Point2; b: Point2; half: number };
}

const CELL_M = 4;

export interface ObstacleIndex {
  hall: Hall;
  /** Obstacles whose bounding rectangle meets `r` (grown by `margin`). */
  near(r: Rect, margin?: number): Obstacle[];
}

export function hallObstacles(
  doc: ProjectDocument,
  catalog: CatalogView,
  hallId: string,
  exclude: ReadonlySet<string>,
): Obstacle[] {
  const out: Obstacle[] = [];
  for (const r of doc.racks)
    if (r.hallId === hallId && !exclude.has(r.id))
      out.push({ id: r.id, name: r.name, kind: 'rack', rect: rackRect(r, catalog) });
  for (const u of doc.cooling)
    if ('position' in u && u.hallId === hallId && !exclude.has(u.id))
      out.push({
        id: u.id,
        name: u.name,
        kind: 'cooling',
        rect: coolingRect(u),
      });
  for (const w of doc.walls) {
    if (w.hallId !== hallId || exclude.has(w.id)) continue;
    const half = w.thickness / 2;
    out.push({
      id: w.id,
      name: 'wall',
      kind: 'wall',
      rect: {
        minX: Math.min(w.a.x, w.b.x) - half,
        maxX: Math.max(w.a.x, w.b.x) + half,
        minY: Math.min(w.a.y, w.b.y) - half,
        maxY: Math.max(w.a.y, w.b.y) + half,
      },
      wall: { a: w.a, b: w.b, half },
    });
  }
  return out;
}

export function coolingRect(u: FloorCoolingUnit): Rect {
  const { widthM, depthM } = coolingUnitSize(u);
  return footprintRect(u.position, widthM, depthM, u.rotationDeg);
}

export function indexObstacles(hall: Hall, obstacles: readonly Obstacle[]): ObstacleIndex {
  const grid = new Map<string, Obstacle[]>();
  const cell = (v: number) => Math.floor(v / CELL_M);
  for (const o of obstacles)
    for (let i = cell(o.rect.minX); i <= cell(o.rect.maxX); i++)
      for (let j = cell(o.rect.minY); j <= cell(o.rect.maxY); j++) {
        pushTo(grid, `${i},${j}`, o);
      }
  return {
    hall,
    near(r, margin = 0) {
      const found = new Set<Obstacle>();
      const g = { minX: r.minX - margin, maxX: r.maxX + margin, minY: r.minY - margin, maxY: r.maxY + margin };
      for (let i = cell(g.minX); i <= cell(g.maxX); i++)
        for (let j = cell(g.minY); j <= cell(g.maxY); j++)
          for (const o of grid.get(`${i},${j}`) ?? [])
            if (o.rect.minX <= g.maxX && g.minX <= o.rect.maxX && o.rect.minY <= g.maxY && g.minY <= o.rect.maxY)
              found.add(o);
      return [...found];
    },
  };
}

/** Distance from point p to segment a–b. */
function segmentDistance(p: Point2, a: Point2, b: Point2): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * True when segment a–b, grown by `half`, meets rectangle r (shrunk by 1 mm so touching does not
 * count): the distance between a segment and a convex polygon is 0 when they cross or an end lies
 * inside, else the least of the ends' distances to the polygon and the corners' to the segment.
 */
export function wallMeetsRect(wall: { a: Point2; b: Point2; half: number }, r: Rect): boolean {
  const e = 1e-3;
  const box = { minX: r.minX + e, maxX: r.maxX - e, minY: r.minY + e, maxY: r.maxY - e };
  const corners = [
    { x: box.minX, y: box.minY },
    { x: box.maxX, y: box.minY },
    { x: box.maxX, y: box.maxY },
    { x: box.minX, y: box.maxY },
  ];
  const toBox = (p: Point2) =>
    Math.hypot(Math.max(box.minX - p.x, 0, p.x - box.maxX), Math.max(box.minY - p.y, 0, p.y - box.maxY));
  if (toBox(wall.a) < wall.half || toBox(wall.b) < wall.half) return true;
  if (corners.some((c) => segmentDistance(c, wall.a, wall.b) < wall.half)) return true;
  for (let i = 0; i < 4; i++) if (segmentsCross(wall.a, wall.b, corners[i]!, corners[(i + 1) % 4]!)) return true;
  return false;
}

function segmentsCross(p1: Point2, p2: Point2, q1: Point2, q2: Point2): boolean {
  const cross = (o: Point2, a: Point2, b: Point2) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

export interface Conflict {
  /** The obstacle met, or null for the hall's boundary. */
  with: Obstacle | null;
  message: string;
}

/** What a footprint `rect` (of an item named `name`) would collide with: obstacles and the hall's boundary. */
export function conflictsOf(name: string, rect: Rect, index: ObstacleIndex): Conflict[] {
  const out: Conflict[] = [];
  const { hall } = index;
  const e = 1e-3;
  if (rect.minX < -e || rect.minY < -e || rect.maxX > hall.width + e || rect.maxY > hall.depth + e)
    out.push({ with: null, message: `${name} would stand outside ${hall.name}` });
  for (const o of index.near(rect)) {
    const hit = o.wall ? wallMeetsRect(o.wall, rect) : rectsOverlap(rect, o.rect);
    if (hit)
      out.push({
        with: o,
        message: o.kind === 'wall' ? `${name} would cross a wall` : `${name} would overlap ${o.name}`,
      });
  }
  return out;
}

export interface Clearance {
  /** Clear distance, m, to the nearest obstacle or the hall's boundary in that direction. */
  distance: number;
  /** What is there: an obstacle's name, "wall" or "hall boundary". */
  to: string;
}

/** How far the scan for clearances looks, m; beyond it the hall's boundary is reported. */
const CLEARANCE_SCAN_M = 20;

/**
 * Clear distances from `rect` to the nearest thing in −x, +x, −y and +y whose span overlaps the
 * rectangle's (what an engineer reads off a plan while dragging: aisle widths, gaps to walls).
 */
export function clearances(
  rect: Rect,
  index: ObstacleIndex,
): Record<'minusX' | 'plusX' | 'minusY' | 'plusY', Clearance> {
  const { hall } = index;
  const out = {
    minusX: { distance: rect.minX, to: 'hall boundary' },
    plusX: { distance: hall.width - rect.maxX, to: 'hall boundary' },
    minusY: { distance: rect.minY, to: 'hall boundary' },
    plusY: { distance: hall.depth - rect.maxY, to: 'hall boundary' },
  };
  const e = 1e-3;
  for (const o of index.near(rect, CLEARANCE_SCAN_M)) {
    const r = o.rect;
    const spansY = r.minY < rect.maxY - e && rect.minY < r.maxY - e;
    const spansX = r.minX < rect.maxX - e && rect.minX < r.maxX - e;
    const label = o.kind === 'wall' ? 'wall' : o.name;
    if (spansY && r.maxX <= rect.minX + e && rect.minX - r.maxX < out.minusX.distance)
      out.minusX = { distance: rect.minX - r.maxX, to: label };
    if (spansY && r.minX >= rect.maxX - e && r.minX - rect.maxX < out.plusX.distance)
      out.plusX = { distance: r.minX - rect.maxX, to: label };
    if (spansX && r.maxY <= rect.minY + e && rect.minY - r.maxY < out.minusY.distance)
      out.minusY = { distance: rect.minY - r.maxY, to: label };
    if (spansX && r.minY >= rect.maxY - e && r.minY - rect.maxY < out.plusY.distance)
      out.plusY = { distance: r.minY - rect.maxY, to: label };
  }
  for (const c of Object.values(out)) c.distance = Math.max(0, Number(c.distance.toFixed(4)));
  return out;
}
