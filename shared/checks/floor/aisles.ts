/**
 * Each rack's share of the aisles in front of it and behind it, measured on the layout (the
 * distributed basis of docs/engine/floor.md). Racks turn in 90° steps, so footprints are boxes and
 * a front faces (sin θ, −cos θ) in plan (schema: at 0° the intake faces −y). From the front face,
 * and from the back face, a strip as wide as the rack is scanned up to REACH_M: the nearest rack
 * face or wall (its near face, half its thickness off its line; the hall's edge counts as a wall
 * of no thickness) bounds the aisle, and the rack's share is half the clear distance. Half also
 * against a wall, which is conservative: the strip along a wall often carries services, and the
 * other half is left to whatever may stand there later.
 *
 * Where nothing bounds a side within reach, the side is open: the layout does not say where the
 * next row will stand, so the share is half the settings' minimum aisle (cold in front, hot
 * behind), the closest the next row may come.
 */
import type { Hall, Rack, Settings, Wall } from '../../model/schema';
import { sameItems } from '../../collections';
import { frontOf, sameLayout } from '../cooling/layout';
import { AISLE_HALF_CAP_M } from './load';

/** How far a bounding face is looked for, m: twice the cap, beyond which a share no longer grows. */
export const REACH_M = 2 * AISLE_HALF_CAP_M;
const CELL_M = 2;
const EPS = 1e-6;

