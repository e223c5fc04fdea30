/**
 * The site view's cooling units: every unit of every hall as a copy of one unit box, sized,
 * placed and coloured as the hall view draws it (CoolingUnits.tsx), merged into one mesh
 * (MergedShapes, siteInstances.ts): one draw call.
 *
 * Item i is the document's cooling unit i, so a click's item is the unit. Units the hall view
 * does not draw are kept as hidden items: heat rejection (chillers, dry coolers, towers)
 * has no position or size in the document (it "stands outside": shared/model/schema.ts), and a
 * rear door whose rack is gone hangs nowhere.
 *
 * Units are grouped by the hall they are drawn in (hallIndex.ts): a unit standing in a hall by its
 * `hallId`, a rear door by its rack's hall. An edit hands every untouched hall its very array back,
 * so only the halls whose units changed, or whose racks changed when they hold rear doors (a door
 * moves with its rack), are compared and rewritten, and only that span of the buffers is uploaded.
 */
import { Color, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { FAN_WALL_DEPTH_M, type CatalogView, type CoolingUnit } from '../../../shared/index';
import { yawForRotation } from '../geometry';
import { idPositions, indexByHall, type HallIndex, type RackIndex } from '../hallIndex';
import { DOOR_DEPTH_M, FAN_WALL_SILL_M, UNIT_COLOUR, UNIT_SELECTED } from '../coolingLook';
import { HIDDEN, spanOf, type InstanceDiff, type MergedShapes } from './siteInstances';
import type { SiteLayout } from './siteLayout';

/** The tallest a unit can be (shared/model/schema.ts: heightM at most 50 m), for the bounds picking tests first. */
const MAX_UNIT_HEIGHT_M = 50;
/** A rear door on a rack of a type the catalog does not know is sized as the hall view sizes it, metres. */
const FALLBACK_RACK = { widthM: 0.6, depthM: 1.2, heightM: 2.2 };

export interface SiteUnits {
  /** The document's cooling units by the hall they are drawn in. */
  readonly index: HallIndex<CoolingUnit>;
  /** The racks they were grouped against (a rear door is in its rack's hall). */
  readonly racks: RackIndex;
}

/**
 * The rack a rear door hangs on, found through the racks' id positions (kept while no rack comes,
 * goes or changes hall).
 */
function rackOf(racks: RackIndex, rackId: string) {
  const at = idPositions(racks).get(rackId);
  return at === undefined ? undefined : racks.items[at];
}

/** The hall a unit is drawn in: its own for a unit in a hall, its rack's for a rear door, none for heat rejection. */
export function unitHall(racks: RackIndex): (unit: CoolingUnit) => string | null {
  return (unit) => {
    if ('hallId' in unit) return unit.hallId;
    if (unit.kind === 'rear-door') return rackOf(racks, unit.rackId)?.hallId ?? null;
    return null;
  };
}

/**
 * The units by hall, updated from `previous`. While no rack came, went or changed hall (the racks'
 * positions object is the same), every rear door is still in its hall and the units' index is
 * patched as hallIndex.ts does (a pass of reference comparisons, then only the edited halls'
 * arrays); otherwise it is grouped afresh, as the racks are then all rewritten anyway.
 */
export function siteUnitsFor(cooling: readonly CoolingUnit[], racks: RackIndex, previous: SiteUnits | null): SiteUnits {
  const keep = previous !== null && previous.racks.positions === racks.positions;
  const index = indexByHall(cooling, unitHall(racks), keep ? previous.index : null);
  return { index, racks };
}

/**
 * Which items an update touched: in the halls whose arrays changed, the units that changed; in the
 * halls whose racks changed, their rear doors.
 */
export function diffUnits(previous: SiteUnits | null, next: SiteUnits): InstanceDiff {
  if (previous === null || previous.index.positions !== next.index.positions) return { full: true };
  const changed: number[] = [];
  for (const [hallId, units] of next.index.byHall) {
    const before = previous.index.byHall.get(hallId);
    const racksChanged = previous.racks.byHall.get(hallId) !== next.racks.byHall.get(hallId);
    if (before === units && !racksChanged) continue;
    const at = next.index.positions.get(hallId)!;
    for (let k = 0; k < units.length; k++)
      if (units[k] !== before?.[k] || (racksChanged && units[k]!.kind === 'rear-door')) changed.push(at[k]!);
  }
  return spanOf(changed);
}

const scratch = { p: new Vector3(), q: new Quaternion(), s: new Vector3(), e: new Euler(), local: new Vector3() };

/**
 * Unit `unit`'s matrix on the site into `out`, a unit box centred on the origin made the
 * unit's box: as CoolingUnits.tsx draws it, at its hall's site offset. A unit in a hall: its width,
 * height and depth (a fan wall FAN_WALL_DEPTH_M deep, on its sill), centred at its plan position,
 * turned by its rotation. A rear door: a slab of its rack's width and height, DOOR_DEPTH_M deep,
 * against the rack's back (local +z, the front facing −z). Returns false (and HIDDEN) for a unit
 * not drawn.
 */
export function unitMatrix(
  unit: CoolingUnit,
  racks: RackIndex,
  layout: SiteLayout,
  catalog: CatalogView,
  out: Matrix4,
): boolean {
  const { p, q, s, e, local } = scratch;
  if ('position' in unit) {
    const origin = layout.halls.get(unit.hallId) ?? { x: 0, y: 0 };
    const depthM = unit.kind === 'fan-wall' ? FAN_WALL_DEPTH_M : unit.depthM;
    const baseY = unit.kind === 'fan-wall' ? FAN_WALL_SILL_M : 0;
    p.set(origin.x + unit.position.x, baseY + unit.heightM / 2, origin.y + unit.position.y);
    q.setFromEuler(e.set(0, yawForRotation(unit.rotationDeg), 0));
    s.set(unit.widthM, unit.heightM, depthM);
    out.compose(p, q, s);
    return true;
  }
  const rack = unit.kind === 'rear-door' ? rackOf(racks, unit.rackId) : undefined;
  if (!rack) {
    out.copy(HIDDEN);
    return false;
  }
  const size = catalog.rackType(rack.rackTypeId) ?? FALLBACK_RACK;
  const origin = layout.halls.get(rack.hallId) ?? { x: 0, y: 0 };
  q.setFromEuler(e.set(0, yawForRotation(rack.rotationDeg), 0));
  local.set(0, size.heightM / 2, size.depthM / 2 + DOOR_DEPTH_M / 2).applyQuaternion(q);
  p.set(origin.x + rack.position.x, 0, origin.y + rack.position.y).add(local);
  s.set(size.widthM, size.heightM, DOOR_DEPTH_M);
  out.compose(p, q, s);
  return true;
}

/** A unit's colour on the site: the selection's when selected, else its kind's. */
export function unitColour(unit: CoolingUnit, selection: ReadonlySet<string>): string {
  return selection.has(unit.id) ? UNIT_SELECTED : UNIT_COLOUR[unit.kind];
}

export interface UnitInputs {
  cooling: readonly CoolingUnit[];
  racks: RackIndex;
  layout: SiteLayout;
  catalog: CatalogView;
  selection: ReadonlySet<string>;
}

/** What a units mesh holds: the units it was written for, its inputs, and each item's colour as painted. */
export interface UnitsDrawn {
  readonly shapes: MergedShapes;
  readonly units: SiteUnits;
  readonly layout: SiteLayout;
  readonly catalog: CatalogView;
  readonly selection: ReadonlySet<string>;
  readonly colours: string[];
}

/**
 * Writes the units into `shapes` (capacity at least the units' count), from what `before` says
 * it holds: everything when nothing was drawn in it or the layout or catalog changed, else the
 * items `diffUnits` names plus those selected or unselected since. Uploads only the span written.
 * Returns what `shapes` now holds and whether anything was written.
 */
export function drawUnits(
  shapes: MergedShapes,
  before: UnitsDrawn | null,
  inputs: UnitInputs,
): { drawn: UnitsDrawn; written: boolean } {
  const { cooling, racks, layout, catalog, selection } = inputs;
  const reuse = before !== null && before.shapes === shapes && before.layout === layout && before.catalog === catalog;
  const units = siteUnitsFor(cooling, racks, reuse ? before.units : null);
  const diff = diffUnits(reuse ? before.units : null, units);
  const colours = reuse && !diff.full ? before.colours : new Array<string>(cooling.length);
  const m = new Matrix4();
  const c = new Color();
  let from = cooling.length;
  let to = -1;
  const paint = (i: number) => {
    const hex = unitColour(cooling[i]!, selection);
    if (colours[i] === hex) return;
    colours[i] = hex;
    shapes.setColorAt(i, c.set(hex));
    from = Math.min(from, i);
    to = Math.max(to, i);
  };
  for (const i of diff.full ? cooling.keys() : diff.changed) {
    unitMatrix(cooling[i]!, racks, layout, catalog, m);
    shapes.setMatrixAt(i, m);
    paint(i);
  }
  if (!diff.full && before!.selection !== selection) {
    const at = idPositions(units.index);
    for (const id of before!.selection) if (!selection.has(id) && at.has(id)) paint(at.get(id)!);
    for (const id of selection) if (!before!.selection.has(id) && at.has(id)) paint(at.get(id)!);
  }
  shapes.setCount(cooling.length);
  const matrices = diff.full ? shapes.uploadMatrices(0, cooling.length - 1) : shapes.uploadMatrices(diff.from, diff.to);
  if (diff.full) shapes.computeBounds(layout, MAX_UNIT_HEIGHT_M);
  const painted = shapes.uploadColours(from, to);
  return { drawn: { shapes, units, layout, catalog, selection, colours }, written: matrices || painted };
}
