/**
 * Each room's air side (docs/engine/cooling.md, checks 1 and 2):
 * - sensible heat = Σ racks' heat that reaches the air (after rear doors) + lighting
 *   (W/m² × floor) + losses of the UPSs standing in the room;
 * - sensible capacity = Σ air handlers' net sensible kW + fan walls' once-through capacity
 *   ρ · c_p · V̇ · (1 − b) · ΔT_equip (outside air leaves at the racks' exhaust temperature, so a
 *   fan wall carries what the air it moves through the racks can carry);
 * - airflow: each group of racks (a contained aisle, or the open room) needs
 *   V̇_required = V̇_IT / (1 − b), b the bypass fraction of that group; the room's supply is the
 *   sum of its units' airflow;
 * - both with the declared redundancy: N+k loses the k largest units.
 * ΔT_equip is the airflow-weighted IT rise, Σ P_air / (ρ · c_p · Σ V̇_IT); RTI = V̇_IT / V̇_supply.
 */
import type { Containment, CoolingUnit, Hall, ProjectDocument, Rack } from '../../model/schema';
import { CP_AIR, RHO_AIR } from '../../units/constants';
import { evaporativeSupplyC } from './airflow';
import { availableAfterLoss, type Available } from './redundancy';
import { DESIGN_DELTA_T_K, thermalBasis, type RackThermal } from './rackThermal';
import { IndexedMap } from '../indexedMap';
import { groupBy } from '../../collections';

export interface AirUnit {
  id: string;
  kind: 'air-handler' | 'fan-wall';
  hallId: string;
  airflowM3s: number;
  supplyC: number;
  /** Net sensible capacity, W; for a fan wall its once-through capacity in this room. */
  sensibleW: number;
  /** The contained aisle it discharges into, if any. */
  containmentId: string | null;
}

/** A group of racks that share one air path: a contained aisle, or the open room. */
export interface AirGroup {
  /** The containment id, or null for racks outside any containment. */
  containmentId: string | null;
  rackIds: string[];
  bypassFraction: number;
  recirculationFraction: number;
  /** Air the racks draw, m³/s, and the supply that needs after bypass. */
  demandM3s: number;
  requiredM3s: number;
  /** Heat its racks put into the air, W. */
  airW: number;
  /** Units dedicated to it (in-row coolers discharging into the aisle). */
  unitIds: string[];
  /** Air supplied to it in normal operation, m³/s: its own units, else its share of the room's. */
  supplyM3s: number;
  /** Supply air temperature reaching it, °C (null without supply). */
  supplyC: number | null;
  /** With its own units: what they supply after the declared loss. */
  dedicated: Available | null;
}

export interface RoomCooling {
  hallId: string;
  name: string;
  heat: { rackAirW: number; lightingW: number; upsLossW: number; totalW: number };
  /** Sensible capacity, W, installed and after the declared loss. */
  capacity: Available;
  airflow: { demandM3s: number; requiredM3s: number; supply: Available };
  /** Airflow-weighted supply temperature, °C. */
  supplyC: number | null;
  /** Airflow-weighted IT temperature rise, K. */
  deltaTEquipK: number | null;
  /** Predicted RTI = V̇_IT / V̇_supply · 100 %. */
  rtiPct: number | null;
  groups: AirGroup[];
  units: AirUnit[];
}

export function evaluateRooms(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  upsLossW: ReadonlyMap<string, number>,
  racksByHall: ReadonlyMap<string, readonly Rack[]>,
): RoomCooling[] {
  const { cooling: rules } = doc.settings;
  const basis = thermalBasis(racks);
  const unique = racks instanceof IndexedMap && racks.index.at.size === racks.index.keys.length;
  let containments: ReadonlyMap<string, Containment> | undefined;
  return doc.halls.map((hall) => {
    const hallRacks = racksByHall.get(hall.id) ?? [];
    const ups = upsLossW.get(hall.id) ?? 0;
    const before = worked.get(hall);
    const sameElse =
      before !== undefined &&
      before.cooling === doc.cooling &&
      before.containments === doc.containments &&
      before.rules === rules &&
      before.ups === ups;
    // The same rack objects under the same conditions have the same heat objects: not looked up.
    if (sameElse && basis !== undefined && before.basis === basis && before.hallRacks === hallRacks) return before.room;
    // Under the same conditions, a rack object kept at its place keeps its heat: only the racks
    // that are other objects are looked up among a campus's 10,000 heats (ids each once).
    const kept =
      sameElse &&
      basis !== undefined &&
      before.basis === basis &&
      before.hallRacks.length === hallRacks.length &&
      unique
        ? before
        : null;
    const thermals = hallRacks.map((r, k) => (kept && kept.hallRacks[k] === r ? kept.thermals[k]! : racks.get(r.id)!));
    let room: RoomCooling;
    // A rack's heat is worked out per rack object (rackThermal.ts): the same heat, the same rack.
    if (sameElse && before.thermals.length === thermals.length && before.thermals.every((t, k) => t === thermals[k]))
      room = before.room;
    else {
      containments ??= containmentsIndexed(doc.containments).byId;
      room = roomOf(hall, hallRacks, thermals, ups, doc, rules, containments);
    }
    if (basis !== undefined && unique) heatsOfRacks.set(hallRacks, { basis, thermals });
    worked.set(hall, {
      cooling: doc.cooling,
      containments: doc.containments,
      rules,
      ups,
      thermals,
      basis,
      hallRacks,
      room,
    });
    return room;
  });
}

