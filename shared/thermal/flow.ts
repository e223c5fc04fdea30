/**
 * Steady airflow as potential flow (docs/engine/thermal.md, "Airflow"; Toulouse, Doty, Schmidt &
 * Joshi, ASME IMECE2009-10806): velocity u = −∇φ, ∇ · u = sources, so ∇²φ = −sources, with no
 * flux through solids and the hall's envelope. Finite volumes on the cells: the volume flow
 * through a face is F = c_f · (φ_P − φ_nb), φ scaled by the cell edge so that F is in m³/s, and
 * each cell's net outflow equals its source S_P (m³/s). Solved by conjugate gradients
 * preconditioned with a multigrid V-cycle to ‖S − Aφ‖₂ ≤ tolerance · ‖S‖₂.
 */
import type { Grid } from './grid';
import { apply, buildHierarchy, fineLevel, vcycle } from './multigrid';

export interface FlowResult {
  phi: Float64Array;
  /** Volume flow through the +x, +y, +z face of each cell, m³/s (positive along the axis). */
  fx: Float64Array;
  fy: Float64Array;
  fz: Float64Array;
  iterations: number;
  /** Final ‖S − Aφ‖₂ / ‖S‖₂. */
  residual: number;
  /** Flow that had no way out of a closed region (removed so the problem can be solved), m³/s. */
  unbalancedM3s: number;
  cancelled: boolean;
}

/** Called after each iteration with the relative residual; false cancels. */
export type IterationHook = (iteration: number, residual: number) => boolean;

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Regions of air closed off from each other (connected by open faces): a source in one with no
 * sink makes the equation unsolvable, so each region's net source is spread back over its
 * sources and sinks in proportion, and the amount is reported.
 */
export function balanceRegions(g: Grid, s: Float64Array): number {
  const label = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  const { sx, sxy, cx, cy, cz, solid } = g;
  let unbalanced = 0;
  let region = 0;
  for (let start = 0; start < g.n; start++) {
    if (solid[start] || label[start] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = region;
    let net = 0;
    let gross = 0;
    while (head < tail) {
      const p = queue[head++]!;
      const v = s[p]!;
      net += v;
      gross += v < 0 ? -v : v;
      // The six neighbours through open faces.
      if (cx[p]! > 0 && label[p + 1] === -1) {
        label[p + 1] = region;
        queue[tail++] = p + 1;
      }
      if (cx[p - 1]! > 0 && label[p - 1] === -1) {
        label[p - 1] = region;
        queue[tail++] = p - 1;
      }
      if (cy[p]! > 0 && label[p + sx] === -1) {
        label[p + sx] = region;
        queue[tail++] = p + sx;
      }
      if (cy[p - sx]! > 0 && label[p - sx] === -1) {
        label[p - sx] = region;
        queue[tail++] = p - sx;
      }
      if (cz[p]! > 0 && label[p + sxy] === -1) {
        label[p + sxy] = region;
        queue[tail++] = p + sxy;
      }
      if (cz[p - sxy]! > 0 && label[p - sxy] === -1) {
        label[p - sxy] = region;
        queue[tail++] = p - sxy;
      }
    }
    if (gross > 0 && Math.abs(net) > 1e-9 * gross) {
      unbalanced += Math.abs(net);
      // Scale the side in excess so that the region balances.
      let pos = 0;
      let neg = 0;
      for (let t = 0; t < tail; t++) {
        const v = s[queue[t]!]!;
        if (v > 0) pos += v;
        else neg -= v;
      }
      const shrinkPos = net > 0 && pos > 0 ? neg / pos : 1;
      const shrinkNeg = net < 0 && neg > 0 ? pos / neg : 1;
      for (let t = 0; t < tail; t++) {
        const q = queue[t]!;
        s[q] = s[q]! > 0 ? s[q]! * shrinkPos : s[q]! * shrinkNeg;
      }
    }
    region++;
  }
  return unbalanced;
}

export function solveFlow(
  g: Grid,
  source: Float64Array,
  tolerance: number,
  maxIterations: number,
  hook: IterationHook,
): FlowResult {
  const s = Float64Array.from(source);
  const unbalancedM3s = balanceRegions(g, s);
  const levels = buildHierarchy(fineLevel(g.nx, g.ny, g.nz, g.cx, g.cy, g.cz));
  const fine = levels[0]!;
  const n = g.n;
  const phi = new Float64Array(n);
  const r = Float64Array.from(s);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const norm = Math.sqrt(dot(s, s));
  let iterations = 0;
  let rel = 0;
  let cancelled = false;
  if (norm > 0) {
    vcycle(levels, 0, z, r);
    p.set(z);
    let rz = dot(r, z);
    rel = 1;
    while (iterations < maxIterations) {
      apply(fine, p, q);
      const pq = dot(p, q);
      if (pq <= 0) break;
      const alpha = rz / pq;
      let rr = 0;
      for (let i = 0; i < n; i++) {
        phi[i]! += alpha * p[i]!;
        const ri = r[i]! - alpha * q[i]!;
        r[i] = ri;
        rr += ri * ri;
      }
      iterations++;
      rel = Math.sqrt(rr) / norm;
      if (!hook(iterations, rel)) {
        cancelled = true;
        break;
      }
      if (rel <= tolerance) break;
      vcycle(levels, 0, z, r);
      const rzNew = dot(r, z);
      const beta = rzNew / rz;
      rz = rzNew;
      for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
    }
  }
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const fz = new Float64Array(n);
  const { sx, sxy, cx, cy, cz } = g;
  for (let c = sxy; c < n - sxy; c++) {
    if (g.solid[c]) continue;
    fx[c] = cx[c]! * (phi[c]! - phi[c + 1]!);
    fy[c] = cy[c]! * (phi[c]! - phi[c + sx]!);
    fz[c] = cz[c]! * (phi[c]! - phi[c + sxy]!);
  }
  return { phi, fx, fy, fz, iterations, residual: rel, unbalancedM3s, cancelled };
}
