/**
 * Plan footprints. Racks and floor-standing cooling units turn in 90° steps, so a footprint is an
 * axis-aligned rectangle: width along x and depth along y at 0° and 180°, swapped at 90° and 270°.
 * At rotation θ (clockwise seen from above) the front faces (sin θ, −cos θ) in plan.
 */
import type { CatalogView } from '../catalog';
import type { CoolingUnit, Point2, Rack, Rotation } from '../model/schema';

export interface Rect {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The rectangle of a `widthM` × `depthM` footprint centred on `c` at `rotationDeg`. */
export function footprintRect(c: Point2, widthM: number, depthM: number, rotationDeg: number): Rect {
  const turned = rotationDeg % 180 !== 0;
  const ex = (turned ? depthM : widthM) / 2;
  const ey = (turned ? widthM : depthM) / 2;
  return { minX: c.x - ex, maxX: c.x + ex, minY: c.y - ey, maxY: c.y + ey };
}

/** A rack's size from the catalog; an unknown type takes the common 600 × 1200 mm. */
export function rackSize(rack: Pick<Rack, 'rackTypeId'>, catalog: CatalogView): { widthM: number; depthM: number } {
  const type = catalog.rackType(rack.rackTypeId);
  return { widthM: type?.widthM ?? 0.6, depthM: type?.depthM ?? 1.2 };
}

export function rackRect(rack: Pick<Rack, 'rackTypeId' | 'position' | 'rotationDeg'>, catalog: CatalogView): Rect {
  const { widthM, depthM } = rackSize(rack, catalog);
  return footprintRect(rack.position, widthM, depthM, rack.rotationDeg);
}

/** The unit vector a front at `rotationDeg` faces. */
export function frontVector(rotationDeg: number): Point2 {
  const t = (rotationDeg * Math.PI) / 180;
  // + 0 turns a rounded −0 into 0, so equal directions compare equal.
  return { x: Math.round(Math.sin(t)) + 0, y: Math.round(-Math.cos(t)) + 0 };
}

/** The rotation whose front faces `v` (an axis direction). */
export function rotationFacing(v: Point2): Rotation {
  if (Math.abs(v.x) >= Math.abs(v.y)) return v.x >= 0 ? 90 : 270;
  return v.y >= 0 ? 180 : 0;
}

export function unionRect(rects: Iterable<Rect>): Rect | null {
  let out: Rect | null = null;
  for (const r of rects)
    out =
      out === null
        ? { ...r }
        : {
            minX: Math.min(out.minX, r.minX),
            maxX: Math.max(out.maxX, r.maxX),
            minY: Math.min(out.minY, r.minY),
            maxY: Math.max(out.maxY, r.maxY),
          };
  return out;
}

export function moveRect(r: Rect, dx: number, dy: number): Rect {
  return { minX: r.minX + dx, maxX: r.maxX + dx, minY: r.minY + dy, maxY: r.maxY + dy };
}

/** True when the rectangles share area (touching edges within `tolerance` metres do not count). */
export function rectsOverlap(a: Rect, b: Rect, tolerance = 1e-3): boolean {
  return (
    a.minX < b.maxX - tolerance &&
    b.minX < a.maxX - tolerance &&
    a.minY < b.maxY - tolerance &&
    b.minY < a.maxY - tolerance
  );
}

export const rectCentre = (r: Rect): Point2 => ({ x: (r.minX + r.maxX) / 2, y: (r.minY + r.maxY) / 2 });

/** A fan wall's depth in plan, m: the model gives its span and height only (it sits in a wall opening). */
export const FAN_WALL_DEPTH_M = 0.3;

/** A cooling unit that stands on a hall's floor (not a rear door or outdoor heat rejection). */
export type FloorCoolingUnit = Extract<CoolingUnit, { position: Point2 }>;

/** Plan size of a floor-standing cooling unit. */
export function coolingUnitSize(u: FloorCoolingUnit): { widthM: number; depthM: number } {
  return { widthM: u.widthM, depthM: u.kind === 'fan-wall' ? FAN_WALL_DEPTH_M : u.depthM };
}
