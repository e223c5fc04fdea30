/**
 * Where the presentation look's small parts go, as pure functions of the document: status LEDs on
 * each rack's front door, cable trays above each row, light fittings on the ceiling, and when the
 * LEDs are near enough to draw. Plan coordinates (x, y) in metres; heights in metres above the floor.
 */
import type { CatalogView, Rack } from '../../../shared/index';
import { rotatedExtents } from '../geometry';

export type LedState = 'ok' | 'warn';

/** A status LED in its rack's own frame: x across the front (−w/2 … w/2), y its height. */
export interface LedSpec {
  x: number;
  y: number;
  state: LedState;
}

/** LED size (square), m, and how far apart two LEDs sit. */
export const LED_SIZE_M = 0.03;
const LED_PITCH_M = 0.05;

/**
 * A rack's status LEDs, one per feed side it has or should have: side A always, side B when the
 * rack has a B circuit or declares 2N. Green (ok) when that side has a circuit, amber (warn) when
 * it has none. Near the top of the door, on the left: one or two per rack, so the LED count
 * stays linear in the racks.
 */
export function rackLeds(
  rack: Pick<Rack, 'feeds' | 'redundancy'>,
  type: { widthM: number; heightM: number },
): LedSpec[] {
  const x0 = -type.widthM * 0.3;
  const y = type.heightM * 0.88;
  const leds: LedSpec[] = [{ x: x0, y, state: rack.feeds.a !== null ? 'ok' : 'warn' }];
  if (rack.feeds.b !== null || rack.redundancy === '2N')
    leds.push({ x: x0 + LED_PITCH_M, y, state: rack.feeds.b !== null ? 'ok' : 'warn' });
  return leds;
}

/** A straight cable tray: centre in plan, the height of its underside, its length and which way it runs. */
export interface TraySpec {
  x: number;
  y: number;
  /** Underside above the floor, m. */
  bottom: number;
  length: number;
  alongX: boolean;
}

/** Trays hang this far above the row's tallest rack. */
export const TRAY_CLEARANCE_M = 0.6;

/** One tray above each row of racks in the list, along the row's longer side, 0.6 m over its tallest rack. */
export function cableTrays(racks: readonly Rack[], catalog: CatalogView): TraySpec[] {
  const rows = new Map<string, { minX: number; maxX: number; minY: number; maxY: number; top: number }>();
  for (const r of racks) {
    if (r.rowId === null) continue;
    const t = catalog.rackType(r.rackTypeId);
    const e = rotatedExtents(t?.widthM ?? 0.6, t?.depthM ?? 1.2, r.rotationDeg);
    const box = rows.get(r.rowId) ?? { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, top: 0 };
    box.minX = Math.min(box.minX, r.position.x - e.x / 2);
    box.maxX = Math.max(box.maxX, r.position.x + e.x / 2);
    box.minY = Math.min(box.minY, r.position.y - e.y / 2);
    box.maxY = Math.max(box.maxY, r.position.y + e.y / 2);
    box.top = Math.max(box.top, t?.heightM ?? 2.2);
    rows.set(r.rowId, box);
  }
  return [...rows.values()].map((b) => {
    const alongX = b.maxX - b.minX >= b.maxY - b.minY;
    return {
      x: (b.minX + b.maxX) / 2,
      y: (b.minY + b.maxY) / 2,
      bottom: b.top + TRAY_CLEARANCE_M,
      length: alongX ? b.maxX - b.minX : b.maxY - b.minY,
      alongX,
    };
  });
}

/** Ceiling light fittings: a grid of strips, this far apart along x and y, none nearer a wall than half that. */
export const LIGHT_PITCH_M: readonly [number, number] = [4.8, 3];

/** Plan centres of the ceiling's light fittings over a hall of `width` × `depth` metres. */
export function ceilingLights(width: number, depth: number): { x: number; y: number }[] {
  const nx = Math.max(1, Math.round(width / LIGHT_PITCH_M[0]));
  const ny = Math.max(1, Math.round(depth / LIGHT_PITCH_M[1]));
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) out.push({ x: ((i + 0.5) * width) / nx, y: ((j + 0.5) * depth) / ny });
  return out;
}

/** LEDs are drawn while the camera is within this distance of the hall's box (0 inside it), m. */
export const LED_LOD_M = 40;

/** Distance from a point (plan x, y and height z) to the box of a hall `width` × `depth` × `height`; 0 inside. */
export function distanceToHall(
  p: { x: number; y: number; z: number },
  hall: { width: number; depth: number; height: number },
): number {
  const dx = Math.max(0, -p.x, p.x - hall.width);
  const dy = Math.max(0, -p.y, p.y - hall.depth);
  const dz = Math.max(0, -p.z, p.z - hall.height);
  return Math.hypot(dx, dy, dz);
}
