/**
 * The site view's containment: every contained aisle of every hall as the hall view draws it
 * (Containments.tsx), simplified to three copies of one translucent square panel: the roof over
 * the aisle at its rows' tallest rack, and a door closing each short end. The hall view's panels are
 * 20 mm thick boxes; on the site they are flat, drawn from both sides (2 triangles each instead of
 * 12). Merged into one mesh (MergedShapes, siteInstances.ts): one draw call for the whole site.
 *
 * Containment c is items 3c (roof), 3c + 1 and 3c + 2 (ends), so a click's item is the
 * containment. An aisle the hall view cannot place (its rows hold no racks) is hidden.
 *
 * An aisle's panels depend on its containment and on its hall's racks (the rows' footprints):
 * containments are grouped by hall (hallIndex.ts) and an edit rewrites only the containments of
 * the halls whose containments or racks changed, and uploads only that span of the buffers. A
 * selected containment is painted in the selection's colour, as units and racks are on the site;
 * a change of selection repaints only the containments selected or unselected.
 */
import { Color, Matrix4 } from 'three';
import type { CatalogView, Containment, Rack } from '../../../shared/index';
import { aisleBox, racksByRow } from '../containmentGeometry';
import { idPositions, indexByHall, NO_RACKS, type HallIndex, type RackIndex } from '../hallIndex';
import { HIDDEN, spanOf, type InstanceDiff, type MergedShapes } from './siteInstances';
import type { SiteLayout } from './siteLayout';
import { AISLE_TINT, UNIT_SELECTED } from '../coolingLook';

/** As translucent as the hall view's unselected panels (Containments.tsx). */
export const AISLE_OPACITY = 0.25;
/** The tallest a hall can be, metres (shared/model/schema.ts: at most 100 m), for the bounds picking tests first. */
const MAX_HALL_HEIGHT_M = 100;
/** Items (panels) per containment: roof, end, end. */
export const PANELS = 3;

export interface SiteAisles {
  /** The document's containments by hall. */
  readonly index: HallIndex<Containment>;
  /** The racks their panels were placed against. */
  readonly racks: RackIndex;
}

const containmentHall = (c: Containment) => c.hallId;

export function siteAislesFor(
  containments: readonly Containment[],
  racks: RackIndex,
  previous: SiteAisles | null,
): SiteAisles {
  return { index: indexByHall(containments, containmentHall, previous?.index ?? null), racks };
}

/** The halls whose aisles an update must place again: those whose containments or racks changed. */
function hallsToPlace(previous: SiteAisles, next: SiteAisles): string[] {
  const halls: string[] = [];
  for (const [hallId, list] of next.index.byHall)
    if (
      previous.index.byHall.get(hallId) !== list ||
      previous.racks.byHall.get(hallId) !== next.racks.byHall.get(hallId)
    )
      halls.push(hallId);
  return halls;
}

/** All three panels of every containment of `halls`. */
function panelsOf(aisles: SiteAisles, halls: readonly string[]): InstanceDiff {
  const changed: number[] = [];
  for (const hallId of halls)
    for (const c of aisles.index.positions.get(hallId)!) for (let k = 0; k < PANELS; k++) changed.push(c * PANELS + k);
  return spanOf(changed);
}

/** Whether every containment is placed again: nothing placed before, or containments came, went or changed hall. */
const placeAll = (previous: SiteAisles | null, next: SiteAisles) =>
  previous === null || previous.index.positions !== next.index.positions;

/** Which items an update touches: all three panels of every containment of the halls to place again. */
export function diffAisles(previous: SiteAisles | null, next: SiteAisles): InstanceDiff {
  return placeAll(previous, next) ? { full: true } : panelsOf(next, hallsToPlace(previous!, next));
}

/**
 * Turns the unit panel (in the XY plane, siteInstances.ts) to lie flat (a roof) or to face ±x (an
 * end across an aisle along x).
 */
const FLAT = new Matrix4().makeRotationX(-Math.PI / 2);
const FACING_X = new Matrix4().makeRotationY(Math.PI / 2);

/**
 * The three panel matrices of each of `containments` (one hall's, with that hall's racks), written
 * by `write(i, matrix)` for containment i's panels at 3i … 3i + 2: the unit panel made the hall
 * view's roof and ends, at the hall's site offset. The racks are grouped by row once for the hall.
 */
