/**
 * Layout rules for air (docs/engine/cooling.md, check 5). Racks turn in 90° steps, so footprints
 * are axis-aligned boxes and a rack's front (intake) faces (sin θ, −cos θ) in plan. From each
 * rack's front a strip half its width wide is scanned up to SCAN_M: the first rack met is its
 * neighbour across the aisle. Front to front is a cold aisle (width checked against the minimum);
 * facing another rack's back means the intake draws that rack's exhaust. From each back, a rack
 * back to back is across a hot aisle (width checked). A containment's rows must face the way its
 * type says: into a contained cold aisle, away from a contained hot aisle.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument, Rack } from '../../model/schema';

/** How far across an aisle a neighbour is looked for, m: wider than any aisle drawn as one. */
export const SCAN_M = 3;
const CELL_M = 2;

interface Box {
  rack: Rack;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  fx: number;
  fy: number;
}

export function frontOf(rotationDeg: number): { fx: number; fy: number } {
  const t = (rotationDeg * Math.PI) / 180;
  // + 0 turns a rounded −0 into 0, so equal directions compare equal.
  return { fx: Math.round(Math.sin(t)) + 0, fy: Math.round(-Math.cos(t)) + 0 };
}

export function rackBox(rack: Rack, catalog: CatalogView): Box {
  const type = catalog.rackType(rack.rackTypeId);
  const w = type?.widthM ?? 0.6;
  const d = type?.depthM ?? 1.2;
  const turned = rack.rotationDeg % 180 !== 0;
  const ex = (turned ? d : w) / 2;
  const ey = (turned ? w : d) / 2;
  const { x, y } = rack.position;
  return { rack, minX: x - ex, maxX: x + ex, minY: y - ey, maxY: y + ey, ...frontOf(rack.rotationDeg) };
}

export interface AisleIssue {
  rule: 'recirculation' | 'cold-aisle' | 'hot-aisle';
  rackId: string;
  otherId: string;
  gapM: number;
}

/** Neighbours across aisles for every rack of one hall. */
export function aisleIssues(boxes: readonly Box[], minColdM: number, minHotM: number): AisleIssue[] {
  const grid = new Map<string, Box[]>();
  const cell = (v: number) => Math.floor(v / CELL_M);
  for (const b of boxes)
    for (let i = cell(b.minX); i <= cell(b.maxX); i++)
      for (let j = cell(b.minY); j <= cell(b.maxY); j++) {
        const key = `${i},${j}`;
        const list = grid.get(key);
        if (list) list.push(b);
        else grid.set(key, [b]);
      }
  /** The nearest box met scanning from `b` in direction (dx, dy), with the gap to it. */
  const scan = (b: Box, dx: number, dy: number): { other: Box; gap: number } | null => {
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    const half = dx !== 0 ? (b.maxY - b.minY) / 4 : (b.maxX - b.minX) / 4;
    const strip =
      dx > 0
        ? { minX: b.maxX, maxX: b.maxX + SCAN_M, minY: cy - half, maxY: cy + half }
        : dx < 0
          ? { minX: b.minX - SCAN_M, maxX: b.minX, minY: cy - half, maxY: cy + half }
          : dy > 0
            ? { minX: cx - half, maxX: cx + half, minY: b.maxY, maxY: b.maxY + SCAN_M }
            : { minX: cx - half, maxX: cx + half, minY: b.minY - SCAN_M, maxY: b.minY };
    let best: { other: Box; gap: number } | null = null;
    const seen = new Set<Box>();
    for (let i = cell(strip.minX); i <= cell(strip.maxX); i++)
      for (let j = cell(strip.minY); j <= cell(strip.maxY); j++)
        for (const o of grid.get(`${i},${j}`) ?? []) {
          if (o === b || seen.has(o)) continue;
          seen.add(o);
          if (o.maxX <= strip.minX || o.minX >= strip.maxX || o.maxY <= strip.minY || o.minY >= strip.maxY) continue;
          const gap = dx > 0 ? o.minX - b.maxX : dx < 0 ? b.minX - o.maxX : dy > 0 ? o.minY - b.maxY : b.minY - o.maxY;
          if (gap >= -1e-9 && (best === null || gap < best.gap)) best = { other: o, gap: Math.max(0, gap) };
        }
    return best;
  };
  const out: AisleIssue[] = [];
  const EPS = 1e-6;
  for (const b of boxes) {
    const front = scan(b, b.fx, b.fy);
    if (front) {
      const dot = b.fx * front.other.fx + b.fy * front.other.fy;
      if (dot === 1)
        out.push({ rule: 'recirculation', rackId: b.rack.id, otherId: front.other.rack.id, gapM: front.gap });
      else if (dot === -1 && front.gap < minColdM - EPS && b.rack.id < front.other.rack.id)
        out.push({ rule: 'cold-aisle', rackId: b.rack.id, otherId: front.other.rack.id, gapM: front.gap });
    }
    const back = scan(b, -b.fx, -b.fy);
    if (back) {
      const dot = b.fx * back.other.fx + b.fy * back.other.fy;
      if (dot === -1 && back.gap < minHotM - EPS && b.rack.id < back.other.rack.id)
        out.push({ rule: 'hot-aisle', rackId: b.rack.id, otherId: back.other.rack.id, gapM: back.gap });
    }
  }
  return out;
}

/** Containments whose rows face the wrong way for their type, with the offending rows. */
export function misorientedContainments(
  doc: ProjectDocument,
  boxes: ReadonlyMap<string, Box>,
  racksByRow: ReadonlyMap<string, readonly Rack[]>,
): { containmentId: string; rowIds: string[] }[] {
  const out: { containmentId: string; rowIds: string[] }[] = [];
  for (const c of doc.containments) {
    if (c.rowIds.length !== 2) continue;
    const rows = c.rowIds.map((rowId) => {
      const members = (racksByRow.get(rowId) ?? []).map((r) => boxes.get(r.id)!);
      const n = members.length;
      if (n === 0) return null;
      return {
        rowId,
        x: members.reduce((s, b) => s + (b.minX + b.maxX) / 2, 0) / n,
        y: members.reduce((s, b) => s + (b.minY + b.maxY) / 2, 0) / n,
        fx: members.reduce((s, b) => s + b.fx, 0) / n,
        fy: members.reduce((s, b) => s + b.fy, 0) / n,
      };
    });
    const [a, b] = rows;
    if (!a || !b) continue;
    const wrong: string[] = [];
    for (const [row, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const towards = row.fx * (other.x - row.x) + row.fy * (other.y - row.y);
      // Cold aisle: intakes face the aisle between the rows; hot aisle: exhausts do.
      if (c.type === 'cold' ? towards <= 0 : towards >= 0) wrong.push(row.rowId);
    }
    if (wrong.length > 0) out.push({ containmentId: c.id, rowIds: wrong });
  }
  return out;
}
