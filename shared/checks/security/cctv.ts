/**
 * Camera coverage in plan (SEC-4, NIST SP 800-53 PE-6(1)/(3), ISO/IEC 27001 A.7.4): a point is
 * covered by a camera when it lies within the camera's identification range, inside its
 * horizontal field of view (|bearing − direction| ≤ fov / 2), and no wall of the hall stands
 * between them. Walls are the plan's wall segments; racks do not block the view, because
 * cameras hang above rack height (a simplification stated in docs/engine/security.md). The
 * last END_CLEARANCE_M of the sight line is not tested, since a door sits in the wall that ends it.
 */
import type { Camera, Point2, Wall } from '../../model/schema';
import { segmentsCross } from './plan';

const END_CLEARANCE_M = 0.25;

/** Difference between two bearings, degrees in [0, 180]. */
export function angleBetween(aDeg: number, bDeg: number): number {
  return Math.abs(((((aDeg - bDeg) % 360) + 540) % 360) - 180);
}

export function cameraSees(camera: Camera, target: Point2, walls: readonly Wall[]): boolean {
  const dx = target.x - camera.position.x;
  const dy = target.y - camera.position.y;
  const distance = Math.hypot(dx, dy);
  if (distance > camera.rangeM) return false;
  if (distance > 1e-9 && camera.fovDeg < 360) {
    const bearing = (Math.atan2(dy, dx) * 180) / Math.PI;
    if (angleBetween(bearing, camera.directionDeg) > camera.fovDeg / 2 + 1e-9) return false;
  }
  if (distance <= END_CLEARANCE_M) return true;
  const k = (distance - END_CLEARANCE_M) / distance;
  const end = { x: camera.position.x + dx * k, y: camera.position.y + dy * k };
  return !walls.some((w) => segmentsCross(camera.position, end, w.a, w.b));
}
