/**
 * Electrical formulas (figures.md §2.1–2.2; worked cases 1–3). Units: volts, amperes, watts.
 * Three-phase voltages are line-to-line.
 */
import { SQRT3 } from '../../units/constants';

export type Phases = 1 | 3;

/** Apparent power, VA: S = √3 · V_LL · I (three-phase) or V · I (single-phase). */
export function apparentPowerVA(voltageV: number, currentA: number, phases: Phases): number {
  return (phases === 3 ? SQRT3 : 1) * voltageV * currentA;
}

/** Real power at full rating, W: P = S · PF. */
export function realPowerW(voltageV: number, currentA: number, phases: Phases, powerFactor: number): number {
  return apparentPowerVA(voltageV, currentA, phases) * powerFactor;
}

/**
 * Continuous (usable) real power of a breaker-protected circuit, W: P · derating, where the
 * derating is 0.8 under NEC 210.20(A) (OCPD ≥ 125 % of the continuous load, 1/1.25 = 0.8) and
 * 1.0 for an assembly listed for 100 % operation.
 */
export function usableCircuitW(
  c: { voltageV: number; breakerA: number; phases: Phases; powerFactor: number; hundredPercentRated: boolean },
  deratingFactor: number,
): number {
  const derate = c.hundredPercentRated ? 1 : deratingFactor;
  return realPowerW(c.voltageV, c.breakerA, c.phases, c.powerFactor) * derate;
}

/** Line current of a balanced load, A: I = P / (√3 · V_LL · PF), or P / (V · PF) single-phase. */
export function lineCurrentA(powerW: number, voltageV: number, phases: Phases, powerFactor: number): number {
  return powerW / ((phases === 3 ? SQRT3 : 1) * voltageV * powerFactor);
}

/** Standard breaker ratings, A: NEC 240.6(A) and IEC preferred values (figures.md §2.2, tag U). */
export const BREAKER_SIZES_A = {
  NEC: [15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 110, 125, 150, 175, 200, 225, 250, 300, 350, 400],
  IEC: [6, 10, 13, 16, 20, 25, 32, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400],
} as const;

/**
 * Smallest standard breaker for a continuous load: rating ≥ 1.25 · I (NEC 210.20(A)).
 * Returns null when the load exceeds the largest size in the table.
 */
export function breakerForContinuousLoad(currentA: number, code: keyof typeof BREAKER_SIZES_A): number | null {
  const required = 1.25 * currentA;
  return BREAKER_SIZES_A[code].find((size) => size >= required) ?? null;
}

/**
 * Whole single-phase units of `unitW` that fit on a three-phase wye feed, packed per phase (L-N).
 * Each phase offers V_LN · I · PF · derating with V_LN = V_LL / √3; summing kW over the three
 * phases overstates what discrete single-phase loads can use (worked case 3).
 */
export function singlePhaseUnitsOnWyeFeed(
  feed: { voltageV: number; breakerA: number; powerFactor: number },
  deratingFactor: number,
  unitW: number,
): { perPhase: number; total: number; perPhaseUsableW: number } {
  const perPhaseUsableW = (feed.voltageV / SQRT3) * feed.breakerA * feed.powerFactor * deratingFactor;
  const perPhase = Math.floor(perPhaseUsableW / unitW);
  return { perPhase, total: 3 * perPhase, perPhaseUsableW };
}

/**
 * Current in one phase conductor, A. A three-phase wye feed carries a phase's single-phase loads
 * at V_LN = V_LL / √3 (figures.md §2.1); a single-phase feed at its line voltage.
 */
export function phaseCurrentA(phaseW: number, voltageV: number, phases: Phases, powerFactor: number): number {
  return phaseW / phaseWattsPerAmp(voltageV, phases, powerFactor);
}

/** Real power one phase conductor carries per ampere, W/A: V_LN · PF (V_LL / √3 · PF three-phase), V · PF single-phase. */
export function phaseWattsPerAmp(voltageV: number, phases: Phases, powerFactor: number): number {
  return (phases === 3 ? voltageV / SQRT3 : voltageV) * powerFactor;
}

/**
 * Current unbalance, %: the largest deviation of a phase current from the mean of the three,
 * over the mean (the NEMA MG-1 / IEEE 1159 "maximum deviation from average" definition).
 * Zero when nothing is drawn.
 */
export function phaseImbalancePct(currents: readonly [number, number, number]): number {
  return imbalancePctOf(currents[0], currents[1], currents[2]);
}

/** `phaseImbalancePct` of the three currents given one by one (a campus's 20,000 circuits are read without a tuple each). */
export function imbalancePctOf(a: number, b: number, c: number): number {
  const mean = (a + b + c) / 3;
  if (mean <= 0) return 0;
  return (100 * Math.max(Math.abs(a - mean), Math.abs(b - mean), Math.abs(c - mean))) / mean;
}
