/**
 * One hall, from the model to its fields and per-rack numbers: voxelise, place the boundary
 * conditions, solve the airflow, solve the temperature (docs/engine/thermal.md). The defaults
 * below are the convergence criteria the documentation states.
 */
import { boundaries, sourceField, type Boundaries } from './boundary';
import { solveEnergy, type EnergyResult } from './energy';
import { solveFlow, type FlowResult } from './flow';
import { unpad } from './grid';
import type { HallModel } from './hallModel';
import type { HallThermalField, ThermalPhase } from './types';
import { voxelise, type Voxels } from './voxelise';

/**
 * Temperature: stop when no rack's mean intake and no unit's return temperature moved by more
 * than tolerance × the largest rack rise over an iteration (two sweeps) and the heat the units
 * remove matches the heat added within tolerance (relative).
 */
export const DEFAULT_TOLERANCE = 1e-3;
/** Airflow: ‖S − Aφ‖ / ‖S‖ ≤ FLOW_TOLERANCE_FACTOR × tolerance (the temperature rests on it). */
export const FLOW_TOLERANCE_FACTOR = 1e-2;
export const DEFAULT_MAX_FLOW_ITERATIONS = 200;
export const DEFAULT_MAX_ENERGY_ITERATIONS = 400;
/**
 * Finest and coarsest cell edges accepted, m, and the largest grid per hall: the solvers peak at
 * about 280 bytes a cell (measured: 361 MB resident for 1.01 M cells), so 10 M cells ≈ 2.8 GB.
 */
export const MIN_RESOLUTION_M = 0.05;
export const MAX_RESOLUTION_M = 2;
export const MAX_CELLS = 10_000_000;

export interface HallSolution {
  model: HallModel;
  voxels: Voxels;
  bounds: Boundaries;
  flow: FlowResult;
  energy: EnergyResult;
  field: HallThermalField;
}

export interface SolveOptions {
  resolutionM: number;
  tolerance: number;
  maxIterations: number | undefined;
  /** Progress within the hall: phase, fraction of the hall's work done, iteration, residual; false cancels. */
  report: (phase: ThermalPhase, fraction: number, iteration: number, residual: number) => boolean;
}

/** Cells a hall would have at a resolution (to refuse a grid too large before building it). */
export function cellCount(model: HallModel, d: number): number {
  return Math.ceil(model.hall.width / d) * Math.ceil(model.hall.depth / d) * Math.ceil(model.roomHeightM / d);
}

/** Null when cancelled. */
export function solveHall(model: HallModel, opts: SolveOptions): HallSolution | null {
  if (!opts.report('grid', 0, 0, 1)) return null;
  const voxels = voxelise(model, opts.resolutionM);
  const g = voxels.grid;
  const bounds = boundaries(model, voxels);
  const source = sourceField(g, bounds);
  if (!opts.report('flow', 0.05, 0, 1)) return null;
  const flowMax = opts.maxIterations ?? DEFAULT_MAX_FLOW_ITERATIONS;
  const flow = solveFlow(g, source, opts.tolerance * FLOW_TOLERANCE_FACTOR, flowMax, (it, res) =>
    opts.report('flow', 0.05 + 0.35 * Math.min(1, it / 30), it, res),
  );
  if (flow.cancelled) return null;
  if (!opts.report('temperature', 0.4, 0, 1)) return null;
  const energyMax = opts.maxIterations ?? DEFAULT_MAX_ENERGY_ITERATIONS;
  const energy = solveEnergy(g, bounds, flow, {
    tolerance: opts.tolerance,
    maxIterations: energyMax,
    hook: (it, res) => opts.report('temperature', 0.4 + 0.55 * Math.min(1, it / 40), it, res),
  });
  if (energy.cancelled) return null;
  if (!opts.report('results', 0.95, 0, energy.residual)) return null;
  return { model, voxels, bounds, flow, energy, field: hallField(model.hall.id, voxels, flow, energy) };
}

/** The public fields: temperature (NaN in solids), cell-centre velocity, solid flags, unpadded. */
function hallField(hallId: string, vox: Voxels, flow: FlowResult, energy: EnergyResult): HallThermalField {
  const g = vox.grid;
  const cells = g.nx * g.ny * g.nz;
  const temperatureC = new Float32Array(cells);
  const velocity = new Float32Array(cells * 3);
  const solid = new Uint8Array(cells);
  unpad(g, g.solid, solid);
  const t = energy.temperature;
  const padded = new Float64Array(g.n * 3);
  const a = 2 * g.d * g.d;
  for (let p = g.sxy; p < g.n - g.sxy; p++) {
    if (g.solid[p]) continue;
    padded[3 * p] = (flow.fx[p]! + flow.fx[p - 1]!) / a;
    padded[3 * p + 1] = (flow.fy[p]! + flow.fy[p - g.sx]!) / a;
    padded[3 * p + 2] = (flow.fz[p]! + flow.fz[p - g.sxy]!) / a;
  }
  unpad(g, padded, velocity, 3);
  unpad(g, t, temperatureC);
  for (let c = 0; c < cells; c++) if (solid[c]) temperatureC[c] = NaN;
  return {
    hallId,
    grid: { nx: g.nx, ny: g.ny, nz: g.nz, cellM: g.d, zOriginM: g.zOriginM },
    temperatureC,
    velocity,
    solid,
  };
}
