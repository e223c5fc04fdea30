/**
 * The thermal simulation's entry (docs/engine/thermal.md): every hall with racks (or those asked
 * for), each solved on its own grid, then per-rack inlets, unit returns, Herrlin's indices,
 * recirculation and bypass, and the findings. Pure and synchronous: the app runs it in a Web
 * Worker, the command line and the benchmarks in Node. `onProgress` is called at least once per
 * solver iteration; returning false cancels the run.
 */
import { catalogFor } from '../catalog';
import { rackThermal } from '../checks/cooling/rackThermal';
import type { Finding } from '../checks/types';
import type { ProjectDocument } from '../model/schema';
import { CP_AIR, RHO_AIR } from '../units/constants';
import { faceCells } from './boundary';
import {
  blockedFinding,
  buoyancyFinding,
  indexFindings,
  noCoolingFinding,
  rackFindings,
  unbalancedFinding,
} from './findings';
import { hallModel } from './hallModel';
import { recirculationAndBypass, rciHi, rciLo, rti, type Intake } from './indices';
import {
  cellCount,
  DEFAULT_TOLERANCE,
  MAX_CELLS,
  MAX_RESOLUTION_M,
  MIN_RESOLUTION_M,
  solveHall,
  type HallSolution,
} from './solver';
import type {
  CoolingReturnResult,
  HallThermalField,
  HallThermalSummary,
  InletStatus,
  RackInletResult,
  ThermalOptions,
  ThermalProgressFn,
  ThermalRun,
} from './types';

const RHO_CP = RHO_AIR * CP_AIR;
/** Standard gravity, m/s² (worked-cases.md constants). */
const GRAVITY = 9.80665;

class Cancelled extends Error {}

