/**
 * The voxel grid of one hall (docs/engine/thermal.md, "Grid"). Cubic cells of edge d metres fill
 * the air volume above the floor (above the deck of a raised floor): nx = ⌈width / d⌉ along x,
 * ny = ⌈depth / d⌉ along y, nz = ⌈(height − raised floor) / d⌉ up. The solvers work on a padded
 * copy with one ghost layer of solid cells all round, so stencils never test bounds; `cellIndex`
 * maps to the padded layout and `unpad` back to the public one (i + nx · (j + ny · k)).
 *
 * Faces carry a porosity c ∈ [0, 1]: 1 open air, 0 closed (a solid on either side, the hall's
 * envelope), in between a leaky panel (containment) — thin surfaces are faces, not cells, so a
 * 1.2 m aisle keeps its width at 0.5 m cells. `cx[p]` is the face between cell p and its +x
 * neighbour, `cy` +y, `cz` +z.
 */

export interface Grid {
  nx: number;
  ny: number;
  nz: number;
  /** Cell edge, m. */
  d: number;
  /** Height of the bottom of layer k = 0 above the slab, m (the raised floor's deck, else 0). */
  zOriginM: number;
  /** Padded strides: +x is +1, +y is +sx, +z is +sxy. */
  sx: number;
  sxy: number;
  /** Padded cell count. */
  n: number;
  solid: Uint8Array;
  cx: Float32Array;
  cy: Float32Array;
  cz: Float32Array;
}

/** An inclusive range of cell indices along one axis (0-based, unpadded). */
export interface CellRange {
  lo: number;
  hi: number;
}

export function createGrid(widthM: number, depthM: number, heightM: number, d: number, zOriginM: number): Grid {
  const nx = Math.max(1, Math.ceil(widthM / d - 1e-9));
  const ny = Math.max(1, Math.ceil(depthM / d - 1e-9));
  const nz = Math.max(1, Math.ceil(heightM / d - 1e-9));
  const sx = nx + 2;
  const sxy = sx * (ny + 2);
  const n = sxy * (nz + 2);
  const solid = new Uint8Array(n).fill(1);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++) {
      const row = 1 + sx * (j + 1) + sxy * (k + 1);
      solid.fill(0, row, row + nx);
    }
  return {
    nx,
    ny,
    nz,
    d,
    zOriginM,
    sx,
    sxy,
    n,
    solid,
    cx: new Float32Array(n),
    cy: new Float32Array(n),
    cz: new Float32Array(n),
  };
}

/** Padded index of unpadded cell (i, j, k). */
export function cellIndex(g: Grid, i: number, j: number, k: number): number {
  return i + 1 + g.sx * (j + 1) + g.sxy * (k + 1);
}

/**
 * Cells whose centres lie in [min, max): adjacent boxes share no cell and leave no gap. A box
 * thinner than a cell takes the cell holding its middle, so nothing vanishes at coarse resolution.
 * Null when the box lies wholly outside [0, n · d).
 */
export function cellRange(min: number, max: number, d: number, n: number): CellRange | null {
  if (max <= 0 || min >= n * d) return null;
  let lo = Math.max(0, Math.ceil(min / d - 0.5 - 1e-9));
  let hi = Math.min(n - 1, Math.ceil(max / d - 0.5 - 1e-9) - 1);
  if (hi < lo) {
    const mid = Math.min(n - 1, Math.max(0, Math.floor((min + max) / 2 / d)));
    lo = mid;
    hi = mid;
  }
  return { lo, hi };
}

/** Marks a box of cells solid. */
export function fillSolid(g: Grid, ri: CellRange, rj: CellRange, rk: CellRange): void {
  for (let k = rk.lo; k <= rk.hi; k++)
    for (let j = rj.lo; j <= rj.hi; j++) {
      const row = cellIndex(g, 0, j, k);
      g.solid.fill(1, row + ri.lo, row + ri.hi + 1);
    }
}

/** Sets every face between two fluid cells open (c = 1) and every other face closed. */
export function openFaces(g: Grid): void {
  const { solid, cx, cy, cz, sx, sxy, n } = g;
  for (let p = 0; p < n - sxy; p++) {
    if (solid[p]) {
      cx[p] = 0;
      cy[p] = 0;
      cz[p] = 0;
      continue;
    }
    cx[p] = solid[p + 1] ? 0 : 1;
    cy[p] = solid[p + sx] ? 0 : 1;
    cz[p] = solid[p + sxy] ? 0 : 1;
  }
}

export type Axis = 'x' | 'y' | 'z';

/**
 * Sets the porosity of the faces between layer `at` and `at + 1` along `axis`, over the cells of
 * the two other ranges (only faces already open: a panel against a solid stays closed).
 */
export function setPanel(g: Grid, axis: Axis, at: number, r1: CellRange, r2: CellRange, porosity: number): void {
  const arr = axis === 'x' ? g.cx : axis === 'y' ? g.cy : g.cz;
  const limit = axis === 'x' ? g.nx : axis === 'y' ? g.ny : g.nz;
  if (at < 0 || at >= limit - 1) return;
  for (let b = r2.lo; b <= r2.hi; b++)
    for (let a = r1.lo; a <= r1.hi; a++) {
      const p = axis === 'x' ? cellIndex(g, at, a, b) : axis === 'y' ? cellIndex(g, a, at, b) : cellIndex(g, a, b, at);
      if (arr[p]! > 0) arr[p] = porosity;
    }
}

/** Copies a padded per-cell array into the public unpadded layout. */
export function unpad(g: Grid, src: ArrayLike<number>, out: Float32Array | Uint8Array, stride = 1): void {
  let q = 0;
  for (let k = 0; k < g.nz; k++)
    for (let j = 0; j < g.ny; j++) {
      const row = cellIndex(g, 0, j, k);
      for (let i = 0; i < g.nx; i++) {
        const p = (row + i) * stride;
        for (let s = 0; s < stride; s++) out[q++] = src[p + s]!;
      }
    }
}
