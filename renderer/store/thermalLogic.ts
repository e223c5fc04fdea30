/**
 * The thermal view's rules, pure: when a result no longer matches the document (stale), how big
 * a run is and whether it starts by itself, and where a vertical slice along a rack's aisle goes.
 * The inlet table's order and the indices' verdict bands are shared with the report
 * (shared/export/thermalFigures.ts) and re-exported here.
 */
import type { CatalogView, Hall, ProjectDocument, Rack } from '../../shared/index';
import { hallInputsChanged, thermalHallDocuments } from '../../shared/thermal/hallDocument';
import type { ThermalResult } from '../../shared/thermal/types';

/** The coarse and fine cell edges the issue asks for, metres. */
export const COARSE_M = 0.5;
export const FINE_M = 0.25;

/**
 * Whether `next` differs from `computed` in anything the simulation reads, hall by hall: a hall
 * gained or lost its racks, or one hall's sub-document (shared/thermal/hallDocument.ts: the hall, its
 * racks, units, walls and containments, the loops its racks name, the settings and catalog)
 * changed. Edits are immer patches, so untouched items keep their identity and comparing them by
 * reference is exact for edits and cheap. Parts not known to be unread count (a part added to the
 * format later makes results stale, not wrong). Opening a document, or undoing back, gives new
 * objects: those count as changes too, which errs on the side of "stale".
 */
export function thermalInputsChanged(computed: ProjectDocument, next: ProjectDocument): boolean {
  if (computed === next) return false;
  const a = thermalHallDocuments(computed);
  const b = thermalHallDocuments(next);
  if (a.size !== b.size) return true;
  for (const [hallId, sub] of b) {
    const before = a.get(hallId);
    if (!before || hallInputsChanged(before, sub)) return true;
  }
  return false;
}

/** Coarse or fine cells of one hall: ⌈W/d⌉ · ⌈D/d⌉ · ⌈H/d⌉ (shared/thermal/solver.ts cellCount's box). */
export function hallCells(hall: Hall, resolutionM: number): number {
  return (
    Math.ceil(hall.width / resolutionM) * Math.ceil(hall.depth / resolutionM) * Math.ceil(hall.height / resolutionM)
  );
}

/** Cells of a run at `resolutionM` over every hall with racks. */
export function runCells(doc: ProjectDocument, resolutionM: number): number {
  const withRacks = new Set(doc.racks.map((r) => r.hallId));
  let cells = 0;
  for (const h of doc.halls) if (withRacks.has(h.id)) cells += hallCells(h, resolutionM);
  return cells;
}

/**
 * The largest hall (coarse cells) whose coarse run starts by itself after every edit; above it the
 * box starts unticked and the user runs it. Runs go one hall at a time, so it is the hall, not the
 * site, that must be done before the next edit is: measured in Node on this project's 2-core
 * machine, the sample's hall (69,120 cells) takes 0.5–1 s, one 80 × 60 × 6 m hall of 240 racks
 * (230,400 cells) 1.0 s, and five such halls (1,152,000 cells) 3.3 s, so a million cells is about
 * 3 s (docs/thermal-view.md).
 */
export const AUTO_MAX_CELLS = 1_000_000;

/** The hall a run starts with: the one the views show if it has racks, else the first hall with racks. */
export function firstHallToRun(doc: ProjectDocument, activeHallId: string | null | undefined): Hall | undefined {
  const withRacks = new Set(doc.racks.map((r) => r.hallId));
  return (
    doc.halls.find((h) => h.id === activeHallId && withRacks.has(h.id)) ?? doc.halls.find((h) => withRacks.has(h.id))
  );
}

/** Whether the coarse run follows edits: the user's choice, else on when the current hall is up to AUTO_MAX_CELLS. */
export function autoRunFor(doc: ProjectDocument, choice: boolean | null, activeHallId?: string | null): boolean {
  if (choice !== null) return choice;
  const hall = firstHallToRun(doc, activeHallId);
  return hall === undefined || hallCells(hall, COARSE_M) <= AUTO_MAX_CELLS;
}

/** One hall's result and what it was computed from. */
export interface HallThermalEntry {
  /** The hall's result alone (one hall in `halls` and `fields`). */
  result: ThermalResult;
  /** The hall's sub-document the run read (thermalHallDocuments), for its staleness. */
  sub: ProjectDocument;
  /** The whole document when the run started. */
  doc: ProjectDocument;
  finishedAt: string;
}

