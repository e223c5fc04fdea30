/**
 * Cooling findings (docs/engine/cooling.md): heat balance and airflow per room and contained
 * aisle with the declared redundancy, rack density against its cooling technology, liquid loops
 * and heat rejection, estimated inlet temperatures against ASHRAE limits, and the layout rules.
 * Rack-level rules report one finding per hall and band, naming every rack, so a 10,000-rack
 * site gets a readable list.
 */
import type { CoolingUnit, ProjectDocument, Rack } from '../../model/schema';
import { finding, type Finding } from '../types';
import { celsius, flow, kw, kwBtu } from './format';
import type { RackInlet } from './inlet';
import type { AisleIssue } from './layout';
import type { IndexedMap } from '../indexedMap';
import { loadsMovedSince, type LoopLoad } from './loops';
import { thermalBasis, type RackThermal } from './rackThermal';
import { hallHeats, type RoomCooling } from './rooms';

const TOL = 1e-9;
const SRC_HEAT = 'Sensible heat balance; redundancy N+k loses the k largest units (figures.md §3.4)';
const SRC_AIR = 'V̇ = P / (ρ · c_p · ΔT), figures.md §3.1 (worked cases 4, 5); bypass per containment (§3.5)';
const SRC_DENSITY = 'Density thresholds, figures.md §3.3 (air ≈25–30 kW/rack with containment; review above 30 kW)';
const SRC_LOOP = 'Water flow V̇ = P / (c_p · ΔT) / ρ (figures.md §3.1, worked case 4); capacities at design conditions';
const SRC_INLET = 'ASHRAE TC 9.9 (2021) Table 2.1 envelopes, narrowed by the vendor’s range (figures.md §3.2)';
const SRC_LAYOUT = 'Hot aisle / cold aisle arrangement; aisle minimums are the document’s settings';

/** The cooling units by id, per list of them (read-only): a campus has 1,218, looked up by id at every check. */
const unitsOf = new WeakMap<ProjectDocument['cooling'], ReadonlyMap<string, CoolingUnit>>();
function unitsById(cooling: ProjectDocument['cooling']): ReadonlyMap<string, CoolingUnit> {
  let units = unitsOf.get(cooling);
  if (!units) {
    const byId = new Map<string, CoolingUnit>();
    // The first of an id, as a search through the list finds it.
    for (const u of cooling) if (!byId.has(u.id)) byId.set(u.id, u);
    unitsOf.set(cooling, (units = byId));
  }
  return units;
}

export function roomFindings(doc: ProjectDocument, rooms: readonly RoomCooling[]): Finding[] {
  const model = doc.settings.cooling.redundancy;
  const units = unitsById(doc.cooling);
  const out: Finding[] = [];
  for (const room of rooms) {
    const kept = roomKept.get(room);
    let found: readonly Finding[];
    if (kept && kept.model === model && kept.units === units && kept.containments === doc.containments)
      found = kept.findings;
    else {
      found = oneRoomFindings(doc, room, model, units);
      roomKept.set(room, { model, units, containments: doc.containments, findings: found });
    }
    for (const f of found) out.push(f);
  }
  return out;
}

/**
 * A room's findings, kept per room object (a room is worked out again only when its racks' heat or
 * its units changed: rooms.ts) with the redundancy model, the units and the containments they name.
 */
const roomKept = new WeakMap<
  RoomCooling,
  {
    model: ProjectDocument['settings']['cooling']['redundancy'];
    units: ReadonlyMap<string, CoolingUnit>;
    containments: ProjectDocument['containments'];
    findings: readonly Finding[];
  }
>();