export function simulateThermal(
  doc: ProjectDocument,
  options: ThermalOptions,
  onProgress?: ThermalProgressFn,
): ThermalRun {
  const started = Date.now();
  const d = options.resolutionM;
  if (!(d >= MIN_RESOLUTION_M && d <= MAX_RESOLUTION_M))
    return {
      ok: false,
      cancelled: false,
      error: `The resolution must be between ${MIN_RESOLUTION_M} and ${MAX_RESOLUTION_M} m, not ${d}.`,
    };
  const catalog = catalogFor(doc);
  const thermal = rackThermal(doc, catalog);
  const wanted = options.hallIds ? new Set(options.hallIds) : null;
  const hallsWithRacks = new Set(doc.racks.map((r) => r.hallId));
  const models = doc.halls
    .filter((h) => (wanted ? wanted.has(h.id) : hallsWithRacks.has(h.id)))
    .map((h) => hallModel(doc, h, catalog, thermal));
  for (const m of models) {
    const cells = cellCount(m, d);
    if (cells > MAX_CELLS)
      return {
        ok: false,
        cancelled: false,
        error: `${m.hall.name} would need ${cells.toLocaleString('en-US')} cells at ${d} m; the limit is ${MAX_CELLS.toLocaleString('en-US')}. Choose a coarser resolution.`,
      };
  }
  const totalCells = models.reduce((s, m) => s + cellCount(m, d), 0) || 1;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;

  const halls: HallThermalSummary[] = [];
  const fields: HallThermalField[] = [];
  const racks: RackInletResult[] = [];
  const returns: CoolingReturnResult[] = [];
  const findings: Finding[] = [];
  let done = 0;
  try {
    for (const model of models) {
      const hallStarted = Date.now();
      const name = model.hall.name;
      const cells = cellCount(model, d);
      const heatW = model.racks.reduce((s, r) => s + r.heatW, 0);
      const moved = model.racks.some((r) => r.airflowM3s > 0);
      if (!model.units.some((u) => u.airflowM3s > 0)) {
        if (heatW > 0 || moved) findings.push(noCoolingFinding(name, model.hall.id, heatW));
        done += cells;
        continue;
      }
      const solution = solveHall(model, {
        resolutionM: d,
        tolerance,
        maxIterations: options.maxIterations,
        report: (phase, fraction, iteration, residual) => {
          const keep = onProgress?.({
            hallId: model.hall.id,
            phase,
            fraction: (done + fraction * cells) / totalCells,
            iteration,
            residual,
          });
          return keep !== false;
        },
      });
      if (!solution) throw new Cancelled();
      done += cells;
      const hallRacks = rackResults(solution);
      racks.push(...hallRacks);
      const hallReturns = returnResults(solution);
      returns.push(...hallReturns);
      const summary = summarise(solution, hallRacks, hallReturns, (Date.now() - hallStarted) / 1000);
      halls.push(summary);
      fields.push(solution.field);
      findings.push(...rackFindings(name, model.hall.id, hallRacks), ...indexFindings(name, summary));
      if (summary.archimedes !== null && summary.archimedes > 1)
        findings.push(buoyancyFinding(name, model.hall.id, summary.archimedes));
      if (solution.bounds.blocked.length > 0)
        findings.push(blockedFinding(name, model.hall.id, solution.bounds.blocked));
      if (solution.flow.unbalancedM3s > 1e-6)
        findings.push(unbalancedFinding(name, model.hall.id, solution.flow.unbalancedM3s));
    }
  } catch (e) {
    if (e instanceof Cancelled) return { ok: false, cancelled: true, error: 'The simulation was cancelled.' };
    return {
      ok: false,
      cancelled: false,
      error: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  onProgress?.({ hallId: models.at(-1)?.hall.id ?? '', phase: 'results', fraction: 1, iteration: 0, residual: 0 });
  return {
    ok: true,
    result: { resolutionM: d, halls, fields, racks, returns, findings, seconds: (Date.now() - started) / 1000 },
  };
}

function status(r: Omit<RackInletResult, 'status'>, airCooled: boolean, minC: number): InletStatus {
  if (!airCooled) return 'not-air-cooled';
  if (r.inletMaxC > r.allowableMaxC) return 'over-allowable';
  if (r.inletMaxC > r.recommendedMaxC) return 'over-recommended';
  if (r.inletMeanC < minC) return 'under-recommended';
  return 'ok';
}

/**
 * Every rack of the hall: the simulated ones with their intake and exhaust; racks that move no
 * air (immersed, empty) with the air in front of them, marked not air-cooled. Racks whose faces
 * no air reaches are in the `thermal.blocked` finding instead.
 */
function rackResults(sol: HallSolution): RackInletResult[] {
  const { model, bounds, energy, voxels } = sol;
  const index = new Map(bounds.racks.map((r, i) => [r.id, i]));
  const blocked = new Set(bounds.blocked);
  const t = energy.temperature;
  const out: RackInletResult[] = [];
  for (const r of model.racks) {
    if (blocked.has(r.id)) continue;
    const env = r.envelope;
    const limits = {
      recommendedMaxC: env?.recommendedMaxC ?? NaN,
      allowableMaxC: env?.allowableMaxC ?? NaN,
    };
    const i = index.get(r.id);
    let base: Omit<RackInletResult, 'status'>;
    if (i !== undefined) {
      base = {
        rackId: r.id,
        hallId: model.hall.id,
        inletMeanC: energy.rackInletC[i]!,
        inletMaxC: energy.rackInletMaxC[i]!,
        outletC: energy.rackOutletC[i]!,
        airHeatW: r.heatW,
        airflowM3s: r.airflowM3s,
        ...limits,
      };
    } else {
      const box = voxels.racks.get(r.id);
      const cells = box ? faceCells(voxels.grid, box, r.front) : [];
      const temps = cells.map((c) => t[c]!);
      const mean = temps.length > 0 ? temps.reduce((s, v) => s + v, 0) / temps.length : NaN;
      base = {
        rackId: r.id,
        hallId: model.hall.id,
        inletMeanC: mean,
        inletMaxC: temps.length > 0 ? Math.max(...temps) : NaN,
        outletC: mean,
        airHeatW: r.heatW,
        airflowM3s: r.airflowM3s,
        ...limits,
      };
    }
    out.push({ ...base, status: status(base, i !== undefined && env !== null, env?.recommendedMinC ?? -Infinity) });
  }
  return out;
}

function returnResults(sol: HallSolution): CoolingReturnResult[] {
  const { model, bounds, energy } = sol;
  return bounds.units.map((u, i) => {
    const returnC = energy.unitReturnC[i]!;
    return {
      unitId: u.id,
      hallId: model.hall.id,
      supplyC: u.supplyC,
      returnC,
      airflowM3s: u.airflowM3s,
      heatRemovedW: RHO_CP * u.airflowM3s * (returnC - u.supplyC),
    };
  });
}

function summarise(
  sol: HallSolution,
  racks: readonly RackInletResult[],
  returns: readonly CoolingReturnResult[],
  seconds: number,
): HallThermalSummary {
  const g = sol.voxels.grid;
  const cells = g.nx * g.ny * g.nz;
  let solidCells = 0;
  for (let k = 0; k < g.nz; k++)
    for (let j = 0; j < g.ny; j++) {
      const row = 1 + g.sx * (j + 1) + g.sxy * (k + 1);
      for (let i = 0; i < g.nx; i++) solidCells += g.solid[row + i]!;
    }
  const simulated = new Set(sol.bounds.racks.map((r) => r.id));
  const envelopes = new Map(sol.model.racks.map((r) => [r.id, r.envelope]));
  const intakes: Intake[] = [];
  let flow = 0;
  let heat = 0;
  let inFlow = 0;
  let outFlow = 0;
  for (const r of racks) {
    if (!simulated.has(r.rackId)) continue;
    const env = envelopes.get(r.rackId);
    if (env) intakes.push({ meanC: r.inletMeanC, envelope: env });
    flow += r.airflowM3s;
    heat += r.airHeatW;
    inFlow += r.airflowM3s * r.inletMeanC;
    outFlow += r.airflowM3s * r.outletC;
  }
  const unitFlow = returns.reduce((s, u) => s + u.airflowM3s, 0);
  const supplyC = unitFlow > 0 ? returns.reduce((s, u) => s + u.airflowM3s * u.supplyC, 0) / unitFlow : NaN;
  const returnC = unitFlow > 0 ? returns.reduce((s, u) => s + u.airflowM3s * u.returnC, 0) / unitFlow : NaN;
  const deltaTEquipK = flow > 0 ? heat / (RHO_CP * flow) : 0;
  const mix =
    flow > 0 && unitFlow > 0
      ? recirculationAndBypass(supplyC, returnC, inFlow / flow, outFlow / flow)
      : { recirculation: 0, bypass: 0 };
  // Archimedes number with the supply face velocity (the racks' rise over the hall's height).
  const faceFlow = sol.bounds.units.reduce((s, u) => s + (u.supply?.totalM3s ?? 0), 0);
  const faceArea = sol.bounds.units.reduce((s, u) => s + (u.supply ? u.supplyFaceM2 : 0), 0);
  const velocity = faceArea > 0 ? faceFlow / faceArea : 0;
  const archimedes =
    velocity > 0 && deltaTEquipK > 0
      ? (GRAVITY * (deltaTEquipK / (273.15 + supplyC)) * sol.model.roomHeightM) / (velocity * velocity)
      : null;
  return {
    hallId: sol.model.hall.id,
    cells,
    fluidCells: cells - solidCells,
    flowIterations: sol.flow.iterations,
    temperatureIterations: sol.energy.iterations,
    heatAddedW: sol.energy.heatAddedW,
    heatRemovedW: sol.energy.heatRemovedW,
    indices: {
      rciHi: rciHi(intakes),
      rciLo: rciLo(intakes),
      rti: unitFlow > 0 && deltaTEquipK > 0 ? rti(supplyC, returnC, deltaTEquipK) : null,
    },
    ...mix,
    archimedes,
    seconds,
  };
}
