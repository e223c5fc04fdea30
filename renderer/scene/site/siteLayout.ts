/**
 * Where each hall stands in the site view. The document places nothing on a site plan: a hall has
 * its own plan (x along its length, y across, metres from its corner) and names the building it is
 * in (shared/model/schema.ts), nothing more. So the site view lays the halls out itself, the same
 * way every time: a schematic campus, not a survey.
 *
 * - Halls are grouped by building, buildings in document order, then the halls in no building.
 * - Within a group, halls fill a near-square grid row by row (columns = ⌈√n⌉), each column as wide
 *   as its widest hall and each row as deep as its deepest, HALL_GAP_M apart.
 * - The groups fill the same kind of grid, BUILDING_GAP_M apart.
 *
 * Offsets are in site metres on the same axes as a hall's plan (world X, world Z in 3D), so a
 * rack at plan point p in a hall at offset o stands at o + p on the site.
 */
import type { Building, Hall } from '../../../shared/index';

/** Between halls of one building, metres: a wall, a corridor. */
export const HALL_GAP_M = 6;
/** Between buildings, metres: a road and a yard. */
export const BUILDING_GAP_M = 24;

export interface SiteBuildingBox {
  /** The building's id, or null for the halls in no building. */
  id: string | null;
  name: string;
  x: number;
  y: number;
  width: number;
  depth: number;
}

export interface SiteLayout {
  /** Each hall's plan origin on the site, metres. */
  halls: ReadonlyMap<string, { x: number; y: number }>;
  buildings: readonly SiteBuildingBox[];
  /** The whole site's extent from (0, 0), metres. */
  width: number;
  depth: number;
}

interface Sized {
  width: number;
  depth: number;
}

/** Places items in a grid of ⌈√n⌉ columns; returns their corners and the grid's size. */
function grid(items: readonly Sized[], gap: number): { at: { x: number; y: number }[]; width: number; depth: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(items.length)));
  const rows = Math.ceil(items.length / cols);
  const colWidth = new Array<number>(cols).fill(0);
  const rowDepth = new Array<number>(rows).fill(0);
  items.forEach((item, k) => {
    colWidth[k % cols] = Math.max(colWidth[k % cols]!, item.width);
    rowDepth[Math.floor(k / cols)] = Math.max(rowDepth[Math.floor(k / cols)]!, item.depth);
  });
  const colX = colWidth.map((_, c) => colWidth.slice(0, c).reduce((s, w) => s + w, 0) + c * gap);
  const rowY = rowDepth.map((_, r) => rowDepth.slice(0, r).reduce((s, d) => s + d, 0) + r * gap);
  const at = items.map((_, k) => ({ x: colX[k % cols]!, y: rowY[Math.floor(k / cols)]! }));
  const width = items.length === 0 ? 0 : colX[cols - 1]! + colWidth[cols - 1]!;
  const depth = items.length === 0 ? 0 : rowY[rows - 1]! + rowDepth[rows - 1]!;
  return { at, width, depth };
}

export function siteLayout(halls: readonly Hall[], buildings: readonly Building[]): SiteLayout {
  const known = new Set(buildings.map((b) => b.id));
  const groups: { id: string | null; name: string; halls: Hall[] }[] = buildings.map((b) => ({
    id: b.id,
    name: b.name,
    halls: halls.filter((h) => h.buildingId === b.id),
  }));
  groups.push({
    id: null,
    name: 'No building',
    halls: halls.filter((h) => h.buildingId === null || !known.has(h.buildingId)),
  });
  const placed = groups.filter((g) => g.halls.length > 0).map((g) => ({ ...g, inner: grid(g.halls, HALL_GAP_M) }));
  const outer = grid(
    placed.map((g) => ({ width: g.inner.width, depth: g.inner.depth })),
    BUILDING_GAP_M,
  );
  const hallAt = new Map<string, { x: number; y: number }>();
  const boxes = placed.map((g, k) => {
    const origin = outer.at[k]!;
    g.halls.forEach((h, i) => hallAt.set(h.id, { x: origin.x + g.inner.at[i]!.x, y: origin.y + g.inner.at[i]!.y }));
    return { id: g.id, name: g.name, x: origin.x, y: origin.y, width: g.inner.width, depth: g.inner.depth };
  });
  return { halls: hallAt, buildings: boxes, width: outer.width, depth: outer.depth };
}

/** The last layout, kept while the halls and buildings are the same arrays (a rack edit changes neither). */
let last: { halls: readonly Hall[]; buildings: readonly Building[]; layout: SiteLayout } | null = null;

export function siteLayoutFor(doc: { halls: readonly Hall[]; buildings: readonly Building[] }): SiteLayout {
  if (last?.halls !== doc.halls || last.buildings !== doc.buildings)
    last = { halls: doc.halls, buildings: doc.buildings, layout: siteLayout(doc.halls, doc.buildings) };
  return last.layout;
}
