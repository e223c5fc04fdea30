/**
 * The checks that are geometry within one hall: floor loading, the layout rules for air, and where
 * racks stand in the zoning. Each is run on a view of the document holding only that hall (its
 * racks, walls, rows and containments), which gives exactly that hall's part of the site-wide
 * result: nothing in them looks across halls (floor loads and aisles are per hall; a rack stands
 * in a zone of its own hall and security findings group racks by zone or hall). A full check runs
 * every hall; an edit re-runs the halls it touches (incremental.ts).
 */
import type { CatalogView } from '../catalog';
import type { Containment, Hall, ProjectDocument, Rack, Row, Wall } from '../model/schema';
import { coolingLayoutFindings, indexRacks } from './cooling';
import { runFloorChecks, type HallFloorSummary, type RackFloorLoad } from './floor';
import { runSecurityRacks, type RackPlacement, type ZoneIndex } from './security';
import type { Finding } from './types';

/** What one hall's checks read from the hall itself. */
export interface HallInputs {
  hall: Hall;
  racks: readonly Rack[];
  walls: readonly Wall[];
  rows: readonly Row[];
  containments: readonly Containment[];
}

/** What they read from the site: settings, tenants and the catalog (`doc`), the zones. */
export interface HallContext {
  doc: ProjectDocument;
  catalog: CatalogView;
  zones: ZoneIndex;
  modelled: boolean;
}

export interface HallResult {
  inputs: HallInputs;
  findings: Finding[];
  floorRacks: ReadonlyMap<string, RackFloorLoad>;
  floorSummary: HallFloorSummary;
  placements: ReadonlyMap<string, RackPlacement>;
}

export function checkHall(inputs: HallInputs, context: HallContext): HallResult {
  const { catalog } = context;
  const view: ProjectDocument = {
    ...context.doc,
    halls: [inputs.hall],
    racks: [...inputs.racks],
    walls: [...inputs.walls],
    rows: [...inputs.rows],
    containments: [...inputs.containments],
  };
  const index = indexRacks(view.racks);
  const floor = runFloorChecks(view, catalog, index.byHall);
  const security = runSecurityRacks(view, catalog, context.zones, context.modelled);
  return {
    inputs,
    findings: [...floor.findings, ...coolingLayoutFindings(view, catalog, index), ...security.findings],
    floorRacks: floor.metrics.racks,
    floorSummary: floor.metrics.halls.get(inputs.hall.id)!,
    placements: security.placements,
  };
}

/** Whether two hall inputs are the same objects, so the earlier result stands. */
export function sameHallInputs(a: HallInputs, b: HallInputs): boolean {
  return (
    a.hall === b.hall &&
    a.racks === b.racks &&
    a.walls === b.walls &&
    a.rows === b.rows &&
    a.containments === b.containments
  );
}
