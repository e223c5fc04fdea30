/**
 * Liquid loops and heat rejection (docs/engine/cooling.md, check 4). Heat flows downstream:
 * racks' cold-plate heat → their CDU; immersed racks' heat → their tank; rear doors' captured heat
 * → their CDU or straight to heat rejection; CDUs, tanks and air handlers → their heat rejection
 * (an air handler takes its room's sensible heat in proportion to its capacity). A CDU also
 * needs the flow that carries its load at its design rise: V̇ = P / (c_p · ΔT) / ρ (worked case 4).
 * Pump and fan heat added to the loops is not counted (a few per cent, on the safe side of nothing).
 */
import type { CoolingUnit, ProjectDocument } from '../../model/schema';
import { IndexedMap, Patches } from '../indexedMap';
import { waterFlowLpm } from './airflow';
import { heatsMovedSince, type RackThermal } from './rackThermal';
import type { RoomCooling } from './rooms';

export interface LoopLoad {
  id: string;
  kind: CoolingUnit['kind'];
  loadW: number;
  /** Rated capacity, W (air handlers: net sensible). */
  capacityW: number;
  /** What it sends its heat to (CDU or heat rejection), if anything. */
  to: string | null;
  /** Racks whose heat it carries directly. */
  rackIds: string[];
  /** CDUs: the flow the load needs and the rated flow, L/min. */
  flowNeededLpm: number | null;
  flowLpm: number | null;
  /** Immersion tanks: devices held and slots. */
  devices: number | null;
  slots: number | null;
}

export function loopLoads(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  rooms: readonly RoomCooling[],
): IndexedMap<string, LoopLoad> {
  const memo = last;
  const out = memo ? loadsAfter(memo, doc, racks, rooms) : null;
  if (out) {
    last = { ...memo!, racks, rooms, out };
    return out;
  }
  last = loadsOf(doc, racks, rooms);
  return last.out;
}

/**
 * The last loads worked out, with what they were worked out from and how the air handlers' heat
 * reached what they send it to: an edit of racks on no loop and behind no rear door moves only
 * the air handlers of the rooms whose heat it changed, and what those send their heat to.
 */
interface LoopMemo {
  cooling: ProjectDocument['cooling'];
  racks: ReadonlyMap<string, RackThermal>;
  rooms: readonly RoomCooling[];
  out: IndexedMap<string, LoopLoad>;
  /** Per rack (document order): 1 when its heat is read by a loop or a rear door. */
  readsRack: Uint8Array;
  /** Per loop (slot): the load before the air handlers sent theirs on, W. */
  beforeHandlers: Float64Array;
  /** Per loop: the air handlers (slots) that send their heat to it, in the order they do. */
  handlersInto: (number[] | undefined)[];
  /** Per loop: the loop it sends its heat to (slot), or −1. */
  toSlot: Int32Array;
  /** Per loop: its unit. */
  units: readonly CoolingUnit[];
  /** Whether an edit may be followed: unique ids, no heat sent to an air handler, no air handler in two rooms. */
  followable: boolean;
}

let last: LoopMemo | null = null;

/** The results worked out from the last one, and the slots whose loads are other objects. */
const patches = new Patches<LoopLoad>();

/**
 * The slots at which `to`'s loads may be other objects than `from`'s, when `to` is `from` or was
 * worked out from it (`loopLoads` after an edit); null when unknown.
 */
export const loadsMovedSince = (from: ReadonlyMap<string, LoopLoad>, to: ReadonlyMap<string, LoopLoad>) =>
  patches.movedSince(from, to);