/** One room's heat balance and airflow findings, and those of its contained aisles with their own units. */
function oneRoomFindings(
  doc: ProjectDocument,
  room: RoomCooling,
  model: ProjectDocument['settings']['cooling']['redundancy'],
  units: ReadonlyMap<string, CoolingUnit>,
): Finding[] {
  const out: Finding[] = [];
  const name = (id: string) => units.get(id)?.name ?? id;
  const { heat, capacity, airflow } = room;
  const hasLoad = heat.rackAirW > 0 || airflow.demandM3s > 0;
  if (!hasLoad) return out;
  if (room.units.length === 0) {
    out.push(
      finding({
        rule: 'cooling.heat-balance',
        severity: 'error',
        message: `${room.name}: ${kwBtu(heat.totalW)} of sensible heat and no air cooling in the room.`,
        entities: [room.hallId],
        values: { heatW: heat.totalW, capacityW: 0 },
        formula: 'Σ sensible heat ≤ Σ unit sensible capacity',
        source: SRC_HEAT,
      }),
    );
    return out;
  }
  const lostNames = (ids: string[]) => ids.map(name).join(', ');
  if (heat.totalW > capacity.installed * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.heat-balance',
        severity: 'error',
        message: `${room.name}: sensible heat ${kwBtu(heat.totalW)} exceeds the installed capacity ${kwBtu(capacity.installed)} by ${kw(heat.totalW - capacity.installed)}.`,
        entities: [room.hallId, ...room.units.map((u) => u.id)],
        values: { heatW: heat.totalW, capacityW: capacity.installed, deficitW: heat.totalW - capacity.installed },
        formula: 'Q = Σ rack air heat (after rear doors) + lighting + UPS losses in the room ≤ Σ sensible capacity',
        source: SRC_HEAT,
      }),
    );
  else if (heat.totalW > capacity.available * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.heat-balance',
        severity: 'error',
        key: `cooling.heat-balance:redundancy:${room.hallId}`,
        message: `${room.name}: declared ${model} does not hold — with ${lostNames(capacity.lostIds)} lost, ${kwBtu(capacity.available)} is left for ${kwBtu(heat.totalW)}.`,
        entities: [room.hallId, ...capacity.lostIds],
        values: { heatW: heat.totalW, availableW: capacity.available, deficitW: heat.totalW - capacity.available },
        formula: `Q ≤ Σ capacity − the ${model === '2N' ? 'larger half of the units' : 'largest unit(s)'}`,
        source: SRC_HEAT,
      }),
    );
  airflowFinding(out, {
    key: room.hallId,
    label: room.name,
    entities: [room.hallId, ...room.units.map((u) => u.id)],
    requiredM3s: airflow.requiredM3s,
    supply: airflow.supply.installed,
    available: airflow.supply.available,
    lostIds: airflow.supply.lostIds,
    model,
    name,
  });
  for (const g of room.groups) {
    if (!g.dedicated || g.containmentId === null) continue;
    const c = doc.containments.find((x) => x.id === g.containmentId)!;
    airflowFinding(out, {
      key: c.id,
      label: c.name,
      entities: [c.id, ...g.unitIds, ...g.rackIds],
      requiredM3s: g.requiredM3s,
      supply: g.dedicated.installed,
      available: g.dedicated.available,
      lostIds: g.dedicated.lostIds,
      model,
      name,
    });
  }

  return out;
}

function airflowFinding(
  out: Finding[],
  a: {
    key: string;
    label: string;
    entities: string[];
    requiredM3s: number;
    supply: number;
    available: number;
    lostIds: string[];
    model: string;
    name: (id: string) => string;
  },
): void {
  const formula = 'V̇_required = Σ V̇_IT / (1 − bypass) ≤ Σ unit airflow';
  if (a.requiredM3s > a.supply * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.airflow',
        severity: 'error',
        key: `cooling.airflow:${a.key}`,
        message: `${a.label}: the racks need ${flow(a.requiredM3s)} of supply after bypass; the units move ${flow(a.supply)} — short by ${flow(a.requiredM3s - a.supply)}.`,
        entities: a.entities,
        values: { requiredM3s: a.requiredM3s, supplyM3s: a.supply, deficitM3s: a.requiredM3s - a.supply },
        formula,
        source: SRC_AIR,
      }),
    );
  else if (a.requiredM3s > a.available * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.airflow',
        severity: 'error',
        key: `cooling.airflow:redundancy:${a.key}`,
        message: `${a.label}: declared ${a.model} does not hold for airflow — with ${a.lostIds.map(a.name).join(', ')} lost, ${flow(a.available)} is left for ${flow(a.requiredM3s)} (short by ${flow(a.requiredM3s - a.available)}).`,
        entities: [...a.entities],
        values: { requiredM3s: a.requiredM3s, availableM3s: a.available, deficitM3s: a.requiredM3s - a.available },
        formula: `${formula}, less the largest unit(s)`,
        source: SRC_AIR,
      }),
    );
}

