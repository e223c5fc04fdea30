/**
 * Turns a hall model into the grid (docs/engine/thermal.md, "Grid"): rack bodies, air units,
 * CDUs, tanks and interior walls become solid cells; containment panels become leaky faces (the
 * end doors and roof of a contained aisle; the aisle's long sides are its racks). It also returns
 * where each rack, unit and aisle lies in cells, for the boundary conditions (boundary.ts).
 */
import type { Rect } from '../layout/footprint';
import { cellIndex, cellRange, createGrid, fillSolid, openFaces, setPanel, type CellRange, type Grid } from './grid';
import type { HallModel, ThermalAisle } from './hallModel';

/**
 * Porosity of a containment panel face: the gaps around doors, panels and cable openings. An
 * assumption (docs/engine/thermal.md): it sets how easily air crosses the panel, while how much
 * does cross is set by the imbalance between what the racks move and the units take back.
 */
export const PANEL_POROSITY = 0.05;

/** How far a contained single row's aisle may reach to a wall behind it, m (as the layout rules scan). */
const AISLE_SCAN_M = 3;

export interface BoxCells {
  ri: CellRange;
  rj: CellRange;
  rk: CellRange;
}

export interface AisleCells extends BoxCells {
  containmentId: string;
  type: 'hot' | 'cold';
  rackIds: string[];
  /** The rows run along x (racks facing ±y); else along y. */
  alongX: boolean;
}

export interface Voxels {
  grid: Grid;
  racks: Map<string, BoxCells>;
  units: Map<string, BoxCells>;
  aisles: AisleCells[];
}

export function voxelise(model: HallModel, d: number): Voxels {
  const { hall } = model;
  const grid = createGrid(hall.width, hall.depth, model.roomHeightM, d, model.deckM);
  const boxOf = (rect: Rect, heightM: number): BoxCells | null => {
    const ri = cellRange(rect.minX, rect.maxX, d, grid.nx);
    const rj = cellRange(rect.minY, rect.maxY, d, grid.ny);
    const rk = cellRange(0, Math.min(heightM, model.roomHeightM), d, grid.nz);
    return ri && rj && rk ? { ri, rj, rk } : null;
  };
  const racks = new Map<string, BoxCells>();
  for (const r of model.racks) {
    const box = boxOf(r.rect, r.heightM);
    if (!box) continue;
    racks.set(r.id, box);
    fillSolid(grid, box.ri, box.rj, box.rk);
  }
  const units = new Map<string, BoxCells>();
  for (const u of model.units) {
    const box = boxOf(u.rect, u.heightM);
    if (!box) continue;
    units.set(u.id, box);
    fillSolid(grid, box.ri, box.rj, box.rk);
  }
  for (const o of model.obstacles) {
    const box = boxOf(o.rect, o.heightM);
    if (box) fillSolid(grid, box.ri, box.rj, box.rk);
  }
  for (const w of model.walls) wallCells(grid, w.a, w.b, w.thickness, w.height - model.deckM);
  openFaces(grid);
  const aisles: AisleCells[] = [];
  for (const a of model.aisles) {
    const cells = aisleCells(grid, a, racks, model);
    if (cells) {
      aisles.push(cells);
      aislePanels(grid, cells, racks);
    }
  }
  return { grid, racks, units, aisles };
}

/**
 * A wall segment: every cell whose centre lies within half the thickness of the segment, and at
 * least within half a cell diagonal, so a wall thinner than a cell still closes (no air passes
 * between two diagonal cells).
 */
function wallCells(
  g: Grid,
  a: { x: number; y: number },
  b: { x: number; y: number },
  thickness: number,
  heightM: number,
): void {
  if (heightM <= 0) return;
  const { d } = g;
  const reach = Math.max(thickness / 2, (d * Math.SQRT2) / 2);
  const ri = cellRange(Math.min(a.x, b.x) - reach, Math.max(a.x, b.x) + reach, d, g.nx);
  const rj = cellRange(Math.min(a.y, b.y) - reach, Math.max(a.y, b.y) + reach, d, g.ny);
  const rk = cellRange(0, heightM, d, g.nz);
  if (!ri || !rj || !rk) return;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  for (let j = rj.lo; j <= rj.hi; j++)
    for (let i = ri.lo; i <= ri.hi; i++) {
      const px = (i + 0.5) * d;
      const py = (j + 0.5) * d;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
      const ex = a.x + t * dx - px;
      const ey = a.y + t * dy - py;
      if (ex * ex + ey * ey > reach * reach) continue;
      for (let k = rk.lo; k <= rk.hi; k++) g.solid[cellIndex(g, i, j, k)] = 1;
    }
}

/** Union of ranges. */
function span(ranges: CellRange[]): CellRange {
  return { lo: Math.min(...ranges.map((r) => r.lo)), hi: Math.max(...ranges.map((r) => r.hi)) };
}

