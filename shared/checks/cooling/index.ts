/**
 * The cooling engine (docs/engine/cooling.md): where each rack's heat goes, each room's heat and
 * airflow balance with the declared redundancy, liquid loops to heat rejection, estimated inlet
 * temperatures, layout rules and the cooling plant's electrical power. Data in, findings and
 * metrics out.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import type { Finding } from '../types';
import { coolingPower, type CoolingPower } from './coolingPower';
import { densityFindings, inletFindings, layoutFindings, loopFindings, roomFindings } from './findings';
import { rackInlets, type RackInlet } from './inlet';
import { aisleIssues, misorientedContainments, rackBox } from './layout';
import { loopLoads, type LoopLoad } from './loops';
import { rackThermal, type RackThermal } from './rackThermal';
import { evaluateRooms, type RoomCooling } from './rooms';

export interface CoolingMetrics {
  racks: Map<string, RackThermal>;
  inlets: Map<string, RackInlet>;
  rooms: RoomCooling[];
  loops: Map<string, LoopLoad>;
  power: CoolingPower;
  /** Whether the document models its cooling (otherwise the power engine estimates it). */
  designed: boolean;
}

/** The heat and air side without the layout rules: what the power engine needs for cooling power. */
export function evaluateCooling(
  doc: ProjectDocument,
  catalog: CatalogView,
  upsLossByHall: ReadonlyMap<string, number> = new Map(),
): Omit<CoolingMetrics, 'inlets'> {
  const racks = rackThermal(doc, catalog);
  const rooms = evaluateRooms(doc, racks, upsLossByHall);
  const loops = loopLoads(doc, racks, rooms);
  return { racks, rooms, loops, power: coolingPower(doc, loops), designed: doc.cooling.length > 0 };
}

/**
 * Cooling power, W, for the power engine: the designed plant's, or the `coolingPowerRatio`
 * estimate while the document has no cooling equipment. Losses of UPSs standing in a hall enter
 * that room's heat balance but not this figure (they would make the chain depend on itself; they
 * are a few per cent of the heat, divided again by a chiller's COP).
 */
export function facilityCoolingW(doc: ProjectDocument, catalog: CatalogView, itW: number): number {
  if (doc.cooling.length === 0) return doc.settings.coolingPowerRatio * itW;
  return evaluateCooling(doc, catalog).power.totalW;
}

export function runCoolingChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
  upsLossByHall: ReadonlyMap<string, number>,
): { findings: Finding[]; metrics: CoolingMetrics } {
  const base = evaluateCooling(doc, catalog, upsLossByHall);
  const inlets = rackInlets(
    base.rooms.flatMap((r) => r.groups),
    base.racks,
  );
  const boxes = new Map(doc.racks.map((r) => [r.id, rackBox(r, catalog)]));
  const { minColdAisleM, minHotAisleM } = doc.settings.cooling;
  const issues = doc.halls.flatMap((h) =>
    aisleIssues(
      doc.racks.filter((r) => r.hallId === h.id).map((r) => boxes.get(r.id)!),
      minColdAisleM,
      minHotAisleM,
    ),
  );
  const findings = [
    ...(base.designed ? roomFindings(doc, base.rooms) : []),
    ...densityFindings(doc, base.racks),
    ...loopFindings(doc, base.loops),
    ...inletFindings(doc, base.racks, inlets),
    ...layoutFindings(doc, issues, misorientedContainments(doc, boxes)),
  ];
  return { findings, metrics: { ...base, inlets } };
}

export type { RackThermal, RackTechnology } from './rackThermal';
export type { RoomCooling, AirGroup, AirUnit } from './rooms';
export type { LoopLoad } from './loops';
export type { RackInlet } from './inlet';
export type { CoolingPower } from './coolingPower';