export function placeAisles(
  containments: readonly Containment[],
  positions: ArrayLike<number>,
  hallRacks: readonly Rack[],
  origin: { x: number; y: number },
  catalog: CatalogView,
  write: (item: number, matrix: Matrix4) => void,
): void {
  const byRow = racksByRow(hallRacks);
  const m = new Matrix4();
  containments.forEach((c, k) => {
    const base = positions[k]! * PANELS;
    const b = aisleBox({ racks: hallRacks }, catalog, c, byRow);
    if (!b) {
      for (let p = 0; p < PANELS; p++) write(base + p, m.copy(HIDDEN));
      return;
    }
    const w = b.maxX - b.minX;
    const d = b.maxY - b.minY;
    const cx = origin.x + (b.minX + b.maxX) / 2;
    const cy = origin.y + (b.minY + b.maxY) / 2;
    // Roof: over the aisle at the height of its tallest rack, w along x and d along z once laid flat.
    write(base, m.makeScale(w, d, 1).premultiply(FLAT).setPosition(cx, b.heightM, cy));
    // Ends: across the aisle's two short sides, full height.
    const half = b.heightM / 2;
    if (b.alongX) {
      m.makeScale(d, b.heightM, 1).premultiply(FACING_X);
      write(base + 1, m.setPosition(origin.x + b.minX, half, cy));
      write(base + 2, m.setPosition(origin.x + b.maxX, half, cy));
    } else {
      m.makeScale(w, b.heightM, 1);
      write(base + 1, m.setPosition(cx, half, origin.y + b.minY));
      write(base + 2, m.setPosition(cx, half, origin.y + b.maxY));
    }
  });
}

export interface AisleInputs {
  containments: readonly Containment[];
  racks: RackIndex;
  layout: SiteLayout;
  catalog: CatalogView;
  selection: ReadonlySet<string>;
}

/** What a containment mesh holds: the aisles it was written for and their inputs. */
export interface AislesDrawn {
  readonly shapes: MergedShapes;
  readonly aisles: SiteAisles;
  readonly layout: SiteLayout;
  readonly catalog: CatalogView;
  readonly selection: ReadonlySet<string>;
}

/** A containment's colour on the site: the selection's when selected, else its type's. */
export function aisleColour(c: Containment, selection: ReadonlySet<string>): string {
  return selection.has(c.id) ? UNIT_SELECTED : AISLE_TINT[c.type];
}

/**
 * Writes the containments into `shapes` (capacity at least 3 × their count), from what `before`
 * says it holds: every hall when nothing was drawn in it, the layout or catalog changed or
 * containments came or went, else the halls `diffAisles` names, and the colours of the
 * containments selected or unselected since. Uploads only the spans written.
 */
export function drawAisles(
  shapes: MergedShapes,
  before: AislesDrawn | null,
  inputs: AisleInputs,
): { drawn: AislesDrawn; written: boolean } {
  const { containments, racks, layout, catalog, selection } = inputs;
  const reuse = before !== null && before.shapes === shapes && before.layout === layout && before.catalog === catalog;
  const aisles = siteAislesFor(containments, racks, reuse ? before.aisles : null);
  const previous = reuse ? before.aisles : null;
  const full = placeAll(previous, aisles);
  const halls = full ? [...aisles.index.byHall.keys()] : hallsToPlace(previous!, aisles);
  const diff: InstanceDiff = full ? { full } : panelsOf(aisles, halls);
  const colour = new Color();
  const write = (i: number, m: Matrix4) => {
    shapes.setMatrixAt(i, m);
    // A containment's type may change with an edit; its panels are painted with it.
    shapes.setColorAt(i, colour.set(aisleColour(containments[Math.floor(i / PANELS)]!, selection)));
  };
  for (const hallId of halls)
    placeAisles(
      aisles.index.byHall.get(hallId)!,
      aisles.index.positions.get(hallId)!,
      racks.byHall.get(hallId) ?? NO_RACKS,
      layout.halls.get(hallId) ?? { x: 0, y: 0 },
      catalog,
      write,
    );
  shapes.setCount(containments.length * PANELS);
  const [from, to] = diff.full ? [0, shapes.count - 1] : [diff.from, diff.to];
  const matrices = shapes.uploadMatrices(from, to);
  // Containments selected or unselected since, outside the halls placed again: their colour only.
  let paintFrom = to < from ? Infinity : from;
  let paintTo = to;
  if (!diff.full && before!.selection !== selection) {
    const placed = new Set(halls);
    const at = idPositions(aisles.index);
    const repaint = (id: string) => {
      const k = at.get(id);
      if (k === undefined || placed.has(containments[k]!.hallId)) return;
      colour.set(aisleColour(containments[k]!, selection));
      for (let p = 0; p < PANELS; p++) shapes.setColorAt(k * PANELS + p, colour);
      paintFrom = Math.min(paintFrom, k * PANELS);
      paintTo = Math.max(paintTo, k * PANELS + PANELS - 1);
    };
    for (const id of before!.selection) if (!selection.has(id)) repaint(id);
    for (const id of selection) if (!before!.selection.has(id)) repaint(id);
  }
  const painted = shapes.uploadColours(paintFrom, paintTo);
  // An aisle is as tall as its racks, which stand in a hall.
  if (diff.full) shapes.computeBounds(layout, MAX_HALL_HEIGHT_M);
  return { drawn: { shapes, aisles, layout, catalog, selection }, written: matrices || painted };
}