function loadsOf(
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  rooms: readonly RoomCooling[],
): LoopMemo {
  const out = new Map<string, LoopLoad>();
  const blank = (u: CoolingUnit, capacityW: number, to: string | null): LoopLoad => ({
    id: u.id,
    kind: u.kind,
    loadW: 0,
    capacityW,
    to,
    rackIds: [],
    flowNeededLpm: null,
    flowLpm: null,
    devices: null,
    slots: null,
  });
  const unitOf = new Map<string, CoolingUnit>();
  let followable = true;
  for (const u of doc.cooling) {
    if (u.kind !== 'fan-wall') {
      if (unitOf.has(u.id)) followable = false;
      unitOf.set(u.id, u);
    }
    switch (u.kind) {
      case 'air-handler':
        out.set(u.id, blank(u, u.sensibleKw * 1000, u.rejectionId));
        break;
      case 'cdu':
        out.set(u.id, { ...blank(u, u.capacityKw * 1000, u.rejectionId), flowLpm: u.flowLpm });
        break;
      case 'immersion-tank':
        out.set(u.id, { ...blank(u, u.capacityKw * 1000, u.rejectionId), devices: 0, slots: u.slots });
        break;
      case 'rear-door':
        out.set(u.id, { ...blank(u, u.capacityKw * 1000, u.loopId), rackIds: [u.rackId] });
        break;
      case 'heat-rejection':
        out.set(u.id, blank(u, u.capacityKw * 1000, null));
        break;
      case 'fan-wall':
        break;
    }
  }
  const readsRack = new Uint8Array(doc.racks.length);
  const doorRacks = new Set<string>();
  for (const u of doc.cooling) if (u.kind === 'rear-door') doorRacks.add(u.rackId);
  for (let ri = 0; ri < doc.racks.length; ri++) {
    const rack = doc.racks[ri]!;
    if (doorRacks.has(rack.id)) readsRack[ri] = 1;
    // A rack on no loop (an air-cooled campus: all of them) is not looked up among 10,000 heats.
    const loop = rack.liquidLoopId === null ? undefined : out.get(rack.liquidLoopId);
    if (!loop) continue;
    readsRack[ri] = 1;
    const t = racks.get(rack.id)!;
    if (t.liquidW > 0) {
      loop.loadW += t.liquidW;
      loop.rackIds.push(rack.id);
      if (loop.devices !== null) loop.devices += t.deviceCount;
    } else if (loop.devices !== null) {
      loop.rackIds.push(rack.id);
      loop.devices += t.deviceCount;
    }
  }
  for (const u of doc.cooling) if (u.kind === 'rear-door') out.get(u.id)!.loadW = racks.get(u.rackId)?.doorW ?? 0;
  const inRoom = new Set<string>();
  for (const room of rooms) {
    const handlers = room.units.filter((a) => a.kind === 'air-handler');
    const capacity = room.units.reduce((s, a) => s + a.sensibleW, 0);
    for (const a of handlers) {
      if (inRoom.has(a.id)) followable = false;
      inRoom.add(a.id);
      out.get(a.id)!.loadW = capacity > 0 ? (room.heat.totalW * a.sensibleW) / capacity : 0;
    }
  }
  const map = IndexedMap.of(out);
  const slotOf = map.index.at;
  const n = map.slots.length;
  const toSlot = new Int32Array(n).fill(-1);
  const beforeHandlers = new Float64Array(n);
  const handlersInto: (number[] | undefined)[] = new Array(n);
  const loads = map.slots as LoopLoad[];
  for (let s = 0; s < n; s++) toSlot[s] = loads[s]!.to === null ? -1 : (slotOf.get(loads[s]!.to!) ?? -1);
  // Push loads downstream: doors → CDUs → rejection (a door may also feed rejection directly).
  for (const kind of ['rear-door', 'cdu', 'immersion-tank', 'air-handler'] as const) {
    if (kind === 'air-handler') for (let s = 0; s < n; s++) beforeHandlers[s] = loads[s]!.loadW;
    for (let s = 0; s < n; s++) {
      const l = loads[s]!;
      const t = toSlot[s]!;
      if (l.kind !== kind || t === -1) continue;
      loads[t]!.loadW += l.loadW;
      // Heat sent to an air handler goes on with its room's share: not followed after an edit.
      if (loads[t]!.kind === 'air-handler') followable = false;
      if (kind === 'air-handler') (handlersInto[t] ??= []).push(s);
    }
  }
  const units = map.index.keys.map((id) => unitOf.get(id)!);
  for (let s = 0; s < n; s++) {
    const u = units[s]!;
    if (u.kind === 'cdu') loads[s]!.flowNeededLpm = waterFlowLpm(loads[s]!.loadW, u.deltaTK);
  }
  return {
    cooling: doc.cooling,
    racks,
    rooms,
    out: map,
    readsRack,
    beforeHandlers,
    handlersInto,
    toSlot,
    units,
    followable,
  };
}

/**
 * The loads after an edit that moved no loop's racks (`readsRack`) under the same units: the air
 * handlers of the rooms that are other objects take their room's heat again, and what they send
 * it to adds the handlers' heat again, in the same order onto the same load as a full pass
 * (`beforeHandlers`), so the figures are the same to the last bit. Null when the edit is not one.
 */
function loadsAfter(
  memo: LoopMemo,
  doc: ProjectDocument,
  racks: ReadonlyMap<string, RackThermal>,
  rooms: readonly RoomCooling[],
): IndexedMap<string, LoopLoad> | null {
  if (!memo.followable || memo.cooling !== doc.cooling || memo.rooms.length !== rooms.length) return null;
  if (memo.readsRack.length !== doc.racks.length) return null;
  // Loops read heats by rack id: with an id listed twice, a rack may read another's.
  if (!(racks instanceof IndexedMap) || racks.index.at.size !== racks.index.keys.length) return null;
  const movedRacks = heatsMovedSince(memo.racks, racks);
  if (movedRacks === null) return null;
  for (const ri of movedRacks) if (memo.readsRack[ri] || doc.racks[ri]!.liquidLoopId !== null) return null;
  const { out, toSlot, handlersInto, beforeHandlers, units } = memo;
  const slotOf = out.index.at;
  // A copy of 1,218 references on a campus: cheaper than finding first whether anything moved.
  const slots = out.slots.slice() as LoopLoad[];
  const moved: number[] = [];
  const targets = new Set<number>();
  const put = (s: number, load: LoopLoad) => {
    slots[s] = load;
    moved.push(s);
  };
  for (let k = 0; k < rooms.length; k++) {
    const room = rooms[k]!;
    if (room === memo.rooms[k]) continue;
    const capacity = room.units.reduce((s, a) => s + a.sensibleW, 0);
    for (const a of room.units) {
      if (a.kind !== 'air-handler') continue;
      const s = slotOf.get(a.id);
      if (s === undefined) return null;
      const loadW = capacity > 0 ? (room.heat.totalW * a.sensibleW) / capacity : 0;
      if (loadW === out.slots[s]!.loadW) continue;
      put(s, { ...out.slots[s]!, loadW });
      if (toSlot[s] !== -1) targets.add(toSlot[s]!);
    }
  }
  if (moved.length === 0) return out;
  for (const t of targets) {
    let loadW = beforeHandlers[t]!;
    for (const h of handlersInto[t]!) loadW += slots[h]!.loadW;
    const u = units[t]!;
    put(t, {
      ...out.slots[t]!,
      loadW,
      flowNeededLpm: u.kind === 'cdu' ? waterFlowLpm(loadW, u.deltaTK) : out.slots[t]!.flowNeededLpm,
    });
  }
  const result = new IndexedMap(out.index, slots);
  patches.mark(result, out, moved);
  return result;
}
