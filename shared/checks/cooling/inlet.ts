/**
 * Estimated inlet temperature of each air-cooled rack, from the design (not a simulation; the
 * 3D thermal simulation refines it): the rack draws its group's supply air mixed with a fraction r
 * of exhaust, T_in = T_s + r · ΔT / (1 − r) (airflow.ts). r is the group's recirculation fraction,
 * raised to the shortfall 1 − V̇_supply · (1 − b) / V̇_IT when the supply reaching the intakes is
 * less than the racks draw (the missing air can only be exhaust). The margin is the rack's
 * allowable maximum (ASHRAE class, narrowed by the vendor) minus that estimate.
 */
import { sameItems } from '../../collections';
import { IndexedMap, keyIndex, type KeyIndex } from '../indexedMap';
import { mixedInletC } from './airflow';
import { heatsMovedSince, type RackThermal } from './rackThermal';
import type { AirGroup } from './rooms';

/** How many places on from the last group found a group's last part is looked for (`rackInlets`). */
const LOOK_AHEAD = 8;

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
 * One air group's inlets as last worked out: the heat of its racks they were worked out from (in
 * `rackIds` order), the racks with an inlet and their inlets, and where they began in the result
 * (an IndexedMap's keys and slots).
 */
interface GroupInlets {
  /** The group they are of. */
  group: AirGroup;
  /** The group's racks (its `rackIds`). */
  rackIds: readonly string[];
  thermals: readonly (RackThermal | undefined)[];
  ids: readonly string[];
  inlets: readonly RackInlet[];
  start: number;
  /** Each of the group's racks' place among the keys of the heats it was worked out from (`sameHeat`), and the least and greatest. */
  places: { keys: KeyIndex<string>; at: Int32Array; min: number; max: number } | null;
}

/**
 * The last result, in order, with each air group's part. An air group is a room's, and a room is
 * worked out again only when its racks' heat is other objects (rooms.ts): so after an edit, a group
 * that is the same object, over racks of the same heat, has the same inlets, which are taken over
 * without being worked out or looked up. A group worked out again keeps, of its inlets, those with
 * the same figures as the last one's objects; and a result with every inlet the same, in the same
 * order, is the last map — what reads the results (the loads worker's patches, the page's views)
 * then sees by reference that nothing moved. An edit moves the inlets of one air group; a campus
 * has 10,000.
 */
let last: {
  map: IndexedMap<string, RackInlet>;
  /** The groups' parts in order. */
  order: readonly GroupInlets[];
  /** The heats it was worked out from: each of its groups has, at its places, the heats it kept. */
  racks: ReadonlyMap<string, RackThermal>;
} | null = null;

/**
 * Whether each of a group's racks has, in `racks`, the heat it had when its inlets were worked
 * out. Read by each rack's place among the racks' keys when they are the keys the group's places
 * were found among (rackThermal.ts gives every version of a document's racks the same keys while
 * the racks are the same): a campus has 10,000 racks in its groups.
 */
function sameHeat(kept: GroupInlets, g: AirGroup, racks: ReadonlyMap<string, RackThermal>): boolean {
  const { rackIds } = g;
  if (rackIds.length !== kept.thermals.length) return false;
  if (racks instanceof IndexedMap && kept.places !== null && kept.places.keys === racks.index) {
    const { at } = kept.places;
    for (let k = 0; k < rackIds.length; k++) if (racks.slots[at[k]!] !== kept.thermals[k]) return false;
    return true;
  }
  for (let k = 0; k < rackIds.length; k++) if (racks.get(rackIds[k]!) !== kept.thermals[k]) return false;
  return true;
}

/**
 * Whether a group kept from the last result still has its racks' heats: when the heats moved since
 * the last result's only at `moved` (`heatsMovedSince`), a group none of whose places lies between
 * the least and greatest of its own has them without each being compared (a campus compares
 * 10,000 racks' heats otherwise, for an edit of one).
 */
function keptHeat(
  kept: GroupInlets,
  g: AirGroup,
  racks: ReadonlyMap<string, RackThermal>,
  moved: readonly number[] | null,
): boolean {
  const places = kept.places;
  if (
    moved !== null &&
    places !== null &&
    racks instanceof IndexedMap &&
    places.keys === racks.index &&
    g.rackIds.length === kept.thermals.length
  ) {
    let near = false;
    for (let m = 0; m < moved.length && !near; m++) near = moved[m]! >= places.min && moved[m]! <= places.max;
    if (!near) return true;
  }
  return sameHeat(kept, g, racks);
}

/** Each of a group's racks' place among the keys of `racks`, when it is an IndexedMap that has them all. */
function placesOf(g: AirGroup, racks: ReadonlyMap<string, RackThermal>): GroupInlets['places'] {
  if (!(racks instanceof IndexedMap)) return null;
  const at = new Int32Array(g.rackIds.length);
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < g.rackIds.length; k++) {
    const place = racks.index.at.get(g.rackIds[k]!);
    if (place === undefined) return null;
    at[k] = place;
    min = Math.min(min, place);
    max = Math.max(max, place);
  }
  return { keys: racks.index, at, min, max };
}

/**
 * One group's inlets worked out, each the last one's object where its figures are the same.
 * `prior`: the last part of a group of the same racks in the same order (the group at the same
 * place, its room worked out again), whose places and inlets are read by position rather than
 * looked up by id among a campus's 10,000 racks.
 */
