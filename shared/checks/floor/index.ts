/**
 * The floor-loading check (docs/engine/floor.md): every rack's weight against its hall floor's
 * uniform and concentrated ratings on the footprint, distributed (pitch) and concentrated bases
 * of worked case 10, the ratings that are still assumed, and the raised-floor tile load. Data in,
 * findings and metrics out.
 */
import { groupBy } from '../../collections';
import type { CatalogView } from '../../catalog';
import type { Hall, ProjectDocument, Rack, Wall } from '../../model/schema';
import { keptRackBoxes } from '../cooling/layout';
import type { Finding } from '../types';
import { aisleShares, type PlanBox, type RackAisles } from './aisles';
import { rackFindings, tileFindings, undeclaredFindings, type RackFloorLoad } from './findings';
import { DEFAULT_LOAD_POINTS, floorLoad } from './load';
import { rackMass } from './mass';

export interface HallFloorSummary {
  hallId: string;
  racks: number;
  errors: number;
  warnings: number;
  maxFootprintKpa: number;
  maxPitchKpa: number;
  maxPointKn: number;
}

export interface FloorMetrics {
  racks: ReadonlyMap<string, RackFloorLoad>;
  halls: ReadonlyMap<string, HallFloorSummary>;
}

export function runFloorChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
  racksByHall?: ReadonlyMap<string, readonly Rack[]>,
): { findings: Finding[]; metrics: FloorMetrics } {
  const byHall = racksByHall ?? groupBy(doc.racks, (r) => r.hallId);
  const boxOf = keptRackBoxes(catalog);
  const wallsByHall = groupBy<Wall>(doc.walls, (w) => w.hallId);
  const racks = new Map<string, RackFloorLoad>();
  const halls = new Map<string, HallFloorSummary>();
  for (const hall of doc.halls) {
    const members = byHall.get(hall.id) ?? [];
    // A hall checked again keeps, by place, the boxes and loads of its racks that are the same objects.
    const last = hallsKept.get(hall);
    const kept = last && last.catalog === catalog && last.members.length === members.length ? last : null;
    const boxes: PlanBox[] = members.map((r, k) => (kept && kept.members[k] === r ? kept.boxes[k]! : boxOf(r)));
    const aisles = aisleShares(hall, boxes, wallsByHall.get(hall.id) ?? [], doc.settings.cooling);
    const between = kept && kept.aisles === aisles ? kept : null;
    const loads = members.map((rack, k) =>
      between && between.members[k] === rack
        ? between.loads[k]!
        : rackLoadOn(rack, hall, aisles.get(rack.id)!, catalog),
    );
    hallsKept.set(hall, { catalog, members, boxes, aisles, loads });
    const summary: HallFloorSummary = {
      hallId: hall.id,
      racks: 0,
      errors: 0,
      warnings: 0,
      maxFootprintKpa: 0,
      maxPitchKpa: 0,
      maxPointKn: 0,
    };
    for (let k = 0; k < members.length; k++) {
      const load = loads[k]!;
      if (!load) continue;
      racks.set(members[k]!.id, load);
      summary.racks++;
      if (load.verdict === 'error') summary.errors++;
      if (load.verdict === 'warning') summary.warnings++;
      summary.maxFootprintKpa = Math.max(summary.maxFootprintKpa, load.footprintKpa);
      summary.maxPitchKpa = Math.max(summary.maxPitchKpa, load.pitchKpa);
      summary.maxPointKn = Math.max(summary.maxPointKn, load.pointKn);
    }
    halls.set(hall.id, summary);
  }
  // Rack names only for the findings that name a rack: most checks of a hall name none.
  let names: Map<string, string> | null = null;
  const rackName = (id: string) => (names ??= new Map(doc.racks.map((r) => [r.id, r.name]))).get(id) ?? id;
  const findings = [
    ...rackFindings(doc, racks, rackName),
    ...undeclaredFindings(doc, racks),
    ...tileFindings(doc, racks, rackName),
  ];
  return { findings, metrics: { racks, halls } };
}

/** A rack's load on its hall's floor between its aisles; null without a rack type or mass. */
function rackLoadOn(rack: Rack, hall: Hall, sides: RackAisles, catalog: CatalogView): RackFloorLoad | null {
  const type = catalog.rackType(rack.rackTypeId);
  const mass = rackMass(rack, catalog);
  if (!type || !mass) return null;
  const loadPoints = type.loadPoints ?? DEFAULT_LOAD_POINTS;
  const load = floorLoad(
    {
      massKg: mass.massKg,
      widthM: type.widthM,
      depthM: type.depthM,
      frontAisleHalfM: sides.front.halfM,
      backAisleHalfM: sides.back.halfM,
      loadPoints,
    },
    hall.floor,
  );
  return {
    ...load,
    rackId: rack.id,
    hallId: hall.id,
    mass,
    widthM: type.widthM,
    depthM: type.depthM,
    loadPoints,
    aisles: sides,
  };
}

/**
 * Each hall's racks as last checked, with their boxes, aisle shares (kept per layout: aisles.ts)
 * and loads (null: no rack type or mass): an edit re-runs its hall's floor check, and every other
 * rack of the hall, the same object at its place between the same aisles, keeps its load object.
 * Shared: read-only.
 */
const hallsKept = new WeakMap<
  Hall,
  {
    catalog: CatalogView;
    members: readonly Rack[];
    boxes: readonly PlanBox[];
    aisles: ReadonlyMap<string, RackAisles>;
    loads: readonly (RackFloorLoad | null)[];
  }
>();

export { floorLoad, G, RACK_PDU_KG, DEFAULT_LOAD_POINTS, AISLE_HALF_CAP_M } from './load';
export type { FloorLoad, FloorLoadInput, FloorRating, FloorVerdict } from './load';
export type { RackFloorLoad } from './findings';
export type { RackMass } from './mass';
export type { AisleSide, RackAisles } from './aisles';