type Rules = ProjectDocument['settings']['cooling'];

/**
 * A hall's findings of one kind as last worked out, by its list of racks (the index's per-hall
 * list: the same object while none of its racks changed), with what else they were worked out
 * from: an edit of one rack works out its hall's findings again, not the campus's 42.
 */
interface HallFindings {
  basis: object;
  rules: Rules;
  name: string;
  room: RoomCooling | undefined;
  findings: Finding[];
}
const densityKept = new WeakMap<readonly Rack[], HallFindings>();
const inletKept = new WeakMap<readonly Rack[], HallFindings>();

/** The halls' names by id, per list of halls (read-only): asked twice at every check. */
const namesOf = new WeakMap<ProjectDocument['halls'], ReadonlyMap<string, string>>();

function hallNames(halls: ProjectDocument['halls']): ReadonlyMap<string, string> {
  let names = namesOf.get(halls);
  if (!names) namesOf.set(halls, (names = new Map(halls.map((h) => [h.id, h.name]))));
  return names;
}

/**
 * Per hall (the racks of each, `byHall`), its findings: those kept for the same racks, heat
 * conditions (rackThermal.ts `thermalBasis`), rules, name and room, or worked out and kept.
 */
function perHall(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  byHall: ReadonlyMap<string, readonly Rack[]>,
  kept: WeakMap<readonly Rack[], HallFindings>,
  roomOf: (hallId: string) => RoomCooling | undefined,
  workOut: (hallId: string, name: string, hallRacks: readonly Rack[]) => Finding[],
): Finding[] {
  const rules = doc.settings.cooling;
  const basis = thermalBasis(racks);
  const hallName = hallNames(doc.halls);
  const out: Finding[] = [];
  for (const [hallId, hallRacks] of byHall) {
    const name = hallName.get(hallId) ?? hallId;
    const room = roomOf(hallId);
    const before = kept.get(hallRacks);
    let findings: Finding[];
    if (before && before.basis === basis && before.rules === rules && before.name === name && before.room === room)
      findings = before.findings;
    else {
      findings = workOut(hallId, name, hallRacks);
      if (basis !== undefined) kept.set(hallRacks, { basis, rules, name, room, findings });
    }
    for (const f of findings) out.push(f);
  }
  return out;
}

const noRoom = () => undefined;

/** Rack density against the technology it stands in, one finding per hall and band. */
export function densityFindings(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  byHall: ReadonlyMap<string, readonly Rack[]>,
): Finding[] {
  return perHall(doc, racks, byHall, densityKept, noRoom, (hallId, name, hallRacks) =>
    hallDensity(doc.settings.cooling, hallId, name, hallRacks, racks),
  );
}

