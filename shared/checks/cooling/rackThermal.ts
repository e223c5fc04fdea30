/**
 * Where each rack's heat goes, and the air it needs (docs/engine/cooling.md):
 * - a rack on an immersion tank puts all its heat into the tank's fluid and draws no air;
 * - a liquid-cooled device on a rack with a CDU sends `liquidFraction` of its heat to the loop
 *   (cold plates) and the rest to the air; without a loop it cannot run as designed, and all its
 *   heat is counted as air (the worst case) while the density check reports it;
 * - a rear door captures up to its capacity from the rack's exhaust before it reaches the room.
 * Airflow is each air-cooled device's published figure, else derived from its air heat at the
 * design rise of 20 °F (11.1 K, the middle of the 20–25 °F typical of contained racks, figures.md
 * §3.1); the rack's rise is ΔT = P_air / (ρ · c_p · V̇) (worked case 5b: 4 × DGX H100 move
 * 4,420 CFM and heat it 16.21 K). Heat is taken on the document's load basis.
 */
import { placesChanged } from '../../collections';
import type { CatalogView, DeviceSpec } from '../../catalog';
import type { CoolingUnit, ProjectDocument, Rack } from '../../model/schema';
import { airDeltaTK, airflowM3s, cfmToM3s, fToK } from './airflow';
import { strictestEnvelope, type InletEnvelope } from './ashrae';
import { idIndex, IndexedMap, Patches } from '../indexedMap';

/** The rise assumed for devices that publish no airflow, K (20 °F). */
export const DESIGN_DELTA_T_K = fToK(20);

/** How a rack is cooled, as the density rules see it. */
export type RackTechnology = 'open-air' | 'contained-air' | 'rear-door' | 'direct-liquid' | 'immersion';

export interface RackThermal {
  /** All device heat, W. */
  itW: number;
  /** Heat into the rack's exhaust air, W (before any rear door). */
  airW: number;
  /** Heat into a liquid loop (cold plates or immersion), W. */
  liquidW: number;
  /** Heat captured by the rack's rear door, W. */
  doorW: number;
  /** Heat that reaches the room's air: airW − doorW. */
  roomW: number;
  /** Liquid heat of devices that need a loop the rack does not have, W. */
  unservedLiquidW: number;
  /** Air moved at full load, m³/s. */
  airflowM3s: number;
  /** Temperature rise across the rack, K (null without air-cooled load). */
  deltaTK: number | null;
  /** Part of the airflow derived from power at the design rise rather than published. */
  derived: boolean;
  technology: RackTechnology;
  /** The containment the rack's row belongs to, if any. */
  containmentId: string | null;
  /** The strictest inlet envelope of its devices (null when empty or immersed). */
  envelope: InletEnvelope | null;
  deviceCount: number;
}

/**
 * Each rack's heat, by rack id in the document's order. After an edit of some racks alone (the
 * same units, containments, load basis and catalog), the last result's keys and values are kept
 * and only the racks that are other objects are worked out again: a campus has 10,000 racks.
 */
export function rackThermal(doc: ProjectDocument, catalog: CatalogView): IndexedMap<string, RackThermal> {
  const { units, doors, containmentOfRow } = lookupsOf(doc);
  const nameplate = doc.settings.loadBasis === 'nameplate';
  const heatOf = (rack: Rack): RackThermal => {
    const loopKind = rack.liquidLoopId === null ? null : units.get(rack.liquidLoopId)?.kind;
    const immersed = loopKind === 'immersion-tank';
    const onCdu = loopKind === 'cdu';
    const door = doors.get(rack.id) ?? null;
    const containmentId = rack.rowId === null ? null : (containmentOfRow.get(rack.rowId) ?? null);
    const before = worked.get(rack);
    if (
      before &&
      before.catalog === catalog &&
      before.immersed === immersed &&
      before.onCdu === onCdu &&
      before.door === door &&
      before.containmentId === containmentId &&
      before.nameplate === nameplate
    )
      return before.thermal;
    const thermal = thermalOf(rack, catalog, immersed, onCdu, door, containmentId, nameplate);
    worked.set(rack, { catalog, immersed, onCdu, door, containmentId, nameplate, thermal });
    return thermal;
  };

  const prior = last;
  const sameConditions =
    prior !== null &&
    prior.cooling === doc.cooling &&
    prior.containments === doc.containments &&
    prior.nameplate === nameplate &&
    prior.catalog === catalog;
  const basis = sameConditions ? basisOf.get(prior.result)! : {};
  if (sameConditions && prior.racks.length === doc.racks.length) {
    let slots: RackThermal[] | null = null;
    const moved: number[] = [];
    let same = true;
    const changed = placesChanged(prior.racks, doc.racks)!;
    for (let m = 0; m < changed.length && same; m++) {
      const i = changed[m]!;
      const rack = doc.racks[i]!;
      // Another id takes another key: worked out whole below.
      if (rack.id !== prior.racks[i]!.id) same = false;
      else {
        (slots ??= prior.result.slots.slice() as RackThermal[])[i] = heatOf(rack);
        moved.push(i);
      }
    }
    if (same) {
      if (!slots) return remember(doc, catalog, nameplate, prior.result, basis);
      const result = new IndexedMap(prior.result.index, slots);
      patches.mark(result, prior.result, moved);
      return remember(doc, catalog, nameplate, result, basis);
    }
  }
  return remember(doc, catalog, nameplate, new IndexedMap(idIndex(doc.racks), doc.racks.map(heatOf)), basis);
}