/**
 * The heats of a hall's racks, in the order of its list of racks, as its room last read them, with
 * the token of their conditions (`thermalBasis`; only where each rack id is listed once, so a heat
 * by place is the heat by id).
 */
const heatsOfRacks = new WeakMap<readonly Rack[], { basis: object; thermals: readonly RackThermal[] }>();

/**
 * The heats of the racks `hallRacks` (a hall's list, as the rooms were worked out from) in `racks`,
 * in that order, when the rooms read them under the same conditions: the hall's findings take
 * them by place rather than looking each rack up among 10,000. Null when not known.
 */
export function hallHeats(
  hallRacks: readonly Rack[],
  racks: ReadonlyMap<string, RackThermal>,
): readonly RackThermal[] | null {
  const kept = heatsOfRacks.get(hallRacks);
  const basis = thermalBasis(racks);
  return kept && basis !== undefined && kept.basis === basis ? kept.thermals : null;
}

/**
 * The containments by id and by hall (in the document's order), per list of them (read-only): a
 * campus has 250, and an edit works out one room again.
 */
const containmentsOf = new WeakMap<
  readonly Containment[],
  { byId: ReadonlyMap<string, Containment>; byHall: ReadonlyMap<string, Containment[]> }
>();

function containmentsIndexed(list: readonly Containment[]) {
  let index = containmentsOf.get(list);
  if (!index)
    containmentsOf.set(
      list,
      (index = { byId: new Map(list.map((c) => [c.id, c])), byHall: groupBy(list, (c) => c.hallId) }),
    );
  return index;
}

/**
 * Each hall's room as last worked out, with what it was worked out from: an edit of one hall's
 * racks works out that room again, not the campus's 42. Shared: read-only.
 */
const worked = new WeakMap<
  Hall,
  {
    cooling: ProjectDocument['cooling'];
    containments: ProjectDocument['containments'];
    rules: ProjectDocument['settings']['cooling'];
    ups: number;
    thermals: readonly RackThermal[];
    /** The heats' conditions (rackThermal.ts `thermalBasis`) and the hall's racks they were read for. */
    basis: object | undefined;
    hallRacks: readonly Rack[];
    room: RoomCooling;
  }
>();

/**
 * A site's air handlers and fan walls by hall, in the document's order, per list: a campus has
 * 1,200 cooling units, read for each hall worked out again.
 */
type AirUnitInput = Extract<CoolingUnit, { kind: 'air-handler' | 'fan-wall' }>;
const airUnitsByHall = new WeakMap<readonly CoolingUnit[], Map<string, AirUnitInput[]>>();

const airUnitsOf = (cooling: readonly CoolingUnit[]) => {
  let out = airUnitsByHall.get(cooling);
  if (!out)
    airUnitsByHall.set(
      cooling,
      (out = groupBy(
        cooling.filter((u): u is AirUnitInput => u.kind === 'air-handler' || u.kind === 'fan-wall'),
        (u) => u.hallId,
      )),
    );
  return out;
};