function hallDensity(
  rules: Rules,
  hallId: string,
  hallName: string,
  hallRacks: readonly Rack[],
  racks: ReadonlyMap<string, RackThermal>,
): Finding[] {
  type Band = { severity: 'error' | 'warning'; text: (n: number, maxW: number) => string; formula: string };
  const bands: Record<string, Band> = {
    'needs-liquid': {
      severity: 'error',
      text: (n, w) =>
        `${n} rack${n > 1 ? 's' : ''} hold liquid-cooled equipment but no liquid loop serves them (up to ${kw(w)} that only liquid can carry): connect a CDU or immersion tank.`,
      formula: 'device liquid heat = P · liquid fraction needs a loop',
    },
    'open-max': {
      severity: 'error',
      text: (n, w) =>
        `${n} rack${n > 1 ? 's' : ''} put up to ${kw(w)} into open-room air, above the ${rules.openMaxKw} kW limit for air without containment: contain the aisle, add rear doors or go liquid.`,
      formula: `rack heat to room ≤ ${rules.openMaxKw} kW (open air)`,
    },
    'open-review': {
      severity: 'warning',
      text: (n, w) =>
        `${n} rack${n > 1 ? 's' : ''} put up to ${kw(w)} into open-room air, above the ${rules.openReviewKw} kW at which containment is advised.`,
      formula: `rack heat to room ≤ ${rules.openReviewKw} kW (open air, review)`,
    },
    'contained-max': {
      severity: 'error',
      text: (n, w) =>
        `${n} rack${n > 1 ? 's' : ''} put up to ${kw(w)} into contained air, above the ${rules.containedMaxKw} kW limit for air: add rear doors or go liquid.`,
      formula: `rack heat to room ≤ ${rules.containedMaxKw} kW (contained air)`,
    },
    'contained-review': {
      severity: 'warning',
      text: (n, w) =>
        `${n} rack${n > 1 ? 's' : ''} put up to ${kw(w)} into contained air, above the ${rules.containedReviewKw} kW review threshold: check rear doors or liquid.`,
      formula: `rack heat to room ≤ ${rules.containedReviewKw} kW (contained air, review)`,
    },
    'door-saturated': {
      severity: 'warning',
      text: (n, w) =>
        `${n} rear door${n > 1 ? 's' : ''} run at capacity: up to ${kw(w)} of exhaust heat passes into the room.`,
      formula: 'rack air heat ≤ rear-door capacity',
    },
  };
  const hits = new Map<string, { band: string; rackIds: string[]; maxW: number }>();
  const hit = (band: string, rackId: string, w: number) => {
    const h = hits.get(band) ?? { band, rackIds: [], maxW: 0 };
    h.rackIds.push(rackId);
    h.maxW = Math.max(h.maxW, w);
    hits.set(band, h);
  };
  const heats = hallHeats(hallRacks, racks);
  for (let k = 0; k < hallRacks.length; k++) {
    const rack = hallRacks[k]!;
    const t = heats ? heats[k]! : racks.get(rack.id)!;
    if (t.unservedLiquidW > 0) hit('needs-liquid', rack.id, t.unservedLiquidW);
    if (t.technology === 'immersion') continue;
    if (t.doorW > 0 && t.roomW > TOL) hit('door-saturated', rack.id, t.roomW);
    const contained = t.containmentId !== null;
    const [review, max] = contained
      ? [rules.containedReviewKw, rules.containedMaxKw]
      : [rules.openReviewKw, rules.openMaxKw];
    const prefix = contained ? 'contained' : 'open';
    if (t.roomW > max * 1000 * (1 + TOL)) hit(`${prefix}-max`, rack.id, t.roomW);
    else if (t.roomW > review * 1000 * (1 + TOL)) hit(`${prefix}-review`, rack.id, t.roomW);
  }
  return [...hits.values()].map((h) => {
    const band = bands[h.band]!;
    return finding({
      rule: 'cooling.density',
      severity: band.severity,
      key: `cooling.density:${h.band}:${hallId}`,
      message: `${hallName}: ${band.text(h.rackIds.length, h.maxW)}`,
      entities: h.rackIds,
      values: { racks: h.rackIds.length, maxW: h.maxW },
      formula: band.formula,
      source: SRC_DENSITY,
    });
  });
}

