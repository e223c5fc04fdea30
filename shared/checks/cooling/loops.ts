/**
 * Liquid loops and heat rejection (docs/engine/cooling.md, check 4). Heat flows downstream:
 * racks' cold-plate heat → their CDU; immersed racks' heat → their tank; rear doors' captured heat
 * → their CDU or straight to heat rejection; CDUs, tanks and air handlers → their heat rejection
 * (an air handler takes its room's sensible heat in proportion to its capacity). A CDU also
 * needs the flow that carries its load at its design rise: V̇ = P / (c_p · ΔT) / ρ (worked case 4).
 * Pump and fan heat added to the loops is not counted (a few per cent, on the safe side of nothing).
 */
import type { CoolingUnit, ProjectDocument } from '../../model/schema';
import { waterFlowLpm } from './airflow';
import type { RackThermal } from './rackThermal';
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
): Map<string, LoopLoad> {
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
  for (const u of doc.cooling) {
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
  for (const rack of doc.racks) {
    // A rack on no loop (an air-cooled campus: all of them) is not looked up among 10,000 heats.
    const loop = rack.liquidLoopId === null ? undefined : out.get(rack.liquidLoopId);
    if (!loop) continue;
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
  for (const room of rooms) {
    const handlers = room.units.filter((a) => a.kind === 'air-handler');
    const capacity = room.units.reduce((s, a) => s + a.sensibleW, 0);
    for (const a of handlers) out.get(a.id)!.loadW = capacity > 0 ? (room.heat.totalW * a.sensibleW) / capacity : 0;
  }
  // Push loads downstream: doors → CDUs → rejection (a door may also feed rejection directly).
  for (const kind of ['rear-door', 'cdu', 'immersion-tank', 'air-handler'] as const)
    for (const l of out.values())
      if (l.kind === kind && l.to !== null) {
        const next = out.get(l.to);
        if (next) next.loadW += l.loadW;
      }
  for (const u of doc.cooling)
    if (u.kind === 'cdu') {
      const l = out.get(u.id)!;
      l.flowNeededLpm = waterFlowLpm(l.loadW, u.deltaTK);
    }
  return out;
}
