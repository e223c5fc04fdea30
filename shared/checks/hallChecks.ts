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
  /** The layout rules' findings (`coolingLayoutFindings`), among `findings`. */
  layout: readonly Finding[];
  /** Where the racks stand in the zoning, its findings (`runSecurityRacks`), among `findings`. */
  zoning: readonly Finding[];
  floorRacks: ReadonlyMap<string, RackFloorLoad>;
  floorSummary: HallFloorSummary;
  placements: ReadonlyMap<string, RackPlacement>;
}

/**
 * `last`: the hall's result under the same context (settings, catalog, zones, tenants), when there
 * is one. Where the hall's racks changed only in what they hold (a device edit), its layout
 * findings stand, and its zoning findings where those racks are placed alike (`runSecurityRacks`).
 */
export function checkHall(inputs: HallInputs, context: HallContext, last?: HallResult | null): HallResult {
  const { catalog } = context;
  const view: ProjectDocument = {
    ...context.doc,
    halls: [inputs.hall],
    racks: [...inputs.racks],
    walls: [...inputs.walls],
    rows: [...inputs.rows],
    containments: [...inputs.containments],
  };
  const layoutStands = last != null && sameLayout(last.inputs, inputs);
  // One hall's racks by hall are its list: grouped only for the layout rules' rows.
  const index = layoutStands ? null : indexRacks(view.racks);
  const floor = runFloorChecks(view, catalog, index?.byHall ?? new Map([[inputs.hall.id, view.racks]]));
  const layout = layoutStands ? last.layout : coolingLayoutFindings(view, catalog, index!);
  const security = runSecurityRacks(
    view,
    catalog,
    context.zones,
    context.modelled,
    last && { racks: last.inputs.racks, placements: last.placements, findings: last.zoning },
  );
  return {
    inputs,
    findings: floor.findings.concat(layout, security.findings),
    layout,
    zoning: security.findings,
    floorRacks: floor.metrics.racks,
    floorSummary: floor.metrics.halls.get(inputs.hall.id)!,
    placements: security.placements,
  };
}

/**
 * Whether the layout rules read the same in two versions of a hall: the same hall, rows and
 * containments, and racks that are the same objects or stand the same — all those rules read of a
 * rack (cooling/layout.ts `rackBox`, `misorientedContainments`; findings.ts `layoutFindings`) is
 * its id, hall, row, type, place and turn, never what it holds or its name.
 */
function sameLayout(a: HallInputs, b: HallInputs): boolean {
  if (a.hall !== b.hall || a.rows !== b.rows || a.containments !== b.containments) return false;
  if (a.racks.length !== b.racks.length) return false;
  for (let k = 0; k < a.racks.length; k++) {
    const x = a.racks[k]!;
    const y = b.racks[k]!;
    if (x === y) continue;
    if (
      x.id !== y.id ||
      x.hallId !== y.hallId ||
      x.rowId !== y.rowId ||
      x.rackTypeId !== y.rackTypeId ||
      x.rotationDeg !== y.rotationDeg ||
      x.position.x !== y.position.x ||
      x.position.y !== y.position.y
    )
      return false;
  }
  return true;
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
