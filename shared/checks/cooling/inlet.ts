/**
 * Estimated inlet temperature of each air-cooled rack, from the design (not a simulation; the
 * 3D thermal simulation refines it): the rack draws its group's supply air mixed with a fraction r
 * of exhaust, T_in = T_s + r · ΔT / (1 − r) (airflow.ts). r is the group's recirculation fraction,
 * raised to the shortfall 1 − V̇_supply · (1 − b) / V̇_IT when the supply reaching the intakes is
 * less than the racks draw (the missing air can only be exhaust). The margin is the rack's
 * allowable maximum (ASHRAE class, narrowed by the vendor) minus that estimate.
 */
import { mixedInletC } from './airflow';
import type { RackThermal } from './rackThermal';
import type { AirGroup } from './rooms';

/** Recirculation cannot reach 1 (T_in would be unbounded); 0.95 is "starved". */
const MAX_RECIRCULATION = 0.95;

export interface RackInlet {
  inletC: number;
  /** Recirculation fraction the estimate used. */
  recirculation: number;
  /** Allowable maximum minus the estimate, K (negative: over the limit). */
  marginK: number | null;
}

export function groupRecirculation(g: AirGroup): number {
  const reaching = g.supplyM3s * (1 - g.bypassFraction);
  const shortfall = g.demandM3s > 0 ? 1 - reaching / g.demandM3s : 0;
  return Math.min(MAX_RECIRCULATION, Math.max(g.recirculationFraction, shortfall));
}

/**
 * The last result: an inlet with the same figures is that object again, and a result with every
 * inlet the same, in the same order, is that map — what reads the results (the loads worker's
 * patches, the page's views) then sees by reference that nothing moved. An edit moves the inlets
 * of one air group; a campus has 10,000.
 */
let last: Map<string, RackInlet> | null = null;

export function rackInlets(
  groups: readonly AirGroup[],
  racks: ReadonlyMap<string, RackThermal>,
): Map<string, RackInlet> {
  const before = last;
  const ids: string[] = [];
  const inlets: RackInlet[] = [];
  let same = before !== null;
  const order = before?.keys();
  for (const g of groups) {
    if (g.supplyC === null) continue;
    const r = groupRecirculation(g);
    for (const id of g.rackIds) {
      const t = racks.get(id)!;
      if (t.deltaTK === null) continue;
      const inletC = mixedInletC(g.supplyC, t.deltaTK, r);
      const marginK = t.envelope ? t.envelope.allowableMaxC - inletC : null;
      const was = before?.get(id);
      const inlet =
        was && was.inletC === inletC && was.recirculation === r && was.marginK === marginK
          ? was
          : { inletC, recirculation: r, marginK };
      if (same && (inlet !== was || order!.next().value !== id)) same = false;
      ids.push(id);
      inlets.push(inlet);
    }
  }
  if (same && ids.length === before!.size) return before!;
  const out = new Map<string, RackInlet>();
  for (let k = 0; k < ids.length; k++) out.set(ids[k]!, inlets[k]!);
  last = out;
  return out;
}