export function loopFindings(doc: ProjectDocument, loops: ReadonlyMap<string, LoopLoad>): Finding[] {
  const units = unitsById(doc.cooling);
  const memo = lastLoops;
  const moved = memo?.units === units ? loadsMovedSince(memo.loops, loops) : null;
  let byLoop: (readonly Finding[])[];
  if (memo && moved) {
    // After an edit, the loops whose loads are other objects (`loadsMovedSince`) are looked at
    // again; while none of them has a finding, before or after, the list is the last one.
    const slots = (loops as IndexedMap<string, LoopLoad>).slots;
    byLoop = memo.byLoop.slice();
    let same = true;
    for (const s of moved) {
      const now = oneLoopFindings(slots[s]!, units);
      if (now.length > 0 || byLoop[s]!.length > 0) same = false;
      byLoop[s] = now;
    }
    lastLoops = { units, loops, byLoop, findings: same ? memo.findings : byLoop.flat() };
  } else {
    byLoop = [...loops.values()].map((l) => oneLoopFindings(l, units));
    lastLoops = { units, loops, byLoop, findings: byLoop.flat() };
  }
  return lastLoops.findings;
}

/**
 * The last loop findings, per loop (in the loops' order) and in one list, with the loads and units
 * they were found for: an edit of racks moves a room's air handlers and their heat rejection.
 */
let lastLoops: {
  units: ReadonlyMap<string, CoolingUnit>;
  loops: ReadonlyMap<string, LoopLoad>;
  byLoop: readonly (readonly Finding[])[];
  findings: Finding[];
} | null = null;

/** One loop's findings: heat with nowhere to go, over capacity, short of flow or slots, a chiller without a COP. */
function oneLoopFindings(l: LoopLoad, units: ReadonlyMap<string, CoolingUnit>): Finding[] {
  const out: Finding[] = [];
  const label = units.get(l.id)?.name ?? l.id;
  if (l.loadW > 0 && l.to === null && l.kind !== 'heat-rejection')
    out.push(
      finding({
        rule: 'cooling.liquid-loop',
        severity: 'error',
        key: `cooling.liquid-loop:unconnected:${l.id}`,
        message: `${label} carries ${kwBtu(l.loadW)} but is connected to no ${l.kind === 'rear-door' ? 'CDU or heat rejection' : 'heat rejection'}: the heat has nowhere to go.`,
        entities: [l.id, ...l.rackIds],
        values: { loadW: l.loadW },
        formula: 'every loop carrying heat ends at heat rejection',
        source: SRC_LOOP,
      }),
    );
  if (l.kind !== 'air-handler' && l.loadW > l.capacityW * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.liquid-loop',
        severity: 'error',
        key: `cooling.liquid-loop:capacity:${l.id}`,
        message: `${label}: ${kwBtu(l.loadW)} against a capacity of ${kwBtu(l.capacityW)} (${((100 * l.loadW) / l.capacityW).toFixed(1)} %).`,
        entities: [l.id, ...l.rackIds],
        values: { loadW: l.loadW, capacityW: l.capacityW, utilisationPct: (100 * l.loadW) / l.capacityW },
        formula: 'Σ heat carried ≤ rated capacity (heat rejection: at design ambient)',
        source: SRC_LOOP,
      }),
    );
  if (l.flowNeededLpm !== null && l.flowLpm !== null && l.flowNeededLpm > l.flowLpm * (1 + TOL))
    out.push(
      finding({
        rule: 'cooling.liquid-loop',
        severity: 'error',
        key: `cooling.liquid-loop:flow:${l.id}`,
        message: `${label}: ${kwBtu(l.loadW)} needs ${l.flowNeededLpm.toFixed(1)} L/min (${(l.flowNeededLpm / 3.785).toFixed(1)} US gpm) at its design rise; it pumps ${l.flowLpm.toFixed(1)} L/min.`,
        entities: [l.id, ...l.rackIds],
        values: { flowNeededLpm: l.flowNeededLpm, flowLpm: l.flowLpm },
        formula: 'V̇ = P / (c_p · ΔT) / ρ ≤ rated flow',
        source: SRC_LOOP,
      }),
    );
  if (l.devices !== null && l.slots !== null && l.devices > l.slots)
    out.push(
      finding({
        rule: 'cooling.liquid-loop',
        severity: 'error',
        key: `cooling.liquid-loop:slots:${l.id}`,
        message: `${label}: ${l.devices} devices for ${l.slots} slots.`,
        entities: [l.id, ...l.rackIds],
        values: { devices: l.devices, slots: l.slots },
        formula: 'devices immersed ≤ tank slots',
        source: SRC_LOOP,
      }),
    );
  if (l.kind === 'heat-rejection') {
    const u = units.get(l.id);
    if (u?.kind === 'heat-rejection' && u.type === 'chiller' && u.cop === null)
      out.push(
        finding({
          rule: 'cooling.liquid-loop',
          severity: 'warning',
          key: `cooling.liquid-loop:cop:${l.id}`,
          message: `${label}: a chiller without a COP — its compressor power is left out of the facility load and PUE.`,
          entities: [l.id],
          values: { loadW: l.loadW },
          formula: 'P_chiller = Q / COP',
          source: SRC_LOOP,
        }),
      );
  }
  return out;
}

