/**
 * Usable (continuous) capacity of each kind of component, W of real power at its output, and the
 * per-phase current limit of three-phase distribution. One rule per kind, with its source:
 *
 * - Utility service: S_kVA · PF · derating (NEC 230.42(A)(1): services carry continuous load at
 *   1/1.25 of rating, as branch circuits do; figures.md §2.2).
 * - Generator: standby kW rating (no continuous derating: the rating is already real power).
 * - Transformer: S_kVA · PF · max loading (worked case 8: 80 %).
 * - Switchgear, PDU/RPP/busway, rack circuit: √3 · V_LL · I · PF · derating for three-phase,
 *   V · I · PF · derating single-phase; derating 1.0 when the assembly is 100 %-rated
 *   (NEC 210.20(A), 215.3; worked case 1).
 * - UPS: working modules · min(module kW, module kVA · PF): sized on both kW and kVA
 *   (figures.md §2.4); a lost module takes its share away (worked case 8).
 * - Mechanical load: a load, not a supply: unlimited.
 */
import type { PowerComponent, Settings } from '../../model/schema';
import { realPowerW } from './electrical';

export function usableW(c: PowerComponent, settings: Settings, lostModules = 0): number {
  const derate = (hundredPercentRated: boolean) => (hundredPercentRated ? 1 : settings.deratingFactor);
  switch (c.kind) {
    case 'utility':
      return c.capacityKva * 1000 * c.powerFactor * settings.deratingFactor;
    case 'generator':
      return c.ratingKw * 1000;
    case 'transformer':
      return c.ratingKva * 1000 * c.powerFactor * settings.transformerMaxLoading;
    case 'switchgear':
      return realPowerW(c.voltageV, c.ratingA, 3, c.powerFactor) * derate(c.hundredPercentRated);
    case 'distribution':
      return realPowerW(c.voltageV, c.ratingA, c.phases, c.powerFactor) * derate(c.hundredPercentRated);
    case 'circuit':
      return realPowerW(c.voltageV, c.breakerA, c.phases, c.powerFactor) * derate(c.hundredPercentRated);
    case 'ups':
      return Math.max(0, c.modules - lostModules) * Math.min(c.moduleKw, c.moduleKva * c.powerFactor) * 1000;
    case 'mechanical':
      return Infinity;
  }
}

/** Continuous current limit per phase conductor, A, for components whose phases are tracked. */
export function phaseLimitA(c: PowerComponent, settings: Settings): number | null {
  if (c.kind === 'circuit') return c.breakerA * (c.hundredPercentRated ? 1 : settings.deratingFactor);
  if (c.kind === 'distribution') return c.ratingA * (c.hundredPercentRated ? 1 : settings.deratingFactor);
  return null;
}

/** Output / input, for the components that lose power converting it. */
export function efficiency(c: PowerComponent): number {
  return c.kind === 'ups' || c.kind === 'transformer' ? c.efficiencyPct / 100 : 1;
}

/** Components whose phase loading is tracked: rack circuits and PDUs / RPPs / busways. */
export function tracksPhases(c: PowerComponent): c is Extract<PowerComponent, { kind: 'circuit' | 'distribution' }> {
  return c.kind === 'circuit' || c.kind === 'distribution';
}
