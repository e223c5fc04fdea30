/**
 * A geometric multigrid V-cycle for the potential equation Σ_faces c_f (φ_P − φ_nb) = S_P on the
 * padded grid (docs/engine/thermal.md, "Airflow"), used as the preconditioner of conjugate
 * gradients (flow.ts). Coarse cells merge 2 × 2 × 2 fine cells; a coarse face's coefficient is the
 * sum of the fine faces it covers divided by 2 (twice the area over twice the distance: the same
 * operator rediscretised on the coarse grid, and zero where solids close every fine face).
 * Restriction sums the residual of the children (S is a flow per cell), prolongation copies the
 * coarse correction to them. Smoothing: two lexicographic Gauss–Seidel sweeps forward before the
 * coarse correction and two backward after, which keeps the preconditioner symmetric as conjugate
 * gradients need (red–black ordering was measured no faster per sweep and took more iterations).
 */

export interface Level {
  nx: number;
  ny: number;
  nz: number;
  sx: number;
  sxy: number;
  n: number;
  cx: Float32Array;
  cy: Float32Array;
  cz: Float32Array;
  /** Σ c over the cell's faces, and its inverse (0 for solid or closed cells, which the sweeps skip). */
  diag: Float64Array;
  invDiag: Float64Array;
  x: Float64Array;
  b: Float64Array;
  r: Float64Array;
}

/** Coarsening stops at this many cells; the coarsest level is solved by many sweeps. */
const COARSEST_CELLS = 512;
const COARSEST_SWEEPS = 60;
/** Sweeps before and after each coarse correction (two halve the iterations of one: measured, docs/engine/thermal.md). */
const SMOOTHING_SWEEPS = 2;

function diagonals(l: Pick<Level, 'n' | 'sx' | 'sxy' | 'cx' | 'cy' | 'cz'>): Pick<Level, 'diag' | 'invDiag'> {
  const { n, sx, sxy, cx, cy, cz } = l;
  const diag = new Float64Array(n);
  const invDiag = new Float64Array(n);
  for (let p = sxy; p < n - sxy; p++) {
    const a = cx[p]! + cx[p - 1]! + cy[p]! + cy[p - sx]! + cz[p]! + cz[p - sxy]!;
    diag[p] = a;
    invDiag[p] = a > 0 ? 1 / a : 0;
  }
  return { diag, invDiag };
}

export function fineLevel(
  nx: number,
  ny: number,
  nz: number,
  cx: Float32Array,
  cy: Float32Array,
  cz: Float32Array,
): Level {
  const sx = nx + 2;
  const sxy = sx * (ny + 2);
  const n = sxy * (nz + 2);
  const base = { nx, ny, nz, sx, sxy, n, cx, cy, cz };
  return { ...base, ...diagonals(base), x: new Float64Array(n), b: new Float64Array(n), r: new Float64Array(n) };
}

function coarsen(f: Level): Level {
  const nx = (f.nx + 1) >> 1;
  const ny = (f.ny + 1) >> 1;
  const nz = (f.nz + 1) >> 1;
  const sx = nx + 2;
  const sxy = sx * (ny + 2);
  const n = sxy * (nz + 2);
  const cx = new Float32Array(n);
  const cy = new Float32Array(n);
  const cz = new Float32Array(n);
  // Each fine face that leaves its aggregate on the +x, +y or +z side adds half its coefficient.
  for (let k = 0; k < f.nz; k++) {
    const K = k >> 1;
    const leavesZ = (k & 1) === 1 && K < nz - 1;
    for (let j = 0; j < f.ny; j++) {
      const J = j >> 1;
      const leavesY = (j & 1) === 1 && J < ny - 1;
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + sx * (J + 1) + sxy * (K + 1);
      for (let i = 0; i < f.nx; i++) {
        const q = frow + i;
        const p = crow + (i >> 1);
        if ((i & 1) === 1 && i >> 1 < nx - 1) cx[p]! += f.cx[q]! / 2;
        if (leavesY) cy[p]! += f.cy[q]! / 2;
        if (leavesZ) cz[p]! += f.cz[q]! / 2;
      }
    }
  }
  const base = { nx, ny, nz, sx, sxy, n, cx, cy, cz };
  return { ...base, ...diagonals(base), x: new Float64Array(n), b: new Float64Array(n), r: new Float64Array(n) };
}

export function buildHierarchy(fine: Level): Level[] {
  const levels = [fine];
  let l = fine;
  while (l.nx * l.ny * l.nz > COARSEST_CELLS && (l.nx > 2 || l.ny > 2 || l.nz > 2)) {
    l = coarsen(l);
    levels.push(l);
  }
  return levels;
}

