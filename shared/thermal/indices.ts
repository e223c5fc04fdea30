/**
 * Air-management indices (figures.md §3.6; worked cases 6 and 7).
 *
 * Rack Cooling Index (Herrlin 2005, ASHRAE Transactions 111(2); figures.md §3.6), over n intakes
 * with mean temperatures T_x:
 *   RCI_HI = [1 − Σ_{T_x > T_max-rec} (T_x − T_max-rec) / ((T_max-all − T_max-rec) · n)] × 100 %
 *   RCI_LO = [1 − Σ_{T_x < T_min-rec} (T_min-rec − T_x) / ((T_min-rec − T_min-all) · n)] × 100 %
 * Herrlin states one class for the room; a hall mixing classes takes each intake's own limits,
 * which is the same formula term by term (and identical when every intake has one class).
 *
 * Return Temperature Index: RTI = (T_return − T_supply) / ΔT_equip × 100 %, ΔT_equip the
 * airflow-weighted rise across the IT equipment.
 *
 * Recirculation and bypass (Tozer, Kurkjian & Salim 2009, "Air management metrics in data
 * centres", ASHRAE Transactions 115(1)), from airflow-weighted mean temperatures:
 *   R  = (T_IT,in − T_supply) / (T_IT,out − T_supply)   share of intake air that is exhaust;
 *   BP = (T_IT,out − T_return) / (T_IT,out − T_supply)  share of supply air that returns unused.
 */
import { rtiVerdict as rtiBand } from '../checks/cooling/airflow';
import type { InletEnvelope } from '../checks/cooling/ashrae';

/** RTI, %: (T_return − T_supply) / ΔT_equip × 100 — the cooling checks' formula, one copy. */
export { rtiPct as rti } from '../checks/cooling/airflow';

export interface Intake {
  /** Mean intake temperature, °C. */
  meanC: number;
  envelope: Pick<InletEnvelope, 'recommendedMinC' | 'recommendedMaxC' | 'allowableMinC' | 'allowableMaxC'>;
}

/** RCI_HI, %; 100 with no intakes. */
export function rciHi(intakes: readonly Intake[]): number {
  if (intakes.length === 0) return 100;
  let sum = 0;
  for (const { meanC, envelope: e } of intakes) {
    const span = e.allowableMaxC - e.recommendedMaxC;
    if (meanC > e.recommendedMaxC && span > 0) sum += (meanC - e.recommendedMaxC) / span;
  }
  return (1 - sum / intakes.length) * 100;
}

/** RCI_LO, %; 100 with no intakes. */
export function rciLo(intakes: readonly Intake[]): number {
  if (intakes.length === 0) return 100;
  let sum = 0;
  for (const { meanC, envelope: e } of intakes) {
    const span = e.recommendedMinC - e.allowableMinC;
    if (meanC < e.recommendedMinC && span > 0) sum += (e.recommendedMinC - meanC) / span;
  }
  return (1 - sum / intakes.length) * 100;
}

export type RciVerdict = 'good' | 'acceptable' | 'poor';

/** Herrlin's bands (figures.md §3.6): ≥ 96 % good, 91–95 % acceptable, ≤ 90 % poor; the gaps (95–96, 90–91) count as acceptable. */
export function rciVerdict(rci: number): RciVerdict {
  return rci >= 96 ? 'good' : rci > 90 ? 'acceptable' : 'poor';
}

export type RtiNetVerdict = 'balanced' | 'net bypass' | 'net recirculation';

/** The cooling checks' RTI band (100 ± 5 %, figures.md §3.6) in Herrlin's words for a measured or simulated hall: "net" bypass or recirculation. */
export function rtiNetVerdict(rti: number): RtiNetVerdict {
  const band = rtiBand(rti);
  return band === 'balanced' ? band : `net ${band}`;
}

/** Tozer et al. (2009) recirculation R and bypass BP, each clamped to 0..1. */
export function recirculationAndBypass(
  supplyC: number,
  returnC: number,
  itInC: number,
  itOutC: number,
): { recirculation: number; bypass: number } {
  const span = itOutC - supplyC;
  if (!(span > 0)) return { recirculation: 0, bypass: 0 };
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { recirculation: clamp((itInC - supplyC) / span), bypass: clamp((itOutC - returnC) / span) };
}
