/** Box and lasso selection in screen space: which projected points fall inside (pure, tested). */
import { pointInPolygon } from '../../shared/index';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** Even-odd rule, the engine's own test (screen points are plan points for it). */
export const insidePolygon = (p: ScreenPoint, polygon: readonly ScreenPoint[]): boolean => pointInPolygon(p, polygon);

export function insideBox(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): boolean {
  return (
    p.x >= Math.min(a.x, b.x) && p.x <= Math.max(a.x, b.x) && p.y >= Math.min(a.y, b.y) && p.y <= Math.max(a.y, b.y)
  );
}
