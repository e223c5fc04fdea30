/**
 * Steady temperature (docs/engine/thermal.md, "Temperature"): advection by the potential-flow
 * face flows and turbulent diffusion, finite volumes with first-order upwind (Patankar 1980,
 * ch. 5), written per cell P in K · m³/s:
 *
 *   (Σ_out F + Σ D + q_sink) · T_P − Σ_in F · T_nb − Σ D · T_nb = Σ q_src · T_src + H_P / (ρ · c_p)
 *
 * F are the face flows (m³/s), D = Γ · A / d the diffusive conductances (Γ the effective
 * diffusivity, m²/s), q the terminals' flows, H the heat released in the cell (W). The matrix is
 * an M-matrix (bounded: no temperature outside the supply–exhaust range), and conservative: at
 * convergence the heat the units take back equals the heat added, whatever the flows' residual.
 *
 * Γ = α + ν_t / Pr_t with the zero-equation indoor-air model of Chen & Xu (1998, Energy and
 * Buildings 28:137–144): ν_t = 0.03874 · |u| · l, l the distance to the nearest surface of the
 * hall, Pr_t = 0.9; α = 2.2e-5 m²/s is air's thermal diffusivity at 20 °C.
 *
 * Solver, per iteration: one Gauss–Seidel sweep in downwind order, then an additive-correction
 * multigrid cycle (acm.ts), then the racks' coupling. Potential flow has no closed streamlines and
 * air always flows from higher φ to lower φ, so cells sorted by falling φ are in flow order: the
 * sweep carries the advection from every supply to every sink in one pass (Bey & Wittum 1997,
 * "Downwind numbering: robust multigrid for convection-diffusion problems", Applied Numerical
 * Mathematics 23:177–192); the coarse correction removes the smooth errors that diffusion spreads
 * slowly. After each iteration each rack's exhaust temperature is reset to its mean intake
 * temperature plus P / (ρ · c_p · V̇) (the outer fixed point of the rack coupling).
 */
import { CP_AIR, RHO_AIR } from '../units/constants';
import { acmCycle, acmHierarchy, prolongAdd, restrictSum, stencilResidual, type StencilLevel } from './acm';
import type { Boundaries, Terminal } from './boundary';
import type { FlowResult } from './flow';
import type { Grid } from './grid';

/** Chen & Xu (1998): ν_t = 0.03874 · |u| · l. */
export const CHEN_XU_CONSTANT = 0.03874;
export const TURBULENT_PRANDTL = 0.9;
/** Thermal diffusivity of air at 20 °C, m²/s. */
export const AIR_DIFFUSIVITY = 2.2e-5;
const RHO_CP = RHO_AIR * CP_AIR;

export interface EnergyResult {
  temperature: Float64Array;
  iterations: number;
  residual: number;
  cancelled: boolean;
  /** Mean intake (flow-weighted) and maximum intake cell temperature, and exhaust temperature per rack, °C. */
  rackInletC: Float64Array;
  rackInletMaxC: Float64Array;
  rackOutletC: Float64Array;
  /** Mean temperature of the air each unit takes back, °C. */
  unitReturnC: Float64Array;
  heatAddedW: number;
  heatRemovedW: number;
}

/** Effective diffusivity per cell, m²/s (0 in solids). */
function diffusivity(g: Grid, flow: FlowResult): Float64Array {
  const gamma = new Float64Array(g.n);
  const { nx, ny, nz, d, sx, sxy } = g;
  const { fx, fy, fz } = flow;
  const area2 = 2 * d * d;
  const nu = CHEN_XU_CONSTANT / TURBULENT_PRANDTL;
  for (let k = 0; k < nz; k++) {
    const lz = Math.min(k + 0.5, nz - k - 0.5) * d;
    for (let j = 0; j < ny; j++) {
      const lzy = Math.min(lz, Math.min(j + 0.5, ny - j - 0.5) * d);
      let p = 1 + sx * (j + 1) + sxy * (k + 1);
      for (let i = 0; i < nx; i++, p++) {
        if (g.solid[p]) continue;
        const l = Math.min(lzy, Math.min(i + 0.5, nx - i - 0.5) * d);
        const u = (fx[p]! + fx[p - 1]!) / area2;
        const v = (fy[p]! + fy[p - sx]!) / area2;
        const w = (fz[p]! + fz[p - sxy]!) / area2;
        gamma[p] = AIR_DIFFUSIVITY + nu * Math.sqrt(u * u + v * v + w * w) * l;
      }
    }
  }
  return gamma;
}

