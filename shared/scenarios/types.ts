/** What the comparison view, the report and the CLI show for one scenario (shared/scenarios/compare.ts). */
import type { BuildCost } from './buildCost';

/** Cooling technologies, from the least to the most involved (figures.md §3.3). */
export type CoolingTechnology = 'air' | 'containment' | 'rear-door' | 'direct-to-chip' | 'immersion';

export interface CheckVerdict {
  errors: number;
  warnings: number;
}

export interface ScenarioSummary {
  /** The scenario's id; null for the design as drawn. */
  id: string | null;
  name: string;
  /** Racks that hold at least one device. */
  racks: number;
  devices: number;
  gpus: number;
  /** Dense tensor throughput, PFLOPS (figures.md §6.3: dense, never sparse). */
  bf16Pflops: number;
  fp8Pflops: number;
  /** Bitcoin hashrate, PH/s. */
  hashratePhs: number;
  /** IT load and facility load at the document's load basis, MW. */
  itMw: number;
  facilityMw: number;
  pue: number | null;
  /** The technologies its racks need, each listed once, least involved first. */
  coolingTechnologies: CoolingTechnology[];
  verdicts: { power: CheckVerdict; cooling: CheckVerdict; security: CheckVerdict };
  currency: string;
  /** Capital cost of the new-build lines of its bill of materials that have a price. */
  capex: number;
  /** New-build lines without a price: capex is a lower bound while this is above 0. */
  capexUnpricedLines: number;
  annualEnergyMWh: number;
  annualEnergyCost: number;
  /** capex / BF16 PFLOPS; null without GPUs or while an IT device has no price (a lower bound while other lines are unpriced). */
  costPerPflops: number | null;
  /** Indicative build cost of its IT load (worked case 12b), for scale against capex. */
  buildCost: BuildCost;
  /** What applying the scenario could not do as asked (devices that did not fit, unknown devices). */
  notes: string[];
}
