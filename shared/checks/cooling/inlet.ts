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

export function rackInlets(
  groups: readonly AirGroup[],
  racks: ReadonlyMap<string, RackThermal>,
): Map<string, RackInlet> {
  // After an edit: the last result, with the groups that are other objects, or whose racks' heat
  // is, worked out again — when their racks with an inlet are the same, in the same order.
  const prior = last;
  if (prior && prior.groups.length === groups.length) {
    const out = new Map(prior.result);
    let same = true;
    for (let j = 0; j < groups.length && same; j++) {
      const g = groups[j]!;
      const before = prior.groups[j]!;
      if (g === before && g.rackIds.every((id) => racks.get(id) === prior.racks.get(id))) continue;
      const now = groupInlets(g, racks);
      const then = groupInlets(before, prior.racks);
      same = now.length === then.length && now.every(([id], k) => id === then[k]![0]);
      for (const [id, inlet] of now) out.set(id, inlet);
    }
    if (same) return remember(groups, racks, out);
  }
  const out = new Map<string, RackInlet>();
  for (const g of groups) for (const [id, inlet] of groupInlets(g, racks)) out.set(id, inlet);
  return remember(groups, racks, out);
}

/** The inlets of a group's air-cooled racks, in its racks' order (none without supply air). */
function groupInlets(g: AirGroup, racks: ReadonlyMap<string, RackThermal>): [string, RackInlet][] {
  if (g.supplyC === null) return [];
  const r = groupRecirculation(g);
  const out: [string, RackInlet][] = [];
  for (const id of g.rackIds) {
    const t = racks.get(id)!;
    if (t.deltaTK === null) continue;
    const inletC = mixedInletC(g.supplyC, t.deltaTK, r);
    out.push([id, { inletC, recirculation: r, marginK: t.envelope ? t.envelope.allowableMaxC - inletC : null }]);
  }
  return out;
}

/** The last result, with what it was worked out from (read-only: a copy is patched). */
let last: {
  groups: readonly AirGroup[];
  racks: ReadonlyMap<string, RackThermal>;
  result: ReadonlyMap<string, RackInlet>;
} | null = null;

function remember(
  groups: readonly AirGroup[],
  racks: ReadonlyMap<string, RackThermal>,
  result: Map<string, RackInlet>,
): Map<string, RackInlet> {
  last = { groups, racks, result };
  return result;
}
