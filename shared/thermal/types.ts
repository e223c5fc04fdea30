/**
 * The thermal simulation's contract: what goes in (the document and these options) and what comes
 * out (fields per hall, per-rack inlets, cooling-unit returns, Herrlin's indices, findings).
 * The renderer's Worker, the command line and the benchmarks all use these types; docs/engine/thermal.md
 * says how the numbers are made.
 */
import type { Finding } from '../checks/types';

export interface ThermalOptions {
  /** Cell edge, metres (0.5 coarse, 0.25 fine). */
  resolutionM: number;
  /** Only these halls (default: every hall with racks). */
  hallIds?: readonly string[];
  /** Iteration caps and tolerances; defaults in solver.ts, documented in docs/engine/thermal.md. */
  maxIterations?: number;
  tolerance?: number;
}

export type ThermalPhase = 'grid' | 'flow' | 'temperature' | 'results';

export interface ThermalProgress {
  hallId: string;
  phase: ThermalPhase;
  /** 0..1 over the whole run. */
  fraction: number;
  iteration: number;
  /** The current residual of the phase's solver (dimensionless, relative). */
  residual: number;
}

/** Called often during a run; returning `false` cancels it (the run then returns `{ ok: false, cancelled: true }`). */
export type ThermalProgressFn = (p: ThermalProgress) => boolean | void;

export interface ThermalGrid {
  nx: number;
  ny: number;
  nz: number;
  /** Cell edge, metres. Cell (i, j, k) spans x ∈ [i·d, (i+1)·d] (hall-local), y likewise, z up from the floor. */
  cellM: number;
  /**
   * Height of the bottom of layer k = 0 above the slab, m: the raised floor's deck (the plenum
   * below it is not gridded), else 0. Cell k spans z ∈ [zOriginM + k·d, zOriginM + (k+1)·d].
   */
  zOriginM: number;
  /** Index of cell (i, j, k) is i + nx · (j + ny · k). */
}

export interface HallThermalField {
  hallId: string;
  grid: ThermalGrid;
  /** °C per cell; NaN in solid cells. */
  temperatureC: Float32Array;
  /** Air velocity at cell centres, m/s, interleaved (u, v, w) per cell; 0 in solid cells. x east, y south (plan), z up. */
  velocity: Float32Array;
  /**
   * 1 where the cell is solid (wall, rack body, cooling unit, CDU or tank body). Containment
   * panels are thin: they close cell faces, not cells (docs/engine/thermal.md, "Grid").
   */
  solid: Uint8Array;
}

export type InletStatus = 'ok' | 'over-recommended' | 'over-allowable' | 'under-recommended' | 'not-air-cooled';

export interface RackInletResult {
  rackId: string;
  hallId: string;
  /** Mean and maximum over the intake face, °C. */
  inletMeanC: number;
  inletMaxC: number;
  /** Mean exhaust temperature, °C. */
  outletC: number;
  /** Heat the rack puts into the room's air, W (liquid-cooled loads: only the residual). */
  airHeatW: number;
  airflowM3s: number;
  recommendedMaxC: number;
  allowableMaxC: number;
  status: InletStatus;
}

export interface CoolingReturnResult {
  unitId: string;
  hallId: string;
  supplyC: number;
  /** Mean temperature of the air the unit takes back, °C. */
  returnC: number;
  airflowM3s: number;
  /** ρ · cp · V̇ · (T_return − T_supply), W. */
  heatRemovedW: number;
}

export interface HerrlinIndices {
  /** Rack Cooling Index, %, over the racks' mean inlet temperatures (figures.md §3.6, worked case 6). */
  rciHi: number;
  rciLo: number;
  /** Return Temperature Index, % (worked case 7); null with no cooling units. */
  rti: number | null;
}

export interface HallThermalSummary {
  hallId: string;
  cells: number;
  fluidCells: number;
  flowIterations: number;
  temperatureIterations: number;
  /** Heat added by racks and heat removed by cooling units, W; their difference is the energy-balance error. */
  heatAddedW: number;
  heatRemovedW: number;
  indices: HerrlinIndices;
  /** Share of rack intake air that is exhaust (recirculation) and of supply air that returns without passing a rack (bypass), 0..1. */
  recirculation: number;
  bypass: number;
  /**
   * Archimedes number Ar = g · β · ΔT_equip · H / V_s², H the air height, V_s the units' mean
   * supply-face velocity, β = 1 / T: above about 1 buoyancy, which the potential-flow model leaves
   * out, shapes the room's air more than the supply jets do (docs/engine/thermal.md, "Limits").
   * Null without supply through a face.
   */
  archimedes: number | null;
  seconds: number;
}

export interface ThermalResult {
  resolutionM: number;
  halls: HallThermalSummary[];
  fields: HallThermalField[];
  racks: RackInletResult[];
  returns: CoolingReturnResult[];
  /** Racks over their ASHRAE class's recommended or allowable inlet limits, and the indices' verdicts. */
  findings: Finding[];
  seconds: number;
}

export type ThermalRun = { ok: true; result: ThermalResult } | { ok: false; cancelled: boolean; error: string };
