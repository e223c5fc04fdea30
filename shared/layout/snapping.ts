/**
 * Snapping a moved group, as CAD tools do: an edge (or the centre line) of the group's bounding
 * rectangle that comes within `toleranceM` of another footprint's edge, a wall line or face, or the
 * hall's boundary snaps onto it, one axis at a time; an axis with nothing to snap to moves in whole
 * grid steps, so a group on the grid stays on it.
 */
import type { Rect } from './footprint';
import type { ObstacleIndex } from './obstacles';

export interface SnapGuide {
  /** A line x = at (axis 'x') or y = at (axis 'y') the group snapped to. */
  axis: 'x' | 'y';
  at: number;
}

export interface SnapResult {
  dx: number;
  dy: number;
  guides: SnapGuide[];
}

export interface SnapOptions {
  gridM: number;
  toleranceM: number;
}

export function snapToGrid(value: number, grid: number): number {
  if (!(grid > 0)) return value;
  // Trim binary noise so 10.2 stays 10.2 rather than 10.200000000000001.
  return Number((Math.round(value / grid) * grid).toFixed(6));
}

/** Lines an edge may snap to near `moved`: footprint edges, wall lines and faces (axis-aligned walls), the hall's edges. */
function targets(moved: Rect, index: ObstacleIndex, tolerance: number): { xs: number[]; ys: number[] } {
  const xs = [0, index.hall.width];
  const ys = [0, index.hall.depth];
  for (const o of index.near(moved, tolerance)) {
    if (o.wall) {
      const { a, b, half } = o.wall;
      if (Math.abs(a.x - b.x) < 1e-6) xs.push(a.x - half, a.x, a.x + half);
      if (Math.abs(a.y - b.y) < 1e-6) ys.push(a.y - half, a.y, a.y + half);
      continue;
    }
    xs.push(o.rect.minX, o.rect.maxX);
    ys.push(o.rect.minY, o.rect.maxY);
  }
  return { xs, ys };
}

function snapAxis(edges: number[], lines: number[], tolerance: number): { shift: number; at: number } | null {
  let best: { shift: number; at: number } | null = null;
  for (const e of edges)
    for (const l of lines) {
      const shift = l - e;
      if (Math.abs(shift) <= tolerance && (best === null || Math.abs(shift) < Math.abs(best.shift)))
        best = { shift, at: l };
    }
  return best;
}

/** The offset (dx, dy) for a group whose bounding rectangle is `rect`, snapped. */
export function snapMove(rect: Rect, dx: number, dy: number, index: ObstacleIndex, options: SnapOptions): SnapResult {
  const moved = { minX: rect.minX + dx, maxX: rect.maxX + dx, minY: rect.minY + dy, maxY: rect.maxY + dy };
  const { xs, ys } = targets(moved, index, options.toleranceM);
  const sx = snapAxis([moved.minX, moved.maxX, (moved.minX + moved.maxX) / 2], xs, options.toleranceM);
  const sy = snapAxis([moved.minY, moved.maxY, (moved.minY + moved.maxY) / 2], ys, options.toleranceM);
  const round = (v: number) => Number(v.toFixed(6));
  const guides: SnapGuide[] = [];
  if (sx) guides.push({ axis: 'x', at: sx.at });
  if (sy) guides.push({ axis: 'y', at: sy.at });
  return {
    dx: sx ? round(dx + sx.shift) : snapToGrid(dx, options.gridM),
    dy: sy ? round(dy + sy.shift) : snapToGrid(dy, options.gridM),
    guides,
  };
}
