/**
 * Site energy totals (The Green Grid WP#49, figures.md §2.6; worked case 9):
 * facility = IT + electrical losses + cooling + auxiliary; PUE = facility / IT;
 * DCiE = IT / facility · 100 %; annual energy = facility · 8,760 h (constant load, at the
 * document's load basis: use "typical" for an energy estimate, "nameplate" for a ceiling).
 */
import { HOURS_PER_YEAR } from '../../units/constants';

export interface SiteTotals {
  itW: number;
  /** UPS and transformer losses: Σ (input − output). */
  lossesW: number;
  coolingW: number;
  auxiliaryW: number;
  facilityW: number;
  /** Null without IT load (the ratio is undefined). */
  pue: number | null;
  dciePct: number | null;
  annualEnergyMWh: number;
  /** Non-IT energy per year, MWh. */
  annualOverheadMWh: number;
  annualCost: number;
}

export function siteTotals(parts: {
  itW: number;
  lossesW: number;
  coolingW: number;
  auxiliaryW: number;
  tariffPerKwh: number;
}): SiteTotals {
  const facilityW = parts.itW + parts.lossesW + parts.coolingW + parts.auxiliaryW;
  const annualEnergyMWh = (facilityW * HOURS_PER_YEAR) / 1e6;
  return {
    ...parts,
    facilityW,
    pue: parts.itW > 0 ? facilityW / parts.itW : null,
    dciePct: parts.itW > 0 ? (100 * parts.itW) / facilityW : null,
    annualEnergyMWh,
    annualOverheadMWh: ((facilityW - parts.itW) * HOURS_PER_YEAR) / 1e6,
    annualCost: annualEnergyMWh * 1000 * parts.tariffPerKwh,
  };
}