/**
 * Estimated inlets over the racks' allowable (error) or recommended (warning) maximum, one finding
 * per hall and severity. A hall's inlets are its air groups', so its findings stand while its
 * racks, their heat and its room are the same objects (`perHall`).
 */
export function inletFindings(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  inlets: ReadonlyMap<string, RackInlet>,
  byHall: ReadonlyMap<string, readonly Rack[]>,
  rooms: readonly RoomCooling[],
): Finding[] {
  const roomOf = new Map(rooms.map((r) => [r.hallId, r]));
  return perHall(
    doc,
    racks,
    byHall,
    inletKept,
    (hallId) => roomOf.get(hallId),
    (hallId, name, hallRacks) => hallInlets(hallId, name, hallRacks, racks, inlets),
  );
}

function hallInlets(
  hallId: string,
  hallName: string,
  hallRacks: readonly Rack[],
  racks: ReadonlyMap<string, RackThermal>,
  inlets: ReadonlyMap<string, RackInlet>,
): Finding[] {
  const groups = new Map<
    'error' | 'warning',
    { severity: 'error' | 'warning'; rackIds: string[]; maxC: number; limitC: number }
  >();
  const heats = hallHeats(hallRacks, racks);
  for (let k = 0; k < hallRacks.length; k++) {
    const rack = hallRacks[k]!;
    const inlet = inlets.get(rack.id);
    const env = (heats ? heats[k] : racks.get(rack.id))?.envelope;
    if (!inlet || !env) continue;
    const over =
      inlet.inletC > env.allowableMaxC + TOL
        ? { severity: 'error' as const, limitC: env.allowableMaxC }
        : inlet.inletC > env.recommendedMaxC + TOL
          ? { severity: 'warning' as const, limitC: env.recommendedMaxC }
          : null;
    if (!over) continue;
    const g = groups.get(over.severity) ?? { ...over, rackIds: [], maxC: -Infinity };
    g.rackIds.push(rack.id);
    g.maxC = Math.max(g.maxC, inlet.inletC);
    g.limitC = Math.min(g.limitC, over.limitC);
    groups.set(over.severity, g);
  }
  return [...groups.values()].map((g) =>
    finding({
      rule: 'cooling.inlet',
      severity: g.severity,
      key: `cooling.inlet:${g.severity}:${hallId}`,
      message: `${hallName}: ${g.rackIds.length} rack${g.rackIds.length > 1 ? 's' : ''} with an estimated inlet up to ${celsius(g.maxC)}, above the ${g.severity === 'error' ? 'allowable' : 'recommended'} ${celsius(g.limitC)} of their equipment.`,
      entities: g.rackIds,
      values: { racks: g.rackIds.length, maxInletC: g.maxC, limitC: g.limitC },
      formula: 'T_in = T_supply + r · ΔT / (1 − r), r = max(recirculation, 1 − V̇_supply·(1 − b) / V̇_IT)',
      source: SRC_INLET,
    }),
  );
}