/** Halls whose result no longer matches `doc`: their inputs changed, or they lost their racks or were deleted. */
export function staleHalls(entries: Readonly<Record<string, HallThermalEntry>>, doc: ProjectDocument): Set<string> {
  const now = thermalHallDocuments(doc);
  const out = new Set<string>();
  for (const [hallId, entry] of Object.entries(entries)) {
    const sub = now.get(hallId);
    if (!sub || hallInputsChanged(entry.sub, sub)) out.add(hallId);
  }
  return out;
}

/**
 * The halls' results as one (the shape the views, findings and report read), in the document's hall
 * order. Halls run at different grids report the coarsest, which is what the figures can be trusted to.
 */
export function mergeHallResults(
  entries: Readonly<Record<string, HallThermalEntry>>,
  doc: ProjectDocument,
): ThermalResult {
  const merged: ThermalResult = {
    resolutionM: 0,
    halls: [],
    fields: [],
    racks: [],
    returns: [],
    findings: [],
    seconds: 0,
  };
  for (const hall of doc.halls) {
    const r = entries[hall.id]?.result;
    if (!r) continue;
    merged.resolutionM = Math.max(merged.resolutionM, r.resolutionM);
    merged.halls.push(...r.halls);
    merged.fields.push(...r.fields);
    merged.racks.push(...r.racks);
    merged.returns.push(...r.returns);
    merged.findings.push(...r.findings);
    merged.seconds += r.seconds;
  }
  return merged;
}

export {
  inletsWorstFirst,
  rciVerdict,
  rtiVerdict,
  type IndexVerdict,
  type RtiVerdict,
} from '../../shared/export/thermalFigures';

/** Half of the 1.2 m cold aisle the layout tools default to: where an aisle's middle is assumed when nothing faces the rack. */
export const DEFAULT_HALF_AISLE_M = 0.6;

/**
 * A vertical slice along a rack's aisle: the plane parallel to its row (its width) through the
 * middle of the aisle in front of it (`side` 'front', the intake) or behind it ('back', the
 * exhaust). The aisle ends at the nearest rack of the same hall straight across from this one
 * (its footprint spans the rack's centre line); with none, DEFAULT_HALF_AISLE_M off the face.
 * Racks turned 0° or 180° have rows along x, so the slice is along x at a plan y; 90° and 270° along y.
 */
export function aisleSlice(
  rack: Rack,
  racks: readonly Rack[],
  catalog: CatalogView,
  side: 'front' | 'back',
): { axis: 'x' | 'y'; positionM: number } {
  const depthOf = (r: Rack) => catalog.rackType(r.rackTypeId)?.depthM ?? 1.2;
  const widthOf = (r: Rack) => catalog.rackType(r.rackTypeId)?.widthM ?? 0.6;
  const alongX = rack.rotationDeg % 180 === 0;
  // Plan direction the face looks along: the front faces (sin θ, −cos θ), the back the opposite.
  const theta = (rack.rotationDeg * Math.PI) / 180;
  const sign = Math.round(alongX ? -Math.cos(theta) : Math.sin(theta)) * (side === 'front' ? 1 : -1);
  const centre = alongX ? rack.position.y : rack.position.x;
  const lateral = alongX ? rack.position.x : rack.position.y;
  const face = centre + (sign * depthOf(rack)) / 2;
  let far: number | null = null;
  for (const other of racks) {
    if (other.id === rack.id || other.hallId !== rack.hallId) continue;
    const otherAlongX = other.rotationDeg % 180 === 0;
    // The other's plan extents along the slice's normal and along the row.
    const normalHalf = (otherAlongX ? depthOf(other) : widthOf(other)) / 2;
    const rowHalf = (otherAlongX ? widthOf(other) : depthOf(other)) / 2;
    const otherCentre = alongX ? other.position.y : other.position.x;
    const otherLateral = alongX ? other.position.x : other.position.y;
    if (Math.abs(otherLateral - lateral) > rowHalf) continue;
    const near = otherCentre - sign * normalHalf;
    const gap = (near - face) * sign;
    if (gap > 1e-6 && (far === null || gap < (far - face) * sign)) far = near;
  }
  const positionM = far === null ? face + sign * DEFAULT_HALF_AISLE_M : (face + far) / 2;
  return { axis: alongX ? 'x' : 'y', positionM };
}

/**
 * A document that was just opened (or started new): the store's `load` resets the history and
 * marks the document saved. A result then belongs to another project and is dropped, not shown stale.
 */
export function isFreshLoad(state: {
  doc: ProjectDocument;
  savedDoc: ProjectDocument;
  history: { undo: unknown[]; redo: unknown[] };
}): boolean {
  return state.doc === state.savedDoc && state.history.undo.length === 0 && state.history.redo.length === 0;
}
