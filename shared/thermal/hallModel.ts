/**
 * What the thermal solver needs of one hall, read from the document with the engine's own
 * knowledge (docs/engine/thermal.md, "Boundary conditions"):
 * - racks: footprint and height (catalog rack type), front (rotation), the air they move and the
 *   heat they put into it — `rackThermal` (shared/checks/cooling): liquid-cooled loads leave only
 *   their residual air heat, rear doors take their capacity off the exhaust, immersed racks move
 *   no air — and their ASHRAE envelope (`strictestEnvelope`);
 * - air units: air handlers (CRAH, CRAC, in-row) with their airflow and supply temperature; fan
 *   walls with their airflow and the evaporative supply temperature (`evaporativeSupplyC`);
 * - obstacles: CDUs and immersion tanks (their heat goes to liquid, not to the room's air);
 * - interior walls (walls on the hall's outline are the grid's closed envelope already);
 * - containments of the hall, with their rows;
 * - lighting heat, settings.cooling.lightingWPerM2 × floor area, as the cooling checks count it.
 * Lengths in metres in hall coordinates (x east, y south, z up from the slab).
 */
import type { CatalogView } from '../catalog';
import { evaporativeSupplyC } from '../checks/cooling/airflow';
import type { InletEnvelope } from '../checks/cooling/ashrae';
import type { RackTechnology, RackThermal } from '../checks/cooling/rackThermal';
import { coolingUnitSize, footprintRect, frontVector, rackRect, type Rect } from '../layout/footprint';
import type { Hall, ProjectDocument, Wall } from '../model/schema';

export interface ThermalRack {
  id: string;
  rect: Rect;
  heightM: number;
  /** Unit vector the front (intake) faces, in plan. */
  front: { x: number; y: number };
  airflowM3s: number;
  /** Heat into the room's air, W (after liquid and rear doors). */
  heatW: number;
  envelope: InletEnvelope | null;
  technology: RackTechnology;
  rowId: string | null;
}

export type AirUnitKind = 'crah' | 'crac' | 'inrow' | 'fan-wall';

export interface ThermalUnit {
  id: string;
  kind: AirUnitKind;
  rect: Rect;
  heightM: number;
  /** The direction its supply face discharges, in plan. */
  front: { x: number; y: number };
  airflowM3s: number;
  supplyC: number;
  /** The containment it is dedicated to (in-row coolers), or null for a room unit. */
  containmentId: string | null;
}

export interface ThermalObstacle {
  id: string;
  rect: Rect;
  heightM: number;
}

export interface ThermalAisle {
  containmentId: string;
  type: 'hot' | 'cold';
  /** The rack ids of each of its rows (one or two rows). */
  rows: string[][];
}

export interface HallModel {
  hall: Hall;
  /** Height of the floor the equipment stands on above the slab: the raised floor's deck, else 0. */
  deckM: number;
  /** Air height above the deck, m. */
  roomHeightM: number;
  raisedFloor: boolean;
  racks: ThermalRack[];
  units: ThermalUnit[];
  obstacles: ThermalObstacle[];
  walls: Wall[];
  aisles: ThermalAisle[];
  lightingW: number;
  /** Minimum aisle widths (settings), m, for a contained single row with no wall behind it. */
  minColdAisleM: number;
  minHotAisleM: number;
}

/** A wall closer than this to the hall's outline is the outline, m. */
const ON_OUTLINE_M = 0.5;

export function hallModel(
  doc: ProjectDocument,
  hall: Hall,
  catalog: CatalogView,
  thermal: ReadonlyMap<string, RackThermal>,
): HallModel {
  const raisedFloor = hall.floor.kind === 'raised' && hall.floor.raisedHeightM > 0;
  const deckM = raisedFloor ? Math.min(hall.floor.raisedHeightM, hall.height * 0.5) : 0;
  const racks: ThermalRack[] = [];
  for (const r of doc.racks) {
    if (r.hallId !== hall.id) continue;
    const t = thermal.get(r.id);
    racks.push({
      id: r.id,
      rect: rackRect(r, catalog),
      heightM: catalog.rackType(r.rackTypeId)?.heightM ?? 2.2,
      front: frontVector(r.rotationDeg),
      airflowM3s: t?.airflowM3s ?? 0,
      heatW: t?.roomW ?? 0,
      envelope: t?.envelope ?? null,
      technology: t?.technology ?? 'open-air',
      rowId: r.rowId,
    });
  }
  const units: ThermalUnit[] = [];
  const obstacles: ThermalObstacle[] = [];
  for (const u of doc.cooling) {
    if (!('hallId' in u) || u.hallId !== hall.id) continue;
    const { widthM, depthM } = coolingUnitSize(u);
    const rect = footprintRect(u.position, widthM, depthM, u.rotationDeg);
    const front = frontVector(u.rotationDeg);
    if (u.kind === 'air-handler')
      units.push({
        id: u.id,
        kind: u.type,
        rect,
        heightM: u.heightM,
        front,
        airflowM3s: u.airflowM3h / 3600,
        supplyC: u.supplyC,
        containmentId: u.containmentId,
      });
    else if (u.kind === 'fan-wall')
      units.push({
        id: u.id,
        kind: 'fan-wall',
        rect,
        heightM: u.heightM,
        front,
        airflowM3s: u.airflowM3h / 3600,
        supplyC: evaporativeSupplyC(u.outdoorDryBulbC, u.outdoorWetBulbC, u.padEffectiveness),
        containmentId: null,
      });
    else obstacles.push({ id: u.id, rect, heightM: u.heightM });
  }
  const rackIdsByRow = new Map<string, string[]>();
  for (const r of racks) {
    if (r.rowId === null) continue;
    const list = rackIdsByRow.get(r.rowId);
    if (list) list.push(r.id);
    else rackIdsByRow.set(r.rowId, [r.id]);
  }
  const aisles: ThermalAisle[] = doc.containments
    .filter((c) => c.hallId === hall.id)
    .map((c) => ({
      containmentId: c.id,
      type: c.type,
      rows: c.rowIds.map((id) => rackIdsByRow.get(id) ?? []).filter((ids) => ids.length > 0),
    }))
    .filter((a) => a.rows.length > 0);
  return {
    hall,
    deckM,
    roomHeightM: hall.height - deckM,
    raisedFloor,
    racks,
    units,
    obstacles,
    walls: doc.walls.filter((w) => w.hallId === hall.id && !onOutline(w, hall)),
    aisles,
    lightingW: doc.settings.cooling.lightingWPerM2 * hall.width * hall.depth,
    minColdAisleM: doc.settings.cooling.minColdAisleM,
    minHotAisleM: doc.settings.cooling.minHotAisleM,
  };
}

/** A wall running along one of the hall's four edges: the grid's envelope already closes it. */
function onOutline(w: Wall, hall: Hall): boolean {
  const near = (v: number, edge: number) => Math.abs(v - edge) <= ON_OUTLINE_M;
  for (const edge of [0, hall.width]) if (near(w.a.x, edge) && near(w.b.x, edge)) return true;
  for (const edge of [0, hall.depth]) if (near(w.a.y, edge) && near(w.b.y, edge)) return true;
  return false;
}
