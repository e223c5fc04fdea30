/**
 * Baked contact shadows for the presentation look, computed on the CPU from the plan: every rack
 * and floor-standing unit's footprint is drawn into a small grid over the hall (10 px a metre, at
 * most 1024 px a side) and blurred with three box passes (close to a Gaussian). The result is an
 * alpha mask laid over the floor, baked again only when the racks or units change, so a frame
 * costs one textured plane and no shadow pass. (drei's ContactShadows was tried first: its blur
 * pass only lines up with a shadow plane at the world origin, and the hall's centre is not.)
 */
import type { CatalogView, CoolingUnit, Rack } from '../../../shared/index';
import { rotatedExtents } from '../geometry';
import type { Pixels, Rgb } from './textures';

/** A footprint in plan metres. */
export interface Footprint {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Footprints of the racks and of the floor-standing cooling units (air handlers, CDUs, tanks) in a hall. */
export function footprints(
  hallId: string,
  racks: readonly Rack[],
  cooling: readonly CoolingUnit[],
  catalog: CatalogView,
): Footprint[] {
  const out: Footprint[] = [];
  const box = (x: number, y: number, ex: number, ey: number) =>
    out.push({ minX: x - ex / 2, maxX: x + ex / 2, minY: y - ey / 2, maxY: y + ey / 2 });
  for (const r of racks) {
    if (r.hallId !== hallId) continue;
    const t = catalog.rackType(r.rackTypeId);
    const e = rotatedExtents(t?.widthM ?? 0.6, t?.depthM ?? 1.2, r.rotationDeg);
    box(r.position.x, r.position.y, e.x, e.y);
  }
  for (const u of cooling) {
    if (u.kind !== 'air-handler' && u.kind !== 'cdu' && u.kind !== 'immersion-tank') continue;
    if (u.hallId !== hallId) continue;
    const e = rotatedExtents(u.widthM, u.depthM, u.rotationDeg);
    box(u.position.x, u.position.y, e.x, e.y);
  }
  return out;
}

export interface ShadowOptions {
  /** Grid resolution, pixels a metre, lowered so neither side exceeds `maxPx`. */
  pxPerM?: number;
  maxPx?: number;
  /** How far the shadow spreads beyond a footprint's edge, m (the box blur's radius; three passes). */
  spreadM?: number;
  /** Alpha where the shadow is darkest (0 … 1). */
  strength?: number;
  colour?: Rgb;
}

/**
 * The shadow mask over a hall `width` × `depth` metres: row 0 is plan y = 0, column 0 plan x = 0
 * (a CanvasTexture flips it onto the floor plane the right way up).
 */
export function contactShadowPixels(
  feet: readonly Footprint[],
  width: number,
  depth: number,
  options: ShadowOptions = {},
): Pixels {
  const { pxPerM = 10, maxPx = 1024, spreadM = 0.5, strength = 0.85, colour = [16, 20, 26] } = options;
  const scale = Math.min(pxPerM, maxPx / Math.max(width, depth));
  const w = Math.max(1, Math.min(maxPx, Math.round(width * scale)));
  const h = Math.max(1, Math.min(maxPx, Math.round(depth * scale)));
  const sx = w / width;
  const sy = h / depth;
  let grid: Float32Array = new Float32Array(w * h);
  for (const f of feet) {
    // Pixels whose centres lie inside the footprint.
    const x0 = Math.max(0, Math.ceil(f.minX * sx - 0.5));
    const x1 = Math.min(w - 1, Math.floor(f.maxX * sx - 0.5));
    const y0 = Math.max(0, Math.ceil(f.minY * sy - 0.5));
    const y1 = Math.min(h - 1, Math.floor(f.maxY * sy - 0.5));
    for (let y = y0; y <= y1; y++) grid.fill(1, y * w + x0, y * w + x1 + 1);
  }
  // Three passes of radius r spread an edge over about 1.5·r·2 pixels each side.
  const radius = Math.max(1, Math.round((spreadM * (sx + sy)) / 2 / 2));
  for (let pass = 0; pass < 3; pass++) grid = boxBlur(boxBlur(grid, w, h, radius, w, 1), h, w, radius, 1, w);
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    data[i * 4] = colour[0];
    data[i * 4 + 1] = colour[1];
    data[i * 4 + 2] = colour[2];
    data[i * 4 + 3] = Math.round(255 * strength * Math.min(1, grid[i]!));
  }
  return { width: w, height: h, data };
}

/**
 * One box-blur pass along lines of `n` samples, `lines` of them: sample k of line l is at
 * l·lineStride + k·step. Outside the grid counts as empty floor.
 */
function boxBlur(
  src: Float32Array,
  n: number,
  lines: number,
  r: number,
  lineStride: number,
  step: number,
): Float32Array {
  const out = new Float32Array(src.length);
  const norm = 1 / (2 * r + 1);
  for (let l = 0; l < lines; l++) {
    const base = l * lineStride;
    let sum = 0;
    for (let k = 0; k <= Math.min(r, n - 1); k++) sum += src[base + k * step]!;
    for (let k = 0; k < n; k++) {
      out[base + k * step] = sum * norm;
      const add = k + r + 1;
      const drop = k - r;
      if (add < n) sum += src[base + add * step]!;
      if (drop >= 0) sum -= src[base + drop * step]!;
    }
  }
  return out;
}