/** One hall's room from its racks (`hallRacks`, with their heat `thermals` in the same order). */
function roomOf(
  hall: Hall,
  hallRacks: readonly Rack[],
  thermals: readonly RackThermal[],
  ups: number,
  doc: ProjectDocument,
  rules: ProjectDocument['settings']['cooling'],
  containments: ReadonlyMap<string, Containment>,
): RoomCooling {
  const groups = new Map<string | null, AirGroup>();
  const groupOf = (id: string | null): AirGroup => {
    let g = groups.get(id);
    if (!g) {
      const c: Containment | undefined = id === null ? undefined : containments.get(id);
      g = {
        containmentId: id,
        rackIds: [],
        bypassFraction: c?.bypassFraction ?? rules.openBypassFraction,
        recirculationFraction: c?.recirculationFraction ?? rules.openRecirculationFraction,
        demandM3s: 0,
        requiredM3s: 0,
        airW: 0,
        unitIds: [],
        supplyM3s: 0,
        supplyC: null,
        dedicated: null,
      };
      groups.set(id, g);
    }
    return g;
  };
  for (const c of containmentsIndexed(doc.containments).byHall.get(hall.id) ?? []) groupOf(c.id);
  let rackAirW = 0;
  let itAirW = 0;
  let demand = 0;
  for (let k = 0; k < hallRacks.length; k++) {
    const r = hallRacks[k]!;
    const t = thermals[k]!;
    rackAirW += t.roomW;
    itAirW += t.airW;
    demand += t.airflowM3s;
    if (t.airflowM3s === 0 && t.roomW === 0) continue;
    const g = groupOf(t.containmentId);
    g.rackIds.push(r.id);
    g.demandM3s += t.airflowM3s;
    g.airW += t.roomW;
  }
  let required = 0;
  for (const g of groups.values()) {
    g.requiredM3s = g.demandM3s / (1 - g.bypassFraction);
    required += g.requiredM3s;
  }
  const deltaTEquipK = demand > 0 ? itAirW / (RHO_AIR * CP_AIR * demand) : null;
  const usefulShare = required > 0 ? demand / required : 1 - rules.openBypassFraction;

  const units: AirUnit[] = [];
  for (const u of airUnitsOf(doc.cooling).get(hall.id) ?? []) {
    if (u.kind === 'air-handler')
      units.push({
        id: u.id,
        kind: u.kind,
        hallId: u.hallId,
        airflowM3s: u.airflowM3h / 3600,
        supplyC: u.supplyC,
        sensibleW: u.sensibleKw * 1000,
        containmentId: u.containmentId,
      });
    else {
      const flow = u.airflowM3h / 3600;
      units.push({
        id: u.id,
        kind: u.kind,
        hallId: u.hallId,
        airflowM3s: flow,
        supplyC: evaporativeSupplyC(u.outdoorDryBulbC, u.outdoorWetBulbC, u.padEffectiveness),
        sensibleW: RHO_AIR * CP_AIR * flow * usefulShare * (deltaTEquipK ?? DESIGN_DELTA_T_K),
        containmentId: null,
      });
    }
  }

  // Supply per group in normal operation: dedicated units first, the room's shared units split
  // over the remaining groups in proportion to what they require.
  const shared = units.filter((u) => u.containmentId === null || !groups.has(u.containmentId));
  for (const u of units) if (u.containmentId !== null) groups.get(u.containmentId)?.unitIds.push(u.id);
  const sharedFlow = shared.reduce((s, u) => s + u.airflowM3s, 0);
  const sharedGroups = [...groups.values()].filter((g) => g.unitIds.length === 0);
  const sharedRequired = sharedGroups.reduce((s, g) => s + g.requiredM3s, 0);
  for (const g of groups.values()) {
    const own = units.filter((u) => g.unitIds.includes(u.id));
    if (own.length > 0) {
      g.supplyM3s = own.reduce((s, u) => s + u.airflowM3s, 0);
      g.supplyC = weightedSupplyC(own);
      g.dedicated = availableAfterLoss(
        own.map((u) => ({ id: u.id, value: u.airflowM3s })),
        rules.redundancy,
      );
    } else {
      g.supplyM3s = sharedRequired > 0 ? (sharedFlow * g.requiredM3s) / sharedRequired : 0;
      g.supplyC = weightedSupplyC(shared);
    }
  }

  const supply = availableAfterLoss(
    units.map((u) => ({ id: u.id, value: u.airflowM3s })),
    rules.redundancy,
  );
  const lightingW = rules.lightingWPerM2 * hall.width * hall.depth;
  return {
    hallId: hall.id,
    name: hall.name,
    heat: { rackAirW, lightingW, upsLossW: ups, totalW: rackAirW + lightingW + ups },
    capacity: availableAfterLoss(
      units.map((u) => ({ id: u.id, value: u.sensibleW })),
      rules.redundancy,
    ),
    airflow: { demandM3s: demand, requiredM3s: required, supply },
    supplyC: weightedSupplyC(units),
    deltaTEquipK,
    rtiPct: supply.installed > 0 && demand > 0 ? (100 * demand) / supply.installed : null,
    groups: [...groups.values()],
    units,
  };
}

function weightedSupplyC(units: readonly AirUnit[]): number | null {
  const flow = units.reduce((s, u) => s + u.airflowM3s, 0);
  return flow > 0 ? units.reduce((s, u) => s + u.supplyC * u.airflowM3s, 0) / flow : null;
}
