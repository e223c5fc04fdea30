/**
 * Group transforms over plan items (racks, floor cooling units): rotate a quarter turn about the
 * group's centre, align edges or centres, distribute with equal gaps, as CAD tools offer them.
 * Each returns the new position (and rotation) per id; the caller checks conflicts and commits.
 */
import type { Point2, Rotation } from '../model/schema';
import { footprintRect, rectCentre, unionRect, type Rect } from './footprint';

export interface PlanItem {
  id: string;
  position: Point2;
  rotationDeg: Rotation;
  widthM: number;
  depthM: number;
}

export interface Placement {
  id: string;
  position: Point2;
  rotationDeg: Rotation;
}

const round = (v: number) => Number(v.toFixed(6));
export const itemRect = (i: PlanItem): Rect => footprintRect(i.position, i.widthM, i.depthM, i.rotationDeg);

/**
 * A quarter turn clockwise seen from above (the sense of `rotationDeg`) about the centre of the
 * group's bounding rectangle: in plan (x, y) − c → (−(y − c.y), x − c.x), which takes a front facing
 * −y (0°) to one facing +x (90°).
 */
export function rotateGroup(items: readonly PlanItem[]): Placement[] {
  const box = unionRect(items.map(itemRect));
  if (!box) return [];
  const c = rectCentre(box);
  return items.map((i) => ({
    id: i.id,
    position: { x: round(c.x - (i.position.y - c.y)), y: round(c.y + (i.position.x - c.x)) },
    rotationDeg: ((i.rotationDeg + 90) % 360) as Rotation,
  }));
}

export type AlignMode = 'left' | 'right' | 'top' | 'bottom' | 'centre-x' | 'centre-y';

/** Aligns every item's edge (or centre) to the group's: left = least x, top = least y (plan y runs down the screen). */
export function alignGroup(items: readonly PlanItem[], mode: AlignMode): Placement[] {
  const rects = items.map(itemRect);
  const box = unionRect(rects);
  if (!box) return [];
  const c = rectCentre(box);
  return items.map((i, k) => {
    const r = rects[k]!;
    const shift =
      mode === 'left'
        ? { x: box.minX - r.minX, y: 0 }
        : mode === 'right'
          ? { x: box.maxX - r.maxX, y: 0 }
          : mode === 'top'
            ? { x: 0, y: box.minY - r.minY }
            : mode === 'bottom'
              ? { x: 0, y: box.maxY - r.maxY }
              : mode === 'centre-x'
                ? { x: c.x - (r.minX + r.maxX) / 2, y: 0 }
                : { x: 0, y: c.y - (r.minY + r.maxY) / 2 };
    return {
      id: i.id,
      position: { x: round(i.position.x + shift.x), y: round(i.position.y + shift.y) },
      rotationDeg: i.rotationDeg,
    };
  });
}

/**
 * Spreads items along an axis with equal clear gaps between neighbours, the first and last staying
 * put (ordered by their position along the axis). Fewer than three items do not move.
 */
export function distributeGroup(items: readonly PlanItem[], axis: 'x' | 'y'): Placement[] {
  const sorted = items
    .map((i) => ({ i, r: itemRect(i) }))
    .sort((a, b) => (axis === 'x' ? a.r.minX - b.r.minX : a.r.minY - b.r.minY));
  if (sorted.length < 3) return items.map((i) => ({ id: i.id, position: i.position, rotationDeg: i.rotationDeg }));
  const lo = (r: Rect) => (axis === 'x' ? r.minX : r.minY);
  const size = (r: Rect) => (axis === 'x' ? r.maxX - r.minX : r.maxY - r.minY);
  const first = sorted[0]!.r;
  const last = sorted.at(-1)!.r;
  const span = lo(last) + size(last) - lo(first);
  const gap = (span - sorted.reduce((s, x) => s + size(x.r), 0)) / (sorted.length - 1);
  let cursor = lo(first);
  return sorted.map(({ i, r }) => {
    const shift = cursor - lo(r);
    cursor += size(r) + gap;
    const position =
      axis === 'x'
        ? { x: round(i.position.x + shift), y: i.position.y }
        : { x: i.position.x, y: round(i.position.y + shift) };
    return { id: i.id, position, rotationDeg: i.rotationDeg };
  });
}