/**
 * Cells per bucket of the downwind sort: φ is quantised into ⌈cells / 256⌉ levels and cells of
 * one level keep their memory order, which keeps a sweep's reads close together; the order is
 * downwind up to flows within one level (measured: the same iteration count as an exact sort).
 */
const CELLS_PER_BUCKET = 256;

/** Fluid cells sorted by falling potential (downwind order), by a counting sort on quantised φ. */
export function downwindOrder(g: Grid, phi: Float64Array): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (let p = 0; p < g.n; p++) {
    if (g.solid[p]) continue;
    count++;
    const v = phi[p]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const order = new Int32Array(count);
  if (count === 0) return order;
  const buckets = Math.max(1, Math.ceil(count / CELLS_PER_BUCKET));
  const scale = hi > lo ? (buckets - 1) / (hi - lo) : 0;
  const start = new Int32Array(buckets + 1);
  const key = new Int32Array(g.n);
  for (let p = 0; p < g.n; p++) {
    if (g.solid[p]) continue;
    // Highest φ first.
    const b = Math.floor((hi - phi[p]!) * scale);
    key[p] = b;
    start[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  for (let p = 0; p < g.n; p++) {
    if (g.solid[p]) continue;
    order[start[key[p]!]!++] = p;
  }
  return order;
}

interface Coefficients extends StencilLevel {
  aP: Float64Array;
  aE: Float64Array;
  aW: Float64Array;
  aN: Float64Array;
  aS: Float64Array;
  aT: Float64Array;
  aB: Float64Array;
}

/**
 * Face by face: diffusive conductance D = Γ_face · c · A / d = Γ_face · c · d (Γ_face the mean of
 * the two cells), and the flow F enters the upwind cell's diagonal and the downwind cell's
 * neighbour coefficient, the same number in both, which is what makes the scheme conservative.
 */
function coefficients(g: Grid, flow: FlowResult, sinks: Float64Array): Coefficients {
  const gamma = diffusivity(g, flow);
  const { n, sx, sxy, cx, cy, cz, d } = g;
  const aP = Float64Array.from(sinks);
  const aE = new Float64Array(n);
  const aW = new Float64Array(n);
  const aN = new Float64Array(n);
  const aS = new Float64Array(n);
  const aT = new Float64Array(n);
  const aB = new Float64Array(n);
  const { fx, fy, fz } = flow;
  const half = d / 2;
  for (let p = sxy; p < n - sxy; p++) {
    if (g.solid[p]) continue;
    const gp = gamma[p]!;
    let c = cx[p]!;
    if (c > 0) {
      const q = p + 1;
      const dd = (gp + gamma[q]!) * half * c;
      const f = fx[p]!;
      const plus = f > 0 ? f : 0;
      const minus = f < 0 ? -f : 0;
      aE[p] = dd + minus;
      aW[q] = dd + plus;
      aP[p]! += dd + plus;
      aP[q]! += dd + minus;
    }
    c = cy[p]!;
    if (c > 0) {
      const q = p + sx;
      const dd = (gp + gamma[q]!) * half * c;
      const f = fy[p]!;
      const plus = f > 0 ? f : 0;
      const minus = f < 0 ? -f : 0;
      aN[p] = dd + minus;
      aS[q] = dd + plus;
      aP[p]! += dd + plus;
      aP[q]! += dd + minus;
    }
    c = cz[p]!;
    if (c > 0) {
      const q = p + sxy;
      const dd = (gp + gamma[q]!) * half * c;
      const f = fz[p]!;
      const plus = f > 0 ? f : 0;
      const minus = f < 0 ? -f : 0;
      aT[p] = dd + minus;
      aB[q] = dd + plus;
      aP[p]! += dd + plus;
      aP[q]! += dd + minus;
    }
  }
  return { nx: g.nx, ny: g.ny, nz: g.nz, sx, sxy, n, aP, aE, aW, aN, aS, aT, aB };
}

/**
 * The fine level's coefficients copied into downwind order (aP then the six neighbours, per cell),
 * so that a sweep reads them in sequence and only the temperatures are scattered.
 */
interface Ordered {
  cells: Int32Array;
  pack: Float64Array;
}

function ordered(c: Coefficients, order: Int32Array): Ordered {
  const pack = new Float64Array(order.length * 7);
  for (let s = 0; s < order.length; s++) {
    const p = order[s]!;
    const o = 7 * s;
    pack[o] = c.aP[p]!;
    pack[o + 1] = c.aE[p]!;
    pack[o + 2] = c.aW[p]!;
    pack[o + 3] = c.aN[p]!;
    pack[o + 4] = c.aS[p]!;
    pack[o + 5] = c.aT[p]!;
    pack[o + 6] = c.aB[p]!;
  }
  return { cells: order, pack };
}

/** One Gauss–Seidel sweep in downwind order. */
function gsSweep(g: Grid, o: Ordered, t: Float64Array, src: Float64Array): void {
  const { sx, sxy } = g;
  const { cells, pack } = o;
  const m = cells.length;
  for (let s = 0; s < m; s++) {
    const p = cells[s]!;
    const q = 7 * s;
    const ap = pack[q]!;
    if (ap <= 0) continue;
    t[p] =
      (src[p]! +
        pack[q + 1]! * t[p + 1]! +
        pack[q + 2]! * t[p - 1]! +
        pack[q + 3]! * t[p + sx]! +
        pack[q + 4]! * t[p - sx]! +
        pack[q + 5]! * t[p + sxy]! +
        pack[q + 6]! * t[p - sxy]!) /
      ap;
  }
}

const meanOver = (t: Float64Array, term: Terminal) => {
  let s = 0;
  for (let i = 0; i < term.cells.length; i++) s += term.q[i]! * t[term.cells[i]!]!;
  return term.totalM3s > 0 ? s / term.totalM3s : 0;
};

export interface EnergyOptions {
  tolerance: number;
  maxIterations: number;
  /** Called after each iteration with the relative residual; false cancels. */
  hook: (iteration: number, residual: number) => boolean;
}

export function solveEnergy(g: Grid, b: Boundaries, flow: FlowResult, opts: EnergyOptions): EnergyResult {
  const sinks = new Float64Array(g.n);
  const src = new Float64Array(g.n);
  const addTo = (arr: Float64Array, term: Terminal | null, factor: number) => {
    if (!term) return;
    for (let i = 0; i < term.cells.length; i++) arr[term.cells[i]!]! += term.q[i]! * factor;
  };
  for (const r of b.racks) addTo(sinks, r.intake, 1);
  for (const u of b.units) {
    addTo(sinks, u.ret, 1);
    addTo(src, u.supply, u.supplyC);
  }
  addTo(sinks, b.hotDuct?.terminal ?? null, 1);
  addTo(sinks, b.relief?.terminal ?? null, 1);
  addTo(src, b.coldDuct?.terminal ?? null, b.coldDuct?.supplyC ?? 0);
  addTo(src, b.tiles?.terminal ?? null, b.tiles?.supplyC ?? 0);
  addTo(src, b.lighting, 1 / RHO_CP);

  // Start from the airflow-weighted supply temperature everywhere.
  const totalFlow = b.units.reduce((s, u) => s + u.airflowM3s, 0);
  const meanSupply = totalFlow > 0 ? b.units.reduce((s, u) => s + u.airflowM3s * u.supplyC, 0) / totalFlow : 20;
  const t = new Float64Array(g.n).fill(meanSupply);
  const rise = b.racks.map((r) => (r.airflowM3s > 0 ? r.heatW / (RHO_CP * r.airflowM3s) : 0));
  const outlet = new Float64Array(b.racks.length);
  const inlet = new Float64Array(b.racks.length);
  b.racks.forEach((r, i) => {
    outlet[i] = meanSupply + rise[i]!;
    addTo(src, r.exhaust, outlet[i]!);
  });
  const coeffs = coefficients(g, flow, sinks);
  const order = ordered(coeffs, downwindOrder(g, flow.phi));
  const coarse = acmHierarchy(coeffs);
  const r = new Float64Array(g.n);

  const heatAddedW = b.racks.reduce((s, r) => s + r.heatW, 0) + b.lightingW;
  const scaleK = rise.reduce((m, v) => Math.max(m, v), 1);
  const returns = new Float64Array(b.units.length);
  const previous = new Float64Array(b.racks.length + b.units.length).fill(NaN);
  let heatRemovedW = 0;
  let iterations = 0;
  let residual = Infinity;
  let cancelled = false;
  while (iterations < opts.maxIterations) {
    gsSweep(g, order, t, src);
    if (coarse.length > 0) {
      stencilResidual(coeffs, t, src, r);
      restrictSum(coeffs, r, coarse[0]!);
      acmCycle(coarse, 0);
      prolongAdd(coarse[0]!, coeffs, t);
    }
    iterations++;
    b.racks.forEach((r, i) => {
      inlet[i] = meanOver(t, r.intake);
      const next = inlet[i]! + rise[i]!;
      addTo(src, r.exhaust, next - outlet[i]!);
      outlet[i] = next;
    });
    heatRemovedW = unitReturns(b, t, returns);
    let change = 0;
    for (let i = 0; i < inlet.length; i++) change = Math.max(change, Math.abs(inlet[i]! - previous[i]!));
    for (let i = 0; i < returns.length; i++)
      change = Math.max(change, Math.abs(returns[i]! - previous[inlet.length + i]!));
    previous.set(inlet);
    previous.set(returns, inlet.length);
    const imbalance = heatAddedW > 0 ? Math.abs(heatRemovedW - heatAddedW) / heatAddedW : 0;
    residual = Number.isNaN(change) ? 1 : Math.max(change / scaleK, imbalance);
    if (!opts.hook(iterations, residual)) {
      cancelled = true;
      break;
    }
    if (residual <= opts.tolerance) break;
  }
  const rackInletMaxC = new Float64Array(b.racks.length);
  b.racks.forEach((r, i) => {
    let m = -Infinity;
    for (const c of r.intake.cells) m = Math.max(m, t[c]!);
    rackInletMaxC[i] = m;
  });
  return {
    temperature: t,
    iterations,
    residual,
    cancelled,
    rackInletC: inlet,
    rackInletMaxC,
    rackOutletC: outlet,
    unitReturnC: returns,
    heatAddedW,
    heatRemovedW,
  };
}

/**
 * Each unit's return temperature: what its own face takes, plus its shares of the hot-aisle ducts
 * and the roof relief at their mean temperatures. Returns the heat the units remove, W:
 * Σ ρ · c_p · V̇ · (T_return − T_supply).
 */
function unitReturns(b: Boundaries, t: Float64Array, out: Float64Array): number {
  const duct = b.hotDuct ? meanOver(t, b.hotDuct.terminal) : 0;
  const relief = b.relief ? meanOver(t, b.relief.terminal) : 0;
  let removed = 0;
  b.units.forEach((u, i) => {
    const own = u.ret ? u.ret.totalM3s * meanOver(t, u.ret) : 0;
    const flow = (u.ret?.totalM3s ?? 0) + u.hotDuctM3s + u.reliefM3s;
    const ret = flow > 0 ? (own + u.hotDuctM3s * duct + u.reliefM3s * relief) / flow : u.supplyC;
    out[i] = ret;
    removed += RHO_CP * u.airflowM3s * (ret - u.supplyC);
  });
  return removed;
}
