/**
 * The cooling engine (docs/engine/cooling.md): where each rack's heat goes, each room's heat and
 * airflow balance with the declared redundancy, liquid loops to heat rejection, estimated inlet
 * temperatures, layout rules and the cooling plant's electrical power. Data in, findings and
 * metrics out.
 */
import { placesChanged, pushTo } from '../../collections';
import type { CatalogView } from '../../catalog';
import type { Hall, ProjectDocument, Rack } from '../../model/schema';
import type { Finding } from '../types';
import { coolingPower, type CoolingPower } from './coolingPower';
import { densityFindings, inletFindings, layoutFindings, loopFindings, roomFindings } from './findings';
import { rackInlets, type RackInlet } from './inlet';
import { aisleIssues, keptRackBoxes, misorientedContainments, sameLayout, type AisleIssue, type Box } from './layout';
import { loopLoads, type LoopLoad } from './loops';
import { rackThermal, type RackThermal } from './rackThermal';
import { evaluateRooms, type AirGroup, type RoomCooling } from './rooms';

export interface CoolingMetrics {
  racks: ReadonlyMap<string, RackThermal>;
  inlets: ReadonlyMap<string, RackInlet>;
  rooms: RoomCooling[];
  loops: ReadonlyMap<string, LoopLoad>;
  power: CoolingPower;
  /** Whether the document models its cooling (otherwise the power engine estimates it). */
  designed: boolean;
}

/** Racks per hall, grouped once so no rule scans every rack for each hall: what the balance checks read. */
export interface HallRacks {
  byHall: Map<string, Rack[]>;
}

/** Racks per hall and per row: what the layout rules read as well. */
export interface RackIndex extends HallRacks {
  byRow: Map<string, Rack[]>;
}

export function indexRacks(racks: readonly Rack[]): RackIndex {
  const byRow = new Map<string, Rack[]>();
  for (const r of racks) if (r.rowId !== null) pushTo(byRow, r.rowId, r);
  return { byHall: indexRacksAfter(racks, null).index.byHall, byRow };
}

/** Racks per hall with the racks they were grouped from and each rack's place in its hall's list. */
export interface KeptRackIndex {
  racks: readonly Rack[];
  index: HallRacks;
  hallSlot: Int32Array;
}

/**
 * The racks per hall of `racks`, made from `previous` where only some racks were replaced by
 * others of the same id and hall (an edit of what racks hold): those halls' lists are copied with
 * them in their places, every other list is the last one. Anything else is grouped afresh.
 */
export function indexRacksAfter(racks: readonly Rack[], previous: KeptRackIndex | null): KeptRackIndex {
  if (previous?.racks === racks) return previous;
  if (previous && previous.racks.length === racks.length) {
    let byHall: Map<string, Rack[]> | null = null;
    const copied = new Set<Rack[]>();
    let same = true;
    const changed = placesChanged(previous.racks, racks)!;
    for (let m = 0; m < changed.length && same; m++) {
      const i = changed[m]!;
      const before = previous.racks[i]!;
      const r = racks[i]!;
      if (before.id !== r.id || before.hallId !== r.hallId) same = false;
      else {
        byHall ??= new Map(previous.index.byHall);
        let list = byHall.get(r.hallId)!;
        if (!copied.has(list)) {
          byHall.set(r.hallId, (list = [...list]));
          copied.add(list);
        }
        list[previous.hallSlot[i]!] = r;
      }
    }
    if (same) return { racks, index: byHall ? { byHall } : previous.index, hallSlot: previous.hallSlot };
  }
  const byHall = new Map<string, Rack[]>();
  const hallSlot = new Int32Array(racks.length);
  for (let i = 0; i < racks.length; i++) {
    const r = racks[i]!;
    const list = byHall.get(r.hallId);
    if (list) hallSlot[i] = list.push(r) - 1;
    else byHall.set(r.hallId, [r]);
  }
  return { racks, index: { byHall }, hallSlot };
}

/**
 * The heat and air side without UPS losses in the rooms: what the power engine needs for the
 * cooling plant's power. Losses of UPSs standing in a hall enter that room's heat balance (in
 * `runCoolingChecks`) but not the plant power: they would make the chain depend on itself, and
 * they are a few per cent of the heat, divided again by a chiller's COP.
 */
export type CoolingEvaluation = Omit<CoolingMetrics, 'inlets'>;

