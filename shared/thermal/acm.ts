/**
 * Additive correction multigrid (Hutchinson & Raithby 1986, Numerical Heat Transfer 9:511–537)
 * for the temperature equation (energy.ts): blocks of 2 × 2 × 2 cells are summed into one
 * coarse cell, so the coarse equation is the sum of the fine ones (P^T A P with P piecewise
 * constant) and a coarse correction, added to every cell of its block, zeroes each block's net
 * heat residual. Summing an M-matrix this way gives an M-matrix again, so the coarse levels stay
 * bounded; they are smoothed by lexicographic Gauss–Seidel, forward before and backward after.
 * The correction removes the smooth errors (heat diffusing over many cells) that sweeps on the
 * fine grid remove one cell per sweep.
 */

/** A 7-point stencil per cell on a padded grid: aP·x_P − Σ a_nb·x_nb = b. */
export interface StencilLevel {
  nx: number;
  ny: number;
  nz: number;
  sx: number;
  sxy: number;
  n: number;
  aP: ArrayLike<number>;
  aE: ArrayLike<number>;
  aW: ArrayLike<number>;
  aN: ArrayLike<number>;
  aS: ArrayLike<number>;
  aT: ArrayLike<number>;
  aB: ArrayLike<number>;
}

export interface AcmLevel extends StencilLevel {
  aP: Float64Array;
  aE: Float64Array;
  aW: Float64Array;
  aN: Float64Array;
  aS: Float64Array;
  aT: Float64Array;
  aB: Float64Array;
  x: Float64Array;
  b: Float64Array;
  r: Float64Array;
}

const COARSEST_CELLS = 512;
const COARSEST_SWEEPS = 40;

function aggregate(f: StencilLevel): AcmLevel {
  const nx = (f.nx + 1) >> 1;
  const ny = (f.ny + 1) >> 1;
  const nz = (f.nz + 1) >> 1;
  const sx = nx + 2;
  const sxy = sx * (ny + 2);
  const n = sxy * (nz + 2);
  const c: AcmLevel = {
    nx,
    ny,
    nz,
    sx,
    sxy,
    n,
    aP: new Float64Array(n),
    aE: new Float64Array(n),
    aW: new Float64Array(n),
    aN: new Float64Array(n),
    aS: new Float64Array(n),
    aT: new Float64Array(n),
    aB: new Float64Array(n),
    x: new Float64Array(n),
    b: new Float64Array(n),
    r: new Float64Array(n),
  };
  for (let k = 0; k < f.nz; k++)
    for (let j = 0; j < f.ny; j++) {
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + sx * ((j >> 1) + 1) + sxy * ((k >> 1) + 1);
      // Whether the +/− neighbour along each axis lies in the same block.
      const sameN = (j & 1) === 0 && j + 1 < f.ny;
      const sameS = (j & 1) === 1;
      const sameT = (k & 1) === 0 && k + 1 < f.nz;
      const sameB = (k & 1) === 1;
      for (let i = 0; i < f.nx; i++) {
        const p = frow + i;
        const ap = f.aP[p]!;
        if (ap <= 0) continue;
        const I = crow + (i >> 1);
        let diag = ap;
        const e = f.aE[p]!;
        const w = f.aW[p]!;
        if ((i & 1) === 0 && i + 1 < f.nx) diag -= e;
        else c.aE[I]! += e;
        if ((i & 1) === 1) diag -= w;
        else c.aW[I]! += w;
        if (sameN) diag -= f.aN[p]!;
        else c.aN[I]! += f.aN[p]!;
        if (sameS) diag -= f.aS[p]!;
        else c.aS[I]! += f.aS[p]!;
        if (sameT) diag -= f.aT[p]!;
        else c.aT[I]! += f.aT[p]!;
        if (sameB) diag -= f.aB[p]!;
        else c.aB[I]! += f.aB[p]!;
        c.aP[I]! += diag;
      }
    }
  return c;
}

