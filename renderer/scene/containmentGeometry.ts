/**
 * Where a containment's panels go: the aisle rectangle between its rows' footprints (plan
 * coordinates, racks turn in 90° steps so footprints are boxes). Two rows: the gap between them.
 * One row: a strip of AISLE_M behind its backs (hot aisle) or before its fronts (cold aisle).
 */
import type { CatalogView, Containment, Rack } from '../../shared/index';
import { rotatedExtents } from './geometry';

const AISLE_M = 1.2;

export interface AisleBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Roof height: the tallest rack of the rows, m. */
  heightM: number;
  /** Whether the aisle runs along x (rows side by side in x). */
  alongX: boolean;
}

interface RowBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  heightM: number;
  fx: number;
  fy: number;
}

/** Racks grouped by row, built once per document so many containments do not each scan every rack. */
export function racksByRow(racks: readonly Rack[]): Map<string, Rack[]> {
  const out = new Map<string, Rack[]>();
  for (const r of racks) {
    if (r.rowId === null) continue;
    const list = out.get(r.rowId) ?? [];
    list.push(r);
    out.set(r.rowId, list);
  }
  return out;
}

function rowBox(racks: readonly Rack[] | undefined, catalog: CatalogView): RowBox | null {
  if (!racks || racks.length === 0) return null;
  const box: RowBox = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, heightM: 0, fx: 0, fy: 0 };
  for (const r of racks) {
    const t = catalog.rackType(r.rackTypeId);
    const e = rotatedExtents(t?.widthM ?? 0.6, t?.depthM ?? 1.2, r.rotationDeg);
    box.minX = Math.min(box.minX, r.position.x - e.x / 2);
    box.maxX = Math.max(box.maxX, r.position.x + e.x / 2);
    box.minY = Math.min(box.minY, r.position.y - e.y / 2);
    box.maxY = Math.max(box.maxY, r.position.y + e.y / 2);
    box.heightM = Math.max(box.heightM, t?.heightM ?? 2.2);
    const th = (r.rotationDeg * Math.PI) / 180;
    box.fx += Math.sin(th) / racks.length;
    box.fy += -Math.cos(th) / racks.length;
  }
  return box;
}

export function aisleBox(
  doc: { racks: readonly Rack[] },
  catalog: CatalogView,
  c: Containment,
  byRow: ReadonlyMap<string, readonly Rack[]> = racksByRow(doc.racks),
): AisleBox | null {
  const rows = c.rowIds.map((id) => rowBox(byRow.get(id), catalog)).filter((b): b is RowBox => b !== null);
  if (rows.length === 0) return null;
  const heightM = Math.max(...rows.map((r) => r.heightM));
  if (rows.length === 2) {
    const [a, b] = rows as [RowBox, RowBox];
    const gapY = Math.max(b.minY - a.maxY, a.minY - b.maxY);
    const gapX = Math.max(b.minX - a.maxX, a.minX - b.maxX);
    if (gapY >= gapX) {
      const [lo, hi] = a.maxY <= b.minY ? [a, b] : [b, a];
      return {
        minX: Math.min(a.minX, b.minX),
        maxX: Math.max(a.maxX, b.maxX),
        minY: lo.maxY,
        maxY: hi.minY,
        heightM,
        alongX: true,
      };
    }
    const [lo, hi] = a.maxX <= b.minX ? [a, b] : [b, a];
    return {
      minX: lo.maxX,
      maxX: hi.minX,
      minY: Math.min(a.minY, b.minY),
      maxY: Math.max(a.maxY, b.maxY),
      heightM,
      alongX: false,
    };
  }
  // One row: the aisle lies on the side its exhausts (hot) or intakes (cold) face.
  const r = rows[0]!;
  const sign = c.type === 'cold' ? 1 : -1;
  const dx = Math.round(sign * r.fx);
  const dy = Math.round(sign * r.fy);
  if (dy !== 0)
    return {
      minX: r.minX,
      maxX: r.maxX,
      minY: dy > 0 ? r.maxY : r.minY - AISLE_M,
      maxY: dy > 0 ? r.maxY + AISLE_M : r.minY,
      heightM,
      alongX: true,
    };
  return {
    minX: dx > 0 ? r.maxX : r.minX - AISLE_M,
    maxX: dx > 0 ? r.maxX + AISLE_M : r.minX,
    minY: r.minY,
    maxY: r.maxY,
    heightM,
    alongX: false,
  };
}