export function layoutFindings(
  doc: ProjectDocument,
  issues: readonly AisleIssue[],
  misoriented: readonly { containmentId: string; rowIds: string[] }[],
): Finding[] {
  const rules = doc.settings.cooling;
  // Only racks with an issue need their hall: no map of every rack when there is none.
  const hallOf = new Map<string, string>();
  if (issues.length > 0) for (const r of doc.racks) hallOf.set(r.id, r.hallId);
  const hallName = new Map(doc.halls.map((h) => [h.id, h.name]));
  const groups = new Map<
    string,
    { hallId: string; rule: AisleIssue['rule']; ids: string[]; n: number; minGap: number }
  >();
  for (const i of issues) {
    const hallId = hallOf.get(i.rackId)!;
    const key = `${i.rule}:${hallId}`;
    const g = groups.get(key) ?? { hallId, rule: i.rule, ids: [], n: 0, minGap: Infinity };
    g.ids.push(i.rackId, i.otherId);
    g.n++;
    g.minGap = Math.min(g.minGap, i.gapM);
    groups.set(key, g);
  }
  const text: Record<AisleIssue['rule'], (g: { minGap: number }, n: number) => string> = {
    recirculation: (g, n) =>
      `${n} rack${n > 1 ? 's' : ''} draw${n > 1 ? '' : 's'} intake air from another rack's exhaust across the aisle (${g.minGap.toFixed(2)} m at the closest): turn the row so fronts face fronts.`,
    'cold-aisle': (g) => `a cold aisle is ${g.minGap.toFixed(2)} m wide, under the ${rules.minColdAisleM} m minimum.`,
    'hot-aisle': (g) => `a hot aisle is ${g.minGap.toFixed(2)} m wide, under the ${rules.minHotAisleM} m minimum.`,
  };
  const out = [...groups.values()].map((g) =>
    finding({
      rule: 'cooling.layout',
      severity: 'warning',
      key: `cooling.layout:${g.rule}:${g.hallId}`,
      message: `${hallName.get(g.hallId) ?? g.hallId}: ${text[g.rule](g, g.n)}`,
      entities: g.ids,
      values: { minGapM: g.minGap },
      formula:
        g.rule === 'recirculation'
          ? 'a front must not face a rear within the scan distance'
          : `aisle width ≥ ${g.rule === 'cold-aisle' ? rules.minColdAisleM : rules.minHotAisleM} m`,
      source: SRC_LAYOUT,
    }),
  );
  const rowName = new Map(doc.rows.map((r) => [r.id, r.name]));
  for (const m of misoriented) {
    const c = doc.containments.find((x) => x.id === m.containmentId)!;
    out.push(
      finding({
        rule: 'cooling.layout',
        severity: 'error',
        key: `cooling.layout:containment:${c.id}`,
        message: `${c.name} is ${c.type}-aisle containment but ${m.rowIds.map((r) => rowName.get(r) ?? r).join(' and ')} ${m.rowIds.length > 1 ? 'face' : 'faces'} ${c.type === 'hot' ? 'into' : 'away from'} it: ${c.type === 'hot' ? 'backs' : 'fronts'} must face the contained aisle.`,
        entities: [c.id, ...m.rowIds],
        values: {},
        formula:
          c.type === 'hot'
            ? 'rack fronts point away from the contained aisle'
            : 'rack fronts point into the contained aisle',
        source: SRC_LAYOUT,
      }),
    );
  }
  return out;
}
