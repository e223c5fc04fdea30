/**
 * The cooling engine (docs/engine/cooling.md): where each rack's heat goes, each room's heat and
 * airflow balance with the declared redundancy, liquid loops to heat rejection, estimated inlet
 * temperatures, layout rules and the cooling plant's electrical power. Data in, findings and
 * metrics out.
 */
import { placesChanged } from '../../collections';
import type { CatalogView } from '../../catalog';
import type { Hall, ProjectDocument, Rack } from '../../model/schema';
import type { Finding } from '../types';
import { coolingPower, type CoolingPower } from './coolingPower';
import { densityFindings, inletFindings, layoutFindings, loopFindings, roomFindings } from './findings';
import { rackInlets, type RackInlet } from './inlet';
import { aisleIssues, misorientedContainments, rackBox, sameLayout, type AisleIssue, type Box } from './layout';
import { loopLoads, type LoopLoad } from './loops';
import { rackThermal, type RackThermal } from './rackThermal';
import { evaluateRooms, type RoomCooling } from './rooms';

export interface CoolingMetrics {
  racks: ReadonlyMap<string, RackThermal>;
  inlets: ReadonlyMap<string, RackInlet>;
  rooms: RoomCooling[];
  loops: ReadonlyMap<string, LoopLoad>;
  power: CoolingPower;
  /** Whether the document models its cooling (otherwise the power engine estimates it). */
  designed: boolean;
}

/** Racks per hall and per row, grouped once so no rule scans every rack for each hall or row. */
export interface RackIndex {
  byHall: Map<string, Rack[]>;
  byRow: Map<string, Rack[]>;
}

export function indexRacks(racks: readonly Rack[]): RackIndex {
  return indexRacksAfter(racks, null).index;
}

/** An index with the racks it was made from and each rack's place in its hall's and its row's list. */
export interface KeptRackIndex {
  racks: readonly Rack[];
  index: RackIndex;
  hallSlot: Int32Array;
  rowSlot: Int32Array;
}

/**
 * The index of `racks`, made from `previous` where only some racks were replaced by others of the
 * same id, hall and row (an edit of what racks hold): those racks' lists are copied with them in
 * their places, every other list is the last one. Anything else is grouped afresh.
 */
export function indexRacksAfter(racks: readonly Rack[], previous: KeptRackIndex | null): KeptRackIndex {
  if (previous?.racks === racks) return previous;
  if (previous && previous.racks.length === racks.length) {
    let byHall: Map<string, Rack[]> | null = null;
    let byRow: Map<string, Rack[]> | null = null;
    const copied = new Set<Rack[]>();
    const put = (map: Map<string, Rack[]>, key: string, at: number, r: Rack) => {
      let list = map.get(key)!;
      if (!copied.has(list)) {
        map.set(key, (list = [...list]));
        copied.add(list);
      }
      list[at] = r;
    };
    let same = true;
    const changed = placesChanged(previous.racks, racks)!;
    for (let m = 0; m < changed.length && same; m++) {
      const i = changed[m]!;
      const before = previous.racks[i]!;
      const r = racks[i]!;
      if (before.id !== r.id || before.hallId !== r.hallId || before.rowId !== r.rowId) same = false;
      else {
        byHall ??= new Map(previous.index.byHall);
        byRow ??= new Map(previous.index.byRow);
        put(byHall, r.hallId, previous.hallSlot[i]!, r);
        if (r.rowId !== null) put(byRow, r.rowId, previous.rowSlot[i]!, r);
      }
    }
    if (same) {
      const index = byHall ? { byHall, byRow: byRow! } : previous.index;
      return { racks, index, hallSlot: previous.hallSlot, rowSlot: previous.rowSlot };
    }
  }
  const byHall = new Map<string, Rack[]>();
  const byRow = new Map<string, Rack[]>();
  const hallSlot = new Int32Array(racks.length);
  const rowSlot = new Int32Array(racks.length).fill(-1);
  const add = (map: Map<string, Rack[]>, key: string, r: Rack) => {
    const list = map.get(key);
    if (list) return list.push(r) - 1;
    map.set(key, [r]);
    return 0;
  };
  for (let i = 0; i < racks.length; i++) {
    const r = racks[i]!;
    hallSlot[i] = add(byHall, r.hallId, r);
    if (r.rowId !== null) rowSlot[i] = add(byRow, r.rowId, r);
  }
  return { racks, index: { byHall, byRow }, hallSlot, rowSlot };
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
  index: RackIndex = indexRacks(doc.racks),
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
  index: RackIndex,
): { findings: Finding[]; metrics: CoolingMetrics } {
  const rooms = upsLossByHall.size === 0 ? base.rooms : evaluateRooms(doc, base.racks, upsLossByHall, index.byHall);
  const loops = rooms === base.rooms ? base.loops : loopLoads(doc, base.racks, rooms);
  const inlets = rackInlets(
    rooms.flatMap((r) => r.groups),
    base.racks,
  );
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
  const boxes = new Map(doc.racks.map((r) => [r.id, rackBox(r, catalog)]));
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