/** One lexicographic Gauss–Seidel sweep, i fastest, from the first cell to the last. */
function forwardSweep(l: Level, x: Float64Array, b: Float64Array): void {
  const { n, sx, sxy, cx, cy, cz, invDiag } = l;
  for (let p = sxy + sx, end = n - sxy - sx; p < end; p++) {
    const inv = invDiag[p]!;
    if (inv === 0) continue;
    x[p] =
      (b[p]! +
        cx[p]! * x[p + 1]! +
        cx[p - 1]! * x[p - 1]! +
        cy[p]! * x[p + sx]! +
        cy[p - sx]! * x[p - sx]! +
        cz[p]! * x[p + sxy]! +
        cz[p - sxy]! * x[p - sxy]!) *
      inv;
  }
}

/** The same sweep from the last cell to the first: the adjoint of `forwardSweep`. */
function backwardSweep(l: Level, x: Float64Array, b: Float64Array): void {
  const { n, sx, sxy, cx, cy, cz, invDiag } = l;
  for (let p = n - sxy - sx - 1, end = sxy + sx; p >= end; p--) {
    const inv = invDiag[p]!;
    if (inv === 0) continue;
    x[p] =
      (b[p]! +
        cx[p]! * x[p + 1]! +
        cx[p - 1]! * x[p - 1]! +
        cy[p]! * x[p + sx]! +
        cy[p - sx]! * x[p - sx]! +
        cz[p]! * x[p + sxy]! +
        cz[p - sxy]! * x[p - sxy]!) *
      inv;
  }
}

/** out = b − A x over the interior (0 in closed cells). */
export function residual(l: Level, x: Float64Array, b: Float64Array, out: Float64Array): void {
  const { n, sx, sxy, cx, cy, cz, diag, invDiag } = l;
  for (let p = sxy; p < n - sxy; p++) {
    if (invDiag[p] === 0) {
      out[p] = 0;
      continue;
    }
    out[p] =
      b[p]! -
      diag[p]! * x[p]! +
      cx[p]! * x[p + 1]! +
      cx[p - 1]! * x[p - 1]! +
      cy[p]! * x[p + sx]! +
      cy[p - sx]! * x[p - sx]! +
      cz[p]! * x[p + sxy]! +
      cz[p - sxy]! * x[p - sxy]!;
  }
}

/** out = A x. */
export function apply(l: Level, x: Float64Array, out: Float64Array): void {
  const { n, sx, sxy, cx, cy, cz, diag, invDiag } = l;
  for (let p = sxy; p < n - sxy; p++) {
    if (invDiag[p] === 0) {
      out[p] = 0;
      continue;
    }
    out[p] =
      diag[p]! * x[p]! -
      cx[p]! * x[p + 1]! -
      cx[p - 1]! * x[p - 1]! -
      cy[p]! * x[p + sx]! -
      cy[p - sx]! * x[p - sx]! -
      cz[p]! * x[p + sxy]! -
      cz[p - sxy]! * x[p - sxy]!;
  }
}

/** Coarse right-hand side: the sum of each aggregate's fine residuals. */
function restrict(f: Level, c: Level): void {
  c.b.fill(0);
  for (let k = 0; k < f.nz; k++) {
    const K = k >> 1;
    for (let j = 0; j < f.ny; j++) {
      const J = j >> 1;
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + c.sx * (J + 1) + c.sxy * (K + 1);
      for (let i = 0; i < f.nx; i++) c.b[crow + (i >> 1)]! += f.r[frow + i]!;
    }
  }
}

/** Adds the coarse correction to every fine child. */
function prolongAdd(c: Level, f: Level, x: Float64Array): void {
  for (let k = 0; k < f.nz; k++) {
    const K = k >> 1;
    for (let j = 0; j < f.ny; j++) {
      const J = j >> 1;
      const frow = 1 + f.sx * (j + 1) + f.sxy * (k + 1);
      const crow = 1 + c.sx * (J + 1) + c.sxy * (K + 1);
      for (let i = 0; i < f.nx; i++) {
        const p = frow + i;
        if (f.invDiag[p] !== 0) x[p]! += c.x[crow + (i >> 1)]!;
      }
    }
  }
}

/** x = V-cycle(b) from a zero start on level `at`. */
export function vcycle(levels: readonly Level[], at: number, x: Float64Array, b: Float64Array): void {
  const l = levels[at]!;
  x.fill(0);
  if (at === levels.length - 1) {
    for (let s = 0; s < COARSEST_SWEEPS; s++) {
      forwardSweep(l, x, b);
      backwardSweep(l, x, b);
    }
    return;
  }
  for (let s = 0; s < SMOOTHING_SWEEPS; s++) {
    forwardSweep(l, x, b);
  }
  residual(l, x, b, l.r);
  const c = levels[at + 1]!;
  restrict(l, c);
  vcycle(levels, at + 1, c.x, c.b);
  prolongAdd(c, l, x);
  for (let s = 0; s < SMOOTHING_SWEEPS; s++) {
    backwardSweep(l, x, b);
  }
}
