/**
 * Planes cut through a hall's thermal field (shared/thermal/types.ts): a horizontal slice at a
 * height and vertical slices along x or y, each as a grid of temperatures ready to colour, and
 * the air velocity sampled on them for arrows. Pure: the app's scene turns them into textures and
 * instances, the design report into rectangles.
 *
 * The field is cell-centred: cell (i, j, k) spans x ∈ [i·d, (i+1)·d], y likewise, z ∈ [z₀ + k·d,
 * z₀ + (k+1)·d] (d the cell edge, hall-local metres, z₀ the grid's floor: a raised floor's deck, else
 * the slab), its value at the centre. Heights here are above the slab, as the app's slider shows them.
 */
import type { HallThermalField } from '../thermal/types';
import { colourOf, type TemperatureScale } from './thermalColours';

/** A plane of temperatures, `width` × `height` values, row-major (index u + width · v); NaN where solid. */
export interface Slice {
  width: number;
  height: number;
  values: Float32Array;
}

/** Along x: the plane y = position (plan x across, height up); along y: the plane x = position. */
export type SliceAxis = 'x' | 'y';

const index = (f: HallThermalField, i: number, j: number, k: number) => i + f.grid.nx * (j + f.grid.ny * k);

/**
 * The two cell layers whose centres bracket `m` along an axis of `n` cells of edge `d`, and the
 * weight of the upper one: linear interpolation between cell centres, held constant beyond the
 * first and last centre.
 */
export function bracket(m: number, n: number, d: number): { lo: number; hi: number; w: number } {
  const x = m / d - 0.5;
  if (!(x > 0)) return { lo: 0, hi: 0, w: 0 };
  if (x >= n - 1) return { lo: n - 1, hi: n - 1, w: 0 };
  const lo = Math.floor(x);
  return { lo, hi: lo + 1, w: x - lo };
}

/** Blends two cells' temperatures; a solid one (NaN) gives way to the other, both solid stay NaN. */
function blend(a: number, b: number, w: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a + (b - a) * w;
}

/** Temperatures on the horizontal plane at heightM above the slab: nx × ny values, u along x, v along y. */
export function horizontalSlice(field: HallThermalField, heightM: number): Slice {
  const { nx, ny, nz, cellM, zOriginM } = field.grid;
  const { lo, hi, w } = bracket(heightM - zOriginM, nz, cellM);
  const values = new Float32Array(nx * ny);
  const t = field.temperatureC;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) values[i + nx * j] = blend(t[index(field, i, j, lo)]!, t[index(field, i, j, hi)]!, w);
  return { width: nx, height: ny, values };
}

/**
 * Temperatures on a vertical plane: along x at plan y = positionM (nx × nz values, u along x, v up)
 * or along y at plan x = positionM (ny × nz values, u along y, v up).
 */
export function verticalSlice(field: HallThermalField, axis: SliceAxis, positionM: number): Slice {
  const { nx, ny, nz, cellM } = field.grid;
  const across = axis === 'x' ? ny : nx;
  const { lo, hi, w } = bracket(positionM, across, cellM);
  const width = axis === 'x' ? nx : ny;
  const values = new Float32Array(width * nz);
  const t = field.temperatureC;
  for (let k = 0; k < nz; k++)
    for (let u = 0; u < width; u++) {
      const a = axis === 'x' ? index(field, u, lo, k) : index(field, lo, u, k);
      const b = axis === 'x' ? index(field, u, hi, k) : index(field, hi, u, k);
      values[u + width * k] = blend(t[a]!, t[b]!, w);
    }
  return { width, height: nz, values };
}

/** The slice as RGBA bytes on the scale; solid cells are fully transparent, air is `alpha` (0–255). */
export function sliceRgba(slice: Slice, scale: TemperatureScale, alpha = 255): Uint8Array {
  const rgba = new Uint8Array(slice.values.length * 4);
  for (let n = 0; n < slice.values.length; n++) {
    const t = slice.values[n]!;
    if (Number.isNaN(t)) continue;
    const [r, g, b] = colourOf(t, scale);
    rgba[4 * n] = r;
    rgba[4 * n + 1] = g;
    rgba[4 * n + 2] = b;
    rgba[4 * n + 3] = alpha;
  }
  return rgba;
}

/** An arrow's foot (hall-local plan x, y and height z above the slab, metres) and the air velocity there, m/s. */
export interface FlowSample {
  x: number;
  y: number;
  z: number;
  u: number;
  v: number;
  w: number;
  speed: number;
}

/** At most this many arrows per plane: enough to read the pattern, few enough to stay legible and cheap. */
export const MAX_ARROWS_PER_PLANE = 900;
/** Air slower than this share of the plane's fastest is left without an arrow (still air, mostly). */
export const MIN_SPEED_SHARE = 0.05;

/**
 * Velocities at cell centres on a plane, every `stride`-th cell both ways, with the stride chosen
 * so the plane holds at most `maxArrows` samples; `spacingM` is the distance between samples and
 * `fastest` the plane's highest speed, m/s (the scene scales arrows by both). `plane` is horizontal at a height, or vertical
 * along an axis at a position; the samples use the cell layer nearest the plane (velocities are
 * not interpolated: an arrow stands for its cell).
 */
export function sampleFlow(
  field: HallThermalField,
  plane: { kind: 'horizontal'; heightM: number } | { kind: 'vertical'; axis: SliceAxis; positionM: number },
  maxArrows = MAX_ARROWS_PER_PLANE,
): { samples: FlowSample[]; spacingM: number; fastest: number } {
  const { nx, ny, nz, cellM: d, zOriginM } = field.grid;
  const nearest = (m: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(m / d)));
  const cells: [number, number, number][] = [];
  let stride: number;
  if (plane.kind === 'horizontal') {
    const k = nearest(plane.heightM - zOriginM, nz);
    stride = Math.max(1, Math.ceil(Math.sqrt((nx * ny) / maxArrows)));
    for (let j = Math.floor(stride / 2); j < ny; j += stride)
      for (let i = Math.floor(stride / 2); i < nx; i += stride) cells.push([i, j, k]);
  } else {
    const along = plane.axis === 'x' ? nx : ny;
    const fixed = nearest(plane.positionM, plane.axis === 'x' ? ny : nx);
    stride = Math.max(1, Math.ceil(Math.sqrt((along * nz) / maxArrows)));
    for (let k = Math.floor(stride / 2); k < nz; k += stride)
      for (let a = Math.floor(stride / 2); a < along; a += stride)
        cells.push(plane.axis === 'x' ? [a, fixed, k] : [fixed, a, k]);
  }
  const samples: FlowSample[] = [];
  let fastest = 0;
  for (const [i, j, k] of cells) {
    const n = index(field, i, j, k);
    if (field.solid[n]) continue;
    const u = field.velocity[3 * n]!;
    const v = field.velocity[3 * n + 1]!;
    const w = field.velocity[3 * n + 2]!;
    const speed = Math.hypot(u, v, w);
    if (!Number.isFinite(speed)) continue;
    fastest = Math.max(fastest, speed);
    samples.push({ x: (i + 0.5) * d, y: (j + 0.5) * d, z: zOriginM + (k + 0.5) * d, u, v, w, speed });
  }
  return {
    samples: samples.filter((s) => s.speed > 0 && s.speed >= MIN_SPEED_SHARE * fastest),
    spacingM: stride * d,
    fastest,
  };
}
