/**
 * The thermal view's rules, pure: when a result no longer matches the document (stale), how big
 * a run is and whether it starts by itself, and where a vertical slice along a rack's aisle goes.
 * The inlet table's order and the indices' verdict bands are shared with the report
 * (shared/export/thermalFigures.ts) and re-exported here.
 */
import type { CatalogView, ProjectDocument, Rack } from '../../shared/index';

/** The coarse and fine cell edges the issue asks for, metres. */
export const COARSE_M = 0.5;
export const FINE_M = 0.25;

/** Parts of the document the simulation does not read: editing them leaves a result current. */
const IGNORED_KEYS = new Set<keyof ProjectDocument>([
  'name',
  'buildings',
  'rows',
  'zones',
  'tenants',
  'cameras',
  'quotes',
  'scenarios',
  'tours',
]);
/** Settings that only change how figures are shown, priced or snapped. */
const IGNORED_SETTINGS = new Set<keyof ProjectDocument['settings']>([
  'units',
  'currency',
  'tariffPerKwh',
  'gridM',
  'security',
  'electricalCode',
]);

/**
 * Whether `next` differs from `computed` in anything the simulation reads. Edits are immer
 * patches, so untouched parts of the document keep their identity: comparing each part by
 * reference is exact for edits and costs nothing. Anything not known to be irrelevant counts
 * (a part added to the format later makes results stale, not wrong). Opening a document, or undoing
 * back, gives new objects: those count as changes too, which errs on the side of "stale".
 */
export function thermalInputsChanged(computed: ProjectDocument, next: ProjectDocument): boolean {
  if (computed === next) return false;
  for (const key of Object.keys(next) as (keyof ProjectDocument)[]) {
    if (IGNORED_KEYS.has(key)) continue;
    if (key === 'settings') {
      if (computed.settings === next.settings) continue;
      for (const s of Object.keys(next.settings) as (keyof ProjectDocument['settings'])[])
        if (!IGNORED_SETTINGS.has(s) && computed.settings[s] !== next.settings[s]) return true;
      continue;
    }
    if (computed[key] !== next[key]) return true;
  }
  return false;
}

/** Cells of a run at `resolutionM` over every hall with racks: ⌈W/d⌉ · ⌈D/d⌉ · ⌈H/d⌉ per hall. */
export function runCells(doc: ProjectDocument, resolutionM: number): number {
  const withRacks = new Set(doc.racks.map((r) => r.hallId));
  let cells = 0;
  for (const h of doc.halls) {
    if (!withRacks.has(h.id)) continue;
    cells += Math.ceil(h.width / resolutionM) * Math.ceil(h.depth / resolutionM) * Math.ceil(h.height / resolutionM);
  }
  return cells;
}

/**
 * The largest site (coarse cells over all its halls) on which the coarse run starts by itself
 * after every edit; above it the box starts unticked and the user runs it. A background run should
 * be done before the next edit is: measured in Node on this project's 2-core machine, the sample
 * (69,120 cells) takes 0.5–1 s, one 80 × 60 × 6 m hall of 240 racks (230,400 cells) 1.0 s, and five
 * such halls (1,000 racks, 1,152,000 cells) 3.3 s, so a million cells is about 3 s
 * (docs/thermal-view.md).
 */
export const AUTO_MAX_CELLS = 1_000_000;

/** Whether the coarse run follows edits: the user's choice, else on for sites up to AUTO_MAX_CELLS. */
export function autoRunFor(doc: ProjectDocument, choice: boolean | null): boolean {
  return choice ?? runCells(doc, COARSE_M) <= AUTO_MAX_CELLS;
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