/**
 * The air volume a containment closes, in cells. Rows of racks facing ±y run along x (and the
 * aisle with them); rows facing ±x run along y. Two rows: the cells between them. One row: from
 * its back (hot) or front (cold) to the hall's edge when that is within AISLE_SCAN_M, else the
 * settings' minimum aisle width. Up to the top of its tallest rack.
 */
function aisleCells(
  g: Grid,
  aisle: ThermalAisle,
  racks: ReadonlyMap<string, BoxCells>,
  model: HallModel,
): AisleCells | null {
  const rackById = new Map(model.racks.map((r) => [r.id, r]));
  const rows = aisle.rows
    .map((ids) => ids.filter((id) => racks.has(id)))
    .filter((ids) => ids.length > 0)
    .map((ids) => {
      const boxes = ids.map((id) => racks.get(id)!);
      const fy = ids.reduce((s, id) => s + rackById.get(id)!.front.y, 0) / ids.length;
      const fx = ids.reduce((s, id) => s + rackById.get(id)!.front.x, 0) / ids.length;
      return {
        ids,
        ri: span(boxes.map((b) => b.ri)),
        rj: span(boxes.map((b) => b.rj)),
        rk: span(boxes.map((b) => b.rk)),
        fx,
        fy,
      };
    });
  const first = rows[0];
  if (!first) return null;
  // Rows along x when the racks face ±y.
  const alongX = Math.abs(first.fy) >= Math.abs(first.fx);
  const across = (r: (typeof rows)[number]) => (alongX ? r.rj : r.ri);
  const along = span(rows.map((r) => (alongX ? r.ri : r.rj)));
  const rk: CellRange = { lo: 0, hi: span(rows.map((r) => r.rk)).hi };
  let cross: CellRange;
  const second = rows[1];
  if (second) {
    const [a, b] = across(first).lo <= across(second).lo ? [first, second] : [second, first];
    cross = { lo: across(a).hi + 1, hi: across(b).lo - 1 };
  } else {
    // The side the aisle lies on: behind the row for a hot aisle, in front for a cold one.
    const f = alongX ? first.fy : first.fx;
    const sign = (aisle.type === 'hot' ? -1 : 1) * Math.sign(f);
    const n = alongX ? g.ny : g.nx;
    const r = across(first);
    const toEdge = sign > 0 ? n - 1 - r.hi : r.lo;
    const minM = aisle.type === 'hot' ? model.minHotAisleM : model.minColdAisleM;
    const width = toEdge * g.d <= AISLE_SCAN_M ? toEdge : Math.max(1, Math.round(minM / g.d));
    cross =
      sign > 0 ? { lo: r.hi + 1, hi: Math.min(n - 1, r.hi + width) } : { lo: Math.max(0, r.lo - width), hi: r.lo - 1 };
  }
  if (cross.hi < cross.lo) return null;
  return {
    containmentId: aisle.containmentId,
    type: aisle.type,
    rackIds: rows.flatMap((r) => r.ids),
    alongX,
    ri: alongX ? along : cross,
    rj: alongX ? cross : along,
    rk,
  };
}

/**
 * Leaky panels on the aisle's box: its two ends, its roof (unless it reaches the ceiling) and,
 * for a single row, its far long side (unless that is the hall's edge, closed already). The long
 * sides along racks are the racks themselves; a missing rack leaves an opening, as it would.
 */
function aislePanels(g: Grid, a: AisleCells, racks: ReadonlyMap<string, BoxCells>): void {
  const { ri, rj, rk } = a;
  if (a.alongX) {
    setPanel(g, 'x', ri.lo - 1, rj, rk, PANEL_POROSITY);
    setPanel(g, 'x', ri.hi, rj, rk, PANEL_POROSITY);
    // A single row's open long side: whichever side of the aisle has no rack next to it.
    const hasLow = a.rackIds.some((id) => racks.get(id)!.rj.hi === rj.lo - 1);
    const hasHigh = a.rackIds.some((id) => racks.get(id)!.rj.lo === rj.hi + 1);
    if (!hasLow) setPanel(g, 'y', rj.lo - 1, ri, rk, PANEL_POROSITY);
    if (!hasHigh) setPanel(g, 'y', rj.hi, ri, rk, PANEL_POROSITY);
  } else {
    setPanel(g, 'y', rj.lo - 1, ri, rk, PANEL_POROSITY);
    setPanel(g, 'y', rj.hi, ri, rk, PANEL_POROSITY);
    const hasLow = a.rackIds.some((id) => racks.get(id)!.ri.hi === ri.lo - 1);
    const hasHigh = a.rackIds.some((id) => racks.get(id)!.ri.lo === ri.hi + 1);
    if (!hasLow) setPanel(g, 'x', ri.lo - 1, rj, rk, PANEL_POROSITY);
    if (!hasHigh) setPanel(g, 'x', ri.hi, rj, rk, PANEL_POROSITY);
  }
  setPanel(g, 'z', rk.hi, ri, rj, PANEL_POROSITY);
}
