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

export interface Box {
  rack: Rack;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  fx: number;
  fy: number;
}

/**
 * Whether two lists of boxes are the same layout: the same racks (by id) in the same order, with
 * the same footprints, turned the same way. What a layout is measured from; what racks hold is not
 * part of it, so a device edit leaves a hall's layout as it was.
 */
export function sameLayout(
  a: readonly Pick<Box, 'rack' | 'minX' | 'maxX' | 'minY' | 'maxY'>[],
  b: readonly Pick<Box, 'rack' | 'minX' | 'maxX' | 'minY' | 'maxY'>[],
): boolean {
  if (a.length !== b.length) return false;
  for (let n = 0; n < a.length; n++) {
    const x = a[n]!;
    const y = b[n]!;
    if (x.minX !== y.minX || x.maxX !== y.maxX || x.minY !== y.minY || x.maxY !== y.maxY) return false;
    if (x.rack !== y.rack && (x.rack.id !== y.rack.id || x.rack.rotationDeg !== y.rack.rotationDeg)) return false;
  }
  return true;
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
  const { fx, fy } = frontOf(rack.rotationDeg);
  // Written out rather than spread in: every check builds a box per rack, and V8 copies a spread
  // and then adds fields one by one, several times slower on 10,000 racks.
  return { rack, minX: x - ex, maxX: x + ex, minY: y - ey, maxY: y + ey, fx, fy };
}

/**
 * Racks' footprints (`rackBox`) under one catalog, each kept per rack object (the catalog is all
 * it reads besides the rack): a hall's floor, air-layout and zoning checks each want every rack's,
 * and an edit checks again a hall of a few hundred racks, nearly all the same objects. The boxes
 * are shared: read-only.
 */
export function keptRackBoxes(catalog: CatalogView): (rack: Rack) => Box {
  let kept = boxesKept.get(catalog);
  if (!kept) boxesKept.set(catalog, (kept = new WeakMap()));
  const boxes = kept;
  return (rack) => {
    let box = boxes.get(rack);
    if (!box) boxes.set(rack, (box = rackBox(rack, catalog)));
    return box;
  };
}

const boxesKept = new WeakMap<CatalogView, WeakMap<Rack, Box>>();

export interface AisleIssue {
  rule: 'recirculation' | 'cold-aisle' | 'hot-aisle';
  rackId: string;
  otherId: string;
  gapM: number;
}

/** Neighbours across aisles for every rack of one hall. */
export function aisleIssues(boxes: readonly Box[], minColdM: number, minHotM: number): AisleIssue[] {
  // Cells of CELL_M, each listing its boxes by index in input order; plan coordinates stay within
  // ±10,000 m (schema), so i and j fit the numeric key.
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
  // Which scan last looked at each box: a box spanning several cells is measured once per scan.
  const seenBy = new Int32Array(boxes.length).fill(-1);
  let scanNo = 0;
  // The neighbour the last scan found (its index, −1 for none) and the gap to it: scans run
  // 20,000 times on a 10,000-rack site, so they report through these rather than a new object each.
  let found = -1;
  let foundGap = 0;
  /** The nearest box met scanning from box `n` in direction (dx, dy): sets `found` and `foundGap`. */
  const scan = (n: number, dx: number, dy: number): void => {
    const b = boxes[n]!;
    scanNo++;
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    const half = dx !== 0 ? (b.maxY - b.minY) / 4 : (b.maxX - b.minX) / 4;
    const minX = dx > 0 ? b.maxX : dx < 0 ? b.minX - SCAN_M : cx - half;
    const maxX = dx > 0 ? b.maxX + SCAN_M : dx < 0 ? b.minX : cx + half;
    const minY = dx !== 0 ? cy - half : dy > 0 ? b.maxY : b.minY - SCAN_M;
    const maxY = dx !== 0 ? cy + half : dy > 0 ? b.maxY + SCAN_M : b.minY;
    found = -1;
    foundGap = 0;
    const iEnd = cell(maxX);
    const jStart = cell(minY);
    const jEnd = cell(maxY);
    for (let i = cell(minX); i <= iEnd; i++)
      for (let j = jStart; j <= jEnd; j++) {
        const list = grid.get(key(i, j));
        if (list === undefined) continue;
        for (const m of list) {
          if (seenBy[m] === scanNo) continue;
          seenBy[m] = scanNo;
          const o = boxes[m]!;
          if (o === b) continue;
          if (o.maxX <= minX || o.minX >= maxX || o.maxY <= minY || o.minY >= maxY) continue;
          const gap = dx > 0 ? o.minX - b.maxX : dx < 0 ? b.minX - o.maxX : dy > 0 ? o.minY - b.maxY : b.minY - o.maxY;
          // The gap kept is clamped at 0, and later gaps compare against the clamped one.
          if (gap >= -1e-9 && (found === -1 || gap < foundGap)) {
            found = m;
            foundGap = Math.max(0, gap);
          }
        }
      }
  };
  const out: AisleIssue[] = [];
  const EPS = 1e-6;
  boxes.forEach((b, n) => {
    scan(n, b.fx, b.fy);
    if (found !== -1) {
      const other = boxes[found]!;
      const dot = b.fx * other.fx + b.fy * other.fy;
      if (dot === 1) out.push({ rule: 'recirculation', rackId: b.rack.id, otherId: other.rack.id, gapM: foundGap });
      else if (dot === -1 && foundGap < minColdM - EPS && b.rack.id < other.rack.id)
        out.push({ rule: 'cold-aisle', rackId: b.rack.id, otherId: other.rack.id, gapM: foundGap });
    }
    scan(n, -b.fx, -b.fy);
    if (found !== -1) {
      const other = boxes[found]!;
      const dot = b.fx * other.fx + b.fy * other.fy;
      if (dot === -1 && foundGap < minHotM - EPS && b.rack.id < other.rack.id)
        out.push({ rule: 'hot-aisle', rackId: b.rack.id, otherId: other.rack.id, gapM: foundGap });
    }
  });
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
      const members = racksByRow.get(rowId) ?? [];
      const n = members.length;
      if (n === 0) return null;
      // Sums in member order, one pass: each is the running sum a reduce over the boxes would make.
      let x = 0;
      let y = 0;
      let fx = 0;
      let fy = 0;
      for (const r of members) {
        const b = boxes.get(r.id)!;
        x += (b.minX + b.maxX) / 2;
        y += (b.minY + b.maxY) / 2;
        fx += b.fx;
        fy += b.fy;
      }
      return { rowId, x: x / n, y: y / n, fx: fx / n, fy: fy / n };
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