function groupInlets(
  g: AirGroup & { supplyC: number },
  racks: ReadonlyMap<string, RackThermal>,
  before: ReadonlyMap<string, RackInlet> | undefined,
  start: number,
  prior: GroupInlets | null,
): GroupInlets {
  const r = groupRecirculation(g);
  const thermals: (RackThermal | undefined)[] = [];
  const ids: string[] = [];
  const inlets: RackInlet[] = [];
  // Each rack's heat read at its place among the racks' keys when it has one: one lookup by id per
  // rack, not two.
  const keys = racks instanceof IndexedMap ? racks.index : null;
  const places = prior?.places && prior.places.keys === keys ? prior.places : placesOf(g, racks);
  const slots = places !== null ? (racks as IndexedMap<string, RackThermal>).slots : null;
  /** The prior part's next rack with an inlet (its `ids` follow its `rackIds`). */
  let j = 0;
  // Under the prior part's supply temperature and recirculation, a rack whose heat is the prior's
  // object has the prior's inlet (or none), taken over without reading the heat: a hall's 240
  // heats are strewn over memory, and an edit changes one.
  const sameAir = prior !== null && prior.group.supplyC === g.supplyC && groupRecirculation(prior.group) === r;
  for (let k = 0; k < g.rackIds.length; k++) {
    const id = g.rackIds[k]!;
    const t = slots !== null ? slots[places!.at[k]!] : racks.get(id);
    thermals.push(t);
    const priorHas = prior !== null && prior.ids[j] === id;
    if (priorHas) j++;
    if (sameAir && t === prior.thermals[k]) {
      if (priorHas) {
        ids.push(id);
        inlets.push(prior.inlets[j - 1]!);
      }
      continue;
    }
    if (!t || t.deltaTK === null) continue;
    const inletC = mixedInletC(g.supplyC, t.deltaTK, r);
    const marginK = t.envelope ? t.envelope.allowableMaxC - inletC : null;
    const was = prior === null ? before?.get(id) : priorHas ? prior.inlets[j - 1] : undefined;
    ids.push(id);
    inlets.push(
      was && was.inletC === inletC && was.recirculation === r && was.marginK === marginK
        ? was
        : { inletC, recirculation: r, marginK },
    );
  }
  return { group: g, rackIds: g.rackIds, thermals, ids, inlets, start, places };
}

export function rackInlets(
  groups: readonly AirGroup[],
  racks: ReadonlyMap<string, RackThermal>,
): IndexedMap<string, RackInlet> {
  const before = last;
  // Where the heats moved since the last result's, when known.
  const moved = before ? heatsMovedSince(before.racks, racks) : null;
  // The last result's racks and inlets, in order: its keys and slots.
  const lastIds = before?.map.index.keys;
  const lastInlets = before?.map.slots;
  const order: GroupInlets[] = [];
  /**
   * A group's last part, looked for where the last order has it while the rooms keep their groups:
   * at its own place, or a few places on from the last part found (a room worked out again has
   * other group objects, perhaps more or fewer). A group not found is worked out again, to the
   * same inlets: this only saves work (a map of a campus's 250 groups, made at every check, cost more).
   */
  let cursor = 0;
  const lastPart = (g: AirGroup): GroupInlets | undefined => {
    if (!before) return undefined;
    const o = before.order;
    if (o[order.length]?.group === g) {
      cursor = order.length + 1;
      return o[order.length];
    }
    for (let k = cursor; k < o.length && k < cursor + LOOK_AHEAD; k++)
      if (o[k]!.group === g) {
        cursor = k + 1;
        return o[k];
      }
    return undefined;
  };
  /** Every inlet the last one's object, at its place. */
  let same = before !== null;
  /** Every rack at its last place: then only the groups worked out again are written over a copy of the last inlets. */
  let placed = before !== null;
  const worked: GroupInlets[] = [];
  let count = 0;
  for (const g of groups) {
    if (g.supplyC === null) continue;
    const start = count;
    let part = lastPart(g);
    if (part && keptHeat(part, g, racks, moved)) {
      if (part.start !== start) {
        same = placed = false;
        part = { ...part, start };
      }
    } else {
      const sameAt = before?.order[order.length];
      const prior = sameAt && sameItems(sameAt.rackIds, g.rackIds) ? sameAt : null;
      part = groupInlets(g as AirGroup & { supplyC: number }, racks, before?.map, start, prior);
      worked.push(part);
      // The same racks, and inlets, at the same places as the last result's.
      for (let k = 0; k < part.ids.length && placed; k++) {
        if (lastIds![start + k] !== part.ids[k]) same = placed = false;
        else if (lastInlets![start + k] !== part.inlets[k]) same = false;
      }
    }
    order.push(part);
    count += part.ids.length;
  }
  if (placed && count !== lastIds!.length) same = placed = false;
  if (same) {
    last = { map: before!.map, order, racks };
    return before!.map;
  }
  let ids: readonly string[];
  let inlets: RackInlet[];
  if (placed) {
    ids = lastIds!;
    inlets = lastInlets!.slice() as RackInlet[];
    for (const part of worked) for (let k = 0; k < part.inlets.length; k++) inlets[part.start + k] = part.inlets[k]!;
  } else {
    const allIds: string[] = [];
    inlets = [];
    for (const part of order)
      for (let k = 0; k < part.ids.length; k++) {
        allIds.push(part.ids[k]!);
        inlets.push(part.inlets[k]!);
      }
    ids = allIds;
  }
  // The same racks in the same order keep the last keys: only the inlets are a new array.
  const map = new IndexedMap(before && sameIds(lastIds!, ids) ? before.map.index : keyIndex(ids), inlets);
  last = { map, order, racks };
  return map;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