export function evaluateCooling(
  doc: ProjectDocument,
  catalog: CatalogView,
  index: HallRacks = indexRacks(doc.racks),
): CoolingEvaluation {
  const racks = rackThermal(doc, catalog);
  const rooms = evaluateRooms(doc, racks, new Map(), index.byHall);
  const loops = loopLoads(doc, racks, rooms);
  return { racks, rooms, loops, power: coolingPower(doc, loops), designed: doc.cooling.length > 0 };
}

/** Cooling power, W, for the power engine: the designed plant's, or the `coolingPowerRatio` estimate without one. */
export function facilityCoolingW(
  doc: ProjectDocument,
  catalog: CatalogView,
  itW: number,
  evaluated?: CoolingEvaluation,
): number {
  if (doc.cooling.length === 0) return doc.settings.coolingPowerRatio * itW;
  return (evaluated ?? evaluateCooling(doc, catalog)).power.totalW;
}

/**
 * Findings and metrics. `base` is the evaluation the power engine already used (reused as is when
 * no UPS stands in a hall); the reported plant power is always its figure, so the Cooling tab and
 * the site totals agree.
 */
export function runCoolingChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
  upsLossByHall: ReadonlyMap<string, number>,
  base: CoolingEvaluation = evaluateCooling(doc, catalog),
  index: RackIndex = indexRacks(doc.racks),
): { findings: Finding[]; metrics: CoolingMetrics } {
  const balance = runCoolingBalance(doc, upsLossByHall, base, index);
  return { findings: [...balance.findings, ...coolingLayoutFindings(doc, catalog, index)], metrics: balance.metrics };
}

/**
 * Heat and air balance, loops, density and inlets: everything but the layout rules. None of it
 * depends on where racks stand in their hall, so moving racks leaves it as it was.
 */
export function runCoolingBalance(
  doc: ProjectDocument,
  upsLossByHall: ReadonlyMap<string, number>,
  base: CoolingEvaluation,
  index: HallRacks,
): { findings: Finding[]; metrics: CoolingMetrics } {
  const rooms = upsLossByHall.size === 0 ? base.rooms : evaluateRooms(doc, base.racks, upsLossByHall, index.byHall);
  const loops = rooms === base.rooms ? base.loops : loopLoads(doc, base.racks, rooms);
  // The rooms' groups in order, gathered by hand: flatMap's generic path cost more than the rest.
  const groups: AirGroup[] = [];
  for (const room of rooms) for (const g of room.groups) groups.push(g);
  const inlets = rackInlets(groups, base.racks);
  const findings = [
    ...(base.designed ? roomFindings(doc, rooms) : []),
    ...densityFindings(doc, base.racks, index.byHall),
    ...loopFindings(doc, loops),
    ...inletFindings(doc, base.racks, inlets, index.byHall, rooms),
  ];
  return { findings, metrics: { ...base, rooms, loops, inlets } };
}

/**
 * The layout rules for air (aisle widths, recirculation across aisles, containment facing the
 * wrong way): geometry within each hall, so a document of one hall gives that hall's findings.
 */
export function coolingLayoutFindings(
  doc: ProjectDocument,
  catalog: CatalogView,
  index: RackIndex = indexRacks(doc.racks),
): Finding[] {
  const boxOf = keptRackBoxes(catalog);
  const boxes = new Map<string, Box>();
  for (const r of doc.racks) boxes.set(r.id, boxOf(r));
  const { minColdAisleM, minHotAisleM } = doc.settings.cooling;
  const issues = doc.halls.flatMap((h) => {
    const inHall = (index.byHall.get(h.id) ?? []).map((r) => boxes.get(r.id)!);
    const last = lastIssues.get(h);
    if (last && last.minColdM === minColdAisleM && last.minHotM === minHotAisleM && sameLayout(last.boxes, inHall))
      return last.issues;
    const found = aisleIssues(inHall, minColdAisleM, minHotAisleM);
    lastIssues.set(h, { boxes: inHall, minColdM: minColdAisleM, minHotM: minHotAisleM, issues: found });
    return found;
  });
  return layoutFindings(doc, issues, misorientedContainments(doc, boxes, index.byRow));
}

/**
 * The aisle issues last found per hall, with the layout they were found on (`sameLayout`): a
 * device edit re-runs its hall's checks, and the issues of the same layout are the same.
 */
const lastIssues = new WeakMap<
  Hall,
  { boxes: readonly Box[]; minColdM: number; minHotM: number; issues: readonly AisleIssue[] }
>();

export type { RackThermal, RackTechnology } from './rackThermal';
export type { RoomCooling, AirGroup, AirUnit } from './rooms';
export type { LoopLoad } from './loops';
export type { RackInlet } from './inlet';
export type { CoolingPower } from './coolingPower';