export interface PlanBox {
  rack: Rack;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface AisleSide {
  /** The rack's share of this aisle, m, before the cap. */
  halfM: number;
  /** What bounds the aisle: another rack, a wall (or the hall's edge), or nothing within reach. */
  by: 'rack' | 'wall' | 'open';
  /** Clear distance to what bounds it, m; null when open. */
  clearM: number | null;
  /** The rack or wall across the aisle; null for the hall's edge or an open side. */
  otherId: string | null;
}

export interface RackAisles {
  front: AisleSide;
  back: AisleSide;
}

interface Segment {
  id: string | null;
  a: { x: number; y: number };
  b: { x: number; y: number };
  halfThickness: number;
}

/**
 * The last shares measured per hall, with what they were measured from: a device edit re-runs its
 * hall's floor check, and a hall of 240 racks is measured in about 0.2 ms for the same layout.
 */
const lastShares = new WeakMap<
  Hall,
  {
    boxes: readonly PlanBox[];
    walls: readonly Wall[];
    minColdM: number;
    minHotM: number;
    shares: ReadonlyMap<string, RackAisles>;
  }
>();

/**
 * Aisle shares of every rack of one hall, keyed by rack id (read-only: the same map is returned
 * for the same hall, walls and layout, `sameLayout`).
 */
export function aisleShares(
  hall: Hall,
  boxes: readonly PlanBox[],
  walls: readonly Wall[],
  cooling: Pick<Settings['cooling'], 'minColdAisleM' | 'minHotAisleM'>,
): ReadonlyMap<string, RackAisles> {
  const last = lastShares.get(hall);
  if (
    last &&
    last.minColdM === cooling.minColdAisleM &&
    last.minHotM === cooling.minHotAisleM &&
    sameItems(last.walls, walls) &&
    sameLayout(last.boxes, boxes)
  )
    return last.shares;
  const shares = measureShares(hall, boxes, walls, cooling);
  lastShares.set(hall, { boxes, walls, minColdM: cooling.minColdAisleM, minHotM: cooling.minHotAisleM, shares });
  return shares;
}

function measureShares(
  hall: Hall,
  boxes: readonly PlanBox[],
  walls: readonly Wall[],
  cooling: Pick<Settings['cooling'], 'minColdAisleM' | 'minHotAisleM'>,
): Map<string, RackAisles> {
  // Cells of CELL_M; plan coordinates stay within ±10,000 m (schema), so i and j fit the numeric key.
  const grid = new Map<number, number[]>();
  const cell = (v: number) => Math.floor(v / CELL_M);
  const key = (i: number, j: number) => (i + 8192) * 16384 + (j + 8192);
  boxes.forEach((b, n) => {
    for (let i = cell(b.minX); i <= cell(b.maxX); i++)
      for (let j = cell(b.minY); j <= cell(b.maxY); j++) {
        const list = grid.get(key(i, j));
        if (list) list.push(n);
        else grid.set(key(i, j), [n]);
      }
  });
  const { width: w, depth: d } = hall;
  const edge = (a: { x: number; y: number }, b: { x: number; y: number }): Segment => ({
    id: null,
    a,
    b,
    halfThickness: 0,
  });
  const segments: Segment[] = [
    ...walls.map((wall) => ({ id: wall.id, a: wall.a, b: wall.b, halfThickness: wall.thickness / 2 })),
    edge({ x: 0, y: 0 }, { x: w, y: 0 }),
    edge({ x: w, y: 0 }, { x: w, y: d }),
    edge({ x: w, y: d }, { x: 0, y: d }),
    edge({ x: 0, y: d }, { x: 0, y: 0 }),
  ];
  // Each segment's extent, widened by half its thickness: a scan skips a segment whose extent
  // misses the strip it scans up to REACH_M. Such a segment either misses the strip, lies wholly
  // behind the face, or is farther than REACH_M, where the side is open whatever bounds it.
  const segMinX = segments.map((g) => Math.min(g.a.x, g.b.x) - g.halfThickness - EPS);
  const segMaxX = segments.map((g) => Math.max(g.a.x, g.b.x) + g.halfThickness + EPS);
  const segMinY = segments.map((g) => Math.min(g.a.y, g.b.y) - g.halfThickness - EPS);
  const segMaxY = segments.map((g) => Math.max(g.a.y, g.b.y) + g.halfThickness + EPS);
  // Which scan last looked at each box: a box spanning several cells is measured once per scan.
  const seenBy = new Int32Array(boxes.length).fill(-1);
  let scanNo = 0;
  // The boxes' edges in flat arrays, read in the inner loop of 20,000 scans on a 10,000-rack site.
  const minXs = new Float64Array(boxes.length);
  const maxXs = new Float64Array(boxes.length);
  const minYs = new Float64Array(boxes.length);
  const maxYs = new Float64Array(boxes.length);
  boxes.forEach((b, n) => {
    minXs[n] = b.minX;
    maxXs[n] = b.maxX;
    minYs[n] = b.minY;
    maxYs[n] = b.maxY;
  });
  // What bounds the aisle the last scan found: scans report through these (and return the clear
  // distance) rather than through a new object each.
  let foundBy: 'rack' | 'wall' = 'rack';
  let foundId: string | null = null;

  /** Clear distance to the nearest face scanning from box `n` in direction (dx, dy), one of the four axis directions. */
  const scan = (n: number, dx: number, dy: number): number => {
    const b = boxes[n]!;
    scanNo++;
    // s runs along the scan direction, l across it; the strip is the rack's own width in l.
    const along = dx !== 0;
    const s0 = dx > 0 ? b.maxX : dx < 0 ? -b.minX : dy > 0 ? b.maxY : -b.minY;
    const lo = (along ? b.minY : b.minX) + EPS;
    const hi = (along ? b.maxY : b.maxX) - EPS;
    let bestClear = Infinity;

    const minX = along ? (dx > 0 ? b.maxX : b.minX - REACH_M) : lo;
    const maxX = along ? (dx > 0 ? b.maxX + REACH_M : b.minX) : hi;
    const minY = along ? lo : dy > 0 ? b.maxY : b.minY - REACH_M;
    const maxY = along ? hi : dy > 0 ? b.maxY + REACH_M : b.minY;
    // Another box's extent across the strip, and its face towards this one along the scan
    // (negated when scanning towards −x or −y, so that the gap is always near − s0).
    const oLos = along ? minYs : minXs;
    const oHis = along ? maxYs : maxXs;
    const sign = dx + dy;
    const nears = dx > 0 ? minXs : dx < 0 ? maxXs : dy > 0 ? minYs : maxYs;
    let bestRack = -1;
    const iEnd = cell(maxX);
    const jStart = cell(minY);
    const jEnd = cell(maxY);
    for (let i = cell(minX); i <= iEnd; i++)
      for (let j = jStart; j <= jEnd; j++) {
        const list = grid.get(key(i, j));
        if (list === undefined) continue;
        for (const m of list) {
          if (m === n || seenBy[m] === scanNo) continue;
          seenBy[m] = scanNo;
          if (oHis[m]! <= lo || oLos[m]! >= hi) continue;
          const gap = (sign > 0 ? nears[m]! : -nears[m]!) - s0;
          if (gap >= -EPS && gap < bestClear) {
            bestClear = gap;
            bestRack = m;
          }
        }
      }

    for (let g = 0; g < segments.length; g++) {
      if (segMaxX[g]! < minX || segMinX[g]! > maxX || segMaxY[g]! < minY || segMinY[g]! > maxY) continue;
      const seg = segments[g]!;
      const la = along ? seg.a.y : seg.a.x;
      const lb = along ? seg.b.y : seg.b.x;
      let t0 = 0;
      let t1 = 1;
      if (Math.abs(lb - la) < EPS) {
        if (la <= lo || la >= hi) continue;
      } else {
        const ta = (lo - la) / (lb - la);
        const tb = (hi - la) / (lb - la);
        t0 = Math.max(0, Math.min(ta, tb));
        t1 = Math.min(1, Math.max(ta, tb));
        if (t0 > t1) continue;
      }
      const sa = dx * seg.a.x + dy * seg.a.y;
      const sb = dx * seg.b.x + dy * seg.b.y;
      const s1 = sa + (sb - sa) * t0;
      const s2 = sa + (sb - sa) * t1;
      // Wholly behind the face: a wall the rack backs onto, or one beside it further back.
      if (Math.max(s1, s2) + seg.halfThickness < s0 - EPS) continue;
      const gap = Math.min(s1, s2) - seg.halfThickness - s0;
      if (gap < bestClear) {
        bestClear = gap;
        bestRack = -1;
        foundId = seg.id;
      }
    }
    foundBy = bestRack === -1 ? 'wall' : 'rack';
    if (bestRack !== -1) foundId = boxes[bestRack]!.rack.id;
    return bestClear;
  };

  /** The side at the clear distance the last scan found; fields in the order callers have always seen. */
  const side = (clear: number, minAisleM: number): AisleSide => {
    if (clear > REACH_M) return { halfM: minAisleM / 2, by: 'open', clearM: null, otherId: null };
    // A face that touches (to float noise), or a wall the rack overlaps, is at 0: the rack stands against it.
    const clearM = clear < EPS ? 0 : clear;
    return { by: foundBy, clearM, otherId: foundId, halfM: clearM / 2 };
  };

  const out = new Map<string, RackAisles>();
  boxes.forEach((b, n) => {
    const { fx, fy } = frontOf(b.rack.rotationDeg);
    const front = side(scan(n, fx, fy), cooling.minColdAisleM);
    out.set(b.rack.id, { front, back: side(scan(n, -fx, -fy), cooling.minHotAisleM) });
  });
  return out;
}