/** The coarse levels under a fine stencil (the fine level itself not included). */
export function acmHierarchy(fine: StencilLevel): AcmLevel[] {
  const levels: AcmLevel[] = [];
  let l: StencilLevel = fine;
  while (l.nx * l.ny * l.nz > COARSEST_CELLS && (l.nx > 2 || l.ny > 2 || l.nz > 2)) {
    const c = aggregate(l);
    levels.push(c);
    l = c;
  }
  return levels;
}

function sweep(l: AcmLevel, forward: boolean): void {
  const { nx, ny, nz, sx, sxy, aP, aE, aW, aN, aS, aT, aB, x, b } = l;
  for (let kk = 0; kk < nz; kk++) {
    const k = forward ? kk + 1 : nz - kk;
    for (let jj = 0; jj < ny; jj++) {
      const j = forward ? jj + 1 : ny - jj;
      const row = sx * j + sxy * k;
      for (let ii = 0; ii < nx; ii++) {
        const p = row + (forward ? ii + 1 : nx - ii);
        const ap = aP[p]!;
        if (ap <= 0) continue;
        x[p] =
          (b[p]! +
            aE[p]! * x[p + 1]! +
            aW[p]! * x[p - 1]! +
            aN[p]! * x[p + sx]! +
            aS[p]! * x[p - sx]! +
            aT[p]! * x[p + sxy]! +
            aB[p]! * x[p - sxy]!) /
          ap;
      }
    }
  }
}

/** out = b − A x over a level's interior. */
export function stencilResidual(l: StencilLevel, x: Float64Array, b: Float64Array, out: Float64Array): void {
  const { n, sx, sxy, aP, aE, aW, aN, aS, aT, aB } = l;
  for (let p = sxy; p < n - sxy; p++) {
    const ap = aP[p]!;
    if (ap <= 0) {
      out[p] = 0;
      continue;
    }
    out[p] =
      b[p]! -
      ap * x[p]! +
      aE[p]! * x[p + 1]! +
      aW[p]! * x[p - 1]! +
      aN[p]! * x[p + sx]! +
      aS[p]! * x[p - sx]! +
      aT[p]! * x[p + sxy]! +
      aB[p]! * x[p - sxy]!;
  }
}

/** c.b = the sum of each block's fine residuals. */
export function restrictSum(
  f: Pick<StencilLevel, 'nx' | 'ny' | 'nz' | 'sx' | 'sxy'>,
  r: Float64Array,
  c: AcmLevel,
): void {
  c.b.fill(0);
  for (let k = 0; k < f.nz; k++)
    for (let j = 0; j < f.ny; j++) {
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + c.sx * ((j >> 1) + 1) + c.sxy * ((k >> 1) + 1);
      for (let i = 0; i < f.nx; i++) c.b[crow + (i >> 1)]! += r[frow + i]!;
    }
}

/** x += the coarse correction of each cell's block (cells with aP = 0 untouched). */
export function prolongAdd(c: AcmLevel, f: StencilLevel, x: Float64Array): void {
  for (let k = 0; k < f.nz; k++)
    for (let j = 0; j < f.ny; j++) {
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + c.sx * ((j >> 1) + 1) + c.sxy * ((k >> 1) + 1);
      for (let i = 0; i < f.nx; i++) {
        const p = frow + i;
        if (f.aP[p]! > 0) x[p]! += c.x[crow + (i >> 1)]!;
      }
    }
}

/** Solves levels[at] approximately for its b into its x (from zero): one V-cycle. */
export function acmCycle(levels: readonly AcmLevel[], at: number): void {
  const l = levels[at]!;
  l.x.fill(0);
  if (at === levels.length - 1) {
    for (let s = 0; s < COARSEST_SWEEPS; s++) {
      sweep(l, true);
      sweep(l, false);
    }
    return;
  }
  sweep(l, true);
  stencilResidual(l, l.x, l.b, l.r);
  const c = levels[at + 1]!;
  restrictSum(l, l.r, c);
  acmCycle(levels, at + 1);
  prolongAdd(c, l, l.x);
  sweep(l, false);
}