/** What a rack's heat looks up: the units by id, rear doors' capacity by rack, each row's containment. */
interface Lookups {
  containments: ProjectDocument['containments'];
  units: ReadonlyMap<string, CoolingUnit>;
  doors: ReadonlyMap<string, number>;
  containmentOfRow: ReadonlyMap<string, string>;
}

/** The lookups per list of units, with the containments they were made with: a campus has 1,218 units and 250 containments. */
const lookupsKept = new WeakMap<ProjectDocument['cooling'], Lookups>();

function lookupsOf(doc: ProjectDocument): Lookups {
  const kept = lookupsKept.get(doc.cooling);
  if (kept && kept.containments === doc.containments) return kept;
  const units = new Map(doc.cooling.map((u) => [u.id, u]));
  const doors = new Map<string, number>();
  for (const u of doc.cooling) if (u.kind === 'rear-door') doors.set(u.rackId, u.capacityKw * 1000);
  const containmentOfRow = new Map<string, string>();
  for (const c of doc.containments) for (const r of c.rowIds) containmentOfRow.set(r, c.id);
  const made = { containments: doc.containments, units, doors, containmentOfRow };
  lookupsKept.set(doc.cooling, made);
  return made;
}

/**
 * The conditions a result's heats were worked out under (units, containments, load basis,
 * catalog), as a token: under the same token a rack object has the same heat object, so what is
 * worked out per hall from its racks' heat stands while the hall's racks are the same objects
 * (rooms.ts, findings.ts), without looking each rack up.
 */
const basisOf = new WeakMap<ReadonlyMap<string, RackThermal>, object>();

/** The token of the conditions a result of `rackThermal` was worked out under; undefined for another map. */
export const thermalBasis = (racks: ReadonlyMap<string, RackThermal>): object | undefined => basisOf.get(racks);

/** The results patched from the last one (an edit's), and the slots written again. */
const patches = new Patches<RackThermal>();

/**
 * The slots (places among the keys) at which `to`'s heats may be other objects than `from`'s,
 * when `to` is `from` or was patched from it; null when unknown (another map, or more than one
 * version apart).
 */
export const heatsMovedSince = (from: ReadonlyMap<string, RackThermal>, to: ReadonlyMap<string, RackThermal>) =>
  patches.movedSince(from, to);

/** The last result, with what it was worked out from (read-only: a copy is patched). */
let last: {
  cooling: ProjectDocument['cooling'];
  containments: ProjectDocument['containments'];
  nameplate: boolean;
  catalog: CatalogView;
  racks: readonly Rack[];
  result: IndexedMap<string, RackThermal>;
} | null = null;

/** Keeps a result as the last one, with what it was worked out from and its conditions' token (`thermalBasis`). */
function remember(
  doc: ProjectDocument,
  catalog: CatalogView,
  nameplate: boolean,
  result: IndexedMap<string, RackThermal>,
  basis: object,
): IndexedMap<string, RackThermal> {
  basisOf.set(result, basis);
  last = { cooling: doc.cooling, containments: doc.containments, nameplate, catalog, racks: doc.racks, result };
  return result;
}

/**
 * Each rack's heat as last worked out, with what it was worked out from: an edit makes new objects
 * only for what it changes, so the next check of an editor's document works out again only the
 * racks it touched (or whose loop, door, containment, catalog or load basis changed). Shared:
 * read-only.
 */
const worked = new WeakMap<
  Rack,
  {
    catalog: CatalogView;
    immersed: boolean;
    onCdu: boolean;
    door: number | null;
    containmentId: string | null;
    nameplate: boolean;
    thermal: RackThermal;
  }
>();

/** One rack's heat; plain arguments rather than an options object, as this runs for every rack. */
function thermalOf(
  rack: Rack,
  catalog: CatalogView,
  immersed: boolean,
  onCdu: boolean,
  doorCapacityW: number | null,
  containmentId: string | null,
  nameplate: boolean,
): RackThermal {
  let itW = 0;
  let airW = 0;
  let liquidW = 0;
  let unservedLiquidW = 0;
  let flow = 0;
  let derived = false;
  const specs: DeviceSpec[] = [];
  for (const d of rack.devices) {
    const spec = catalog.device(d.catalogId);
    if (!spec) continue;
    specs.push(spec);
    const w = nameplate ? spec.nameplateW : spec.typicalW;
    itW += w;
    if (immersed) {
      liquidW += w;
      continue;
    }
    const wantsLiquid = spec.cooling === 'air' ? 0 : w * spec.liquidFraction;
    const toLiquid = onCdu && spec.cooling === 'liquid' ? wantsLiquid : 0;
    if (toLiquid < wantsLiquid) unservedLiquidW += wantsLiquid;
    liquidW += toLiquid;
    const air = w - toLiquid;
    airW += air;
    if (spec.cooling === 'air' && spec.airflowCfm !== null) flow += cfmToM3s(spec.airflowCfm);
    else if (air > 0) {
      flow += airflowM3s(air, DESIGN_DELTA_T_K);
      derived = true;
    }
  }
  const doorW = doorCapacityW === null ? 0 : Math.min(airW, doorCapacityW);
  const technology: RackTechnology = immersed
    ? 'immersion'
    : liquidW > 0
      ? 'direct-liquid'
      : doorCapacityW !== null
        ? 'rear-door'
        : containmentId !== null
          ? 'contained-air'
          : 'open-air';
  return {
    itW,
    airW,
    liquidW,
    doorW,
    roomW: airW - doorW,
    unservedLiquidW,
    airflowM3s: flow,
    deltaTK: flow > 0 ? airDeltaTK(airW, flow) : null,
    derived,
    technology,
    containmentId,
    envelope: immersed ? null : strictestEnvelope(specs),
    deviceCount: rack.devices.length,
  };
}
