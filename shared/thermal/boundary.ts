/**
 * Where air enters and leaves the hall's air, in cells, with how much (docs/engine/thermal.md,
 * "Boundary conditions"). Every stream is spread evenly over the fluid cells of its face.
 * - A rack draws V̇ through the cells in front of its front face (a sink) and blows V̇ out of
 *   the cells behind its back (a source) at its mean intake temperature + P / (ρ · c_p · V̇).
 * - An air unit blows its airflow at its supply temperature from the cells in front of its supply
 *   face and takes the same back: an in-row cooler through its back, a CRAH or CRAC through its
 *   top (its back when it reaches the ceiling), a fan wall through the roof (mining halls exhaust
 *   "side in, top out", figures.md §3.4): a relief spread over the ceiling layer.
 * - A contained hot aisle is ducted to the room units' returns through its roof (a return
 *   plenum); a contained cold aisle on a slab is fed by the room units through its roof (overhead
 *   supply). The room units' air is shared out in proportion to the racks' airflow, so a hall
 *   whose units move more air than its racks returns the surplus through the units' own faces
 *   (bypass) and one whose units move less leaves the missing air to leak through the panels
 *   (recirculation).
 * - On a raised floor, CRAHs and CRACs blow down into the plenum and the air rises through a
 *   perforated tile in front of every air-cooled rack, the same flow per tile cell (a plenum at
 *   uniform pressure).
 * - Lighting heat is spread over the ceiling layer.
 */
import { CP_AIR, RHO_AIR } from '../units/constants';
import { cellIndex, type Grid } from './grid';
import type { HallModel, ThermalUnit } from './hallModel';
import type { BoxCells, Voxels } from './voxelise';

/** Depth of the perforated tile in front of a rack on a raised floor, m (a 600 mm tile). */
export const TILE_DEPTH_M = 0.6;
/** How many cell layers out from a face an intake or outlet looks for air before giving up. */
const FACE_SEARCH = 3;
/**
 * Jets (docs/engine/thermal.md, "Momentum"): potential flow has no momentum, so air blown out of a
 * face would turn straight back to the nearest sink (a CRAH's supply to its own return, a rack's
 * exhaust round to its own intake). A blown stream is therefore released where its jet has
 * slowed: ASHRAE Handbook — Fundamentals (2017), ch. 20, gives the centreline velocity of a
 * jet from a face of area A_0 at velocity V_0 as V_x = K · V_0 · √A_0 / x, so it reaches the
 * terminal velocity V_T at the throw x = K · V_0 · √A_0 / V_T (K = 5, V_T = 0.25 m/s, the
 * 50 fpm throw). A hot exhaust stops being a jet sooner, where buoyancy takes over: the
 * Archimedes number g · β · ΔT · x / V_0² reaches 1 at x = V_0² / (g · β · ΔT), β = 1 / T (K).
 * The stream travels straight along the face's normal, cell by cell, until the throw or the first
 * closed or partly closed face (a body, a wall, a containment panel). A heated exhaust then rises
 * as a plume until the ceiling or a panel stops it: it is the warmest air in the hall, so it is
 * buoyant all the way up (Morton, Taylor & Turner 1956, Proc. R. Soc. A 234:1–23). It enters the
 * air there. Supply air, cooler than the room, stays at its height.
 */
export const JET_K = 5;
/** Air temperature the buoyancy of an exhaust is reckoned from, °C (its absolute temperature sets β). */
const JET_REFERENCE_C = 25;
export const THROW_TERMINAL_MS = 0.25;
const GRAVITY = 9.80665;

/** A stream spread over cells: padded cell indices and the flow through each, m³/s. */
export interface Terminal {
  cells: Int32Array;
  q: Float64Array;
  totalM3s: number;
}

export interface RackBoundary {
  id: string;
  airflowM3s: number;
  heatW: number;
  intake: Terminal;
  exhaust: Terminal;
}

export interface UnitBoundary {
  id: string;
  kind: ThermalUnit['kind'];
  airflowM3s: number;
  supplyC: number;
  /** Supplied through its own face, and the rest through the cold ducts or the floor tiles. */
  supply: Terminal | null;
  /** Area of its own supply face, m² (for the supply velocity). */
  supplyFaceM2: number;
  coldDuctM3s: number;
  tileM3s: number;
  /** Taken back through its own face, the hot-aisle ducts and the roof relief. */
  ret: Terminal | null;
  hotDuctM3s: number;
  reliefM3s: number;
}

/** A stream shared by several units: its cells, and its temperature for inflows (the units' mix). */
export interface Pool {
  terminal: Terminal;
  supplyC: number;
}

export interface Boundaries {
  racks: RackBoundary[];
  units: UnitBoundary[];
  hotDuct: Pool | null;
  relief: Pool | null;
  coldDuct: Pool | null;
  tiles: Pool | null;
  /** Lighting heat per ceiling cell, W. */
  lighting: Terminal | null;
  lightingW: number;
  /** Racks and units left out because no air reaches their faces. */
  blocked: string[];
}

/** Cells with relative weights (a stream spread unevenly). */
export interface Weighted {
  cells: number[];
  weights: number[];
}

/** A stream spread over cells in proportion to their weights. */
export function weightedTerminal(w: Weighted, totalM3s: number): Terminal {
  const sum = w.weights.reduce((s, v) => s + v, 0);
  const q = Float64Array.from(w.weights, (v) => (sum > 0 ? (totalM3s * v) / sum : 0));
  return { cells: Int32Array.from(w.cells), q, totalM3s };
}

export function terminal(cells: readonly number[], totalM3s: number): Terminal {
  const q = new Float64Array(cells.length).fill(cells.length > 0 ? totalM3s / cells.length : 0);
  return { cells: Int32Array.from(cells), q, totalM3s };
}

type Dir = { x: number; y: number };

/**
 * Fluid cells next to a box's face in plan direction `dir`, over the box's height: the first of
 * up to FACE_SEARCH layers outward that has any.
 */
export function faceCells(g: Grid, box: BoxCells, dir: Dir): number[] {
  for (let step = 1; step <= FACE_SEARCH; step++) {
    const out: number[] = [];
    if (dir.x !== 0) {
      const i = dir.x > 0 ? box.ri.hi + step : box.ri.lo - step;
      if (i < 0 || i >= g.nx) return [];
      for (let k = box.rk.lo; k <= box.rk.hi; k++)
        for (let j = box.rj.lo; j <= box.rj.hi; j++) {
          const p = cellIndex(g, i, j, k);
          if (!g.solid[p]) out.push(p);
        }
    } else {
      const j = dir.y > 0 ? box.rj.hi + step : box.rj.lo - step;
      if (j < 0 || j >= g.ny) return [];
      for (let k = box.rk.lo; k <= box.rk.hi; k++)
        for (let i = box.ri.lo; i <= box.ri.hi; i++) {
          const p = cellIndex(g, i, j, k);
          if (!g.solid[p]) out.push(p);
        }
    }
    if (out.length > 0) return out;
  }
  return [];
}

/** Fluid cells on top of a box (none when it reaches the ceiling). */
function topCells(g: Grid, box: BoxCells): number[] {
  const k = box.rk.hi + 1;
  if (k >= g.nz) return [];
  const out: number[] = [];
  for (let j = box.rj.lo; j <= box.rj.hi; j++)
    for (let i = box.ri.lo; i <= box.ri.hi; i++) {
      const p = cellIndex(g, i, j, k);
      if (!g.solid[p]) out.push(p);
    }
  return out;
}

/** Fluid cells of layer k over a plan box. */
function layerCells(g: Grid, box: Pick<BoxCells, 'ri' | 'rj'>, k: number): number[] {
  const out: number[] = [];
  for (let j = box.rj.lo; j <= box.rj.hi; j++)
    for (let i = box.ri.lo; i <= box.ri.hi; i++) {
      const p = cellIndex(g, i, j, k);
      if (!g.solid[p]) out.push(p);
    }
  return out;
}

/** The floor cells of the tile in front of a rack: its width, TILE_DEPTH_M out from its front. */
function tileCells(g: Grid, box: BoxCells, front: Dir): number[] {
  const depth = Math.max(1, Math.round(TILE_DEPTH_M / g.d));
  const out: number[] = [];
  for (let step = 1; step <= depth; step++) {
    if (front.x !== 0) {
      const i = front.x > 0 ? box.ri.hi + step : box.ri.lo - step;
      if (i < 0 || i >= g.nx) break;
      for (let j = box.rj.lo; j <= box.rj.hi; j++) {
        const p = cellIndex(g, i, j, 0);
        if (!g.solid[p]) out.push(p);
      }
    } else {
      const j = front.y > 0 ? box.rj.hi + step : box.rj.lo - step;
      if (j < 0 || j >= g.ny) break;
      for (let i = box.ri.lo; i <= box.ri.hi; i++) {
        const p = cellIndex(g, i, j, 0);
        if (!g.solid[p]) out.push(p);
      }
    }
  }
  return out;
}

/** Cells that several terminals share are merged into one pool terminal: each cell once, its flows summed. */
function mergedTerminal(parts: { cells: number[]; totalM3s: number }[]): Terminal | null {
  const flow = new Map<number, number>();
  let total = 0;
  for (const part of parts) {
    if (part.cells.length === 0 || part.totalM3s <= 0) continue;
    const q = part.totalM3s / part.cells.length;
    for (const c of part.cells) flow.set(c, (flow.get(c) ?? 0) + q);
    total += part.totalM3s;
  }
  if (flow.size === 0) return null;
  return { cells: Int32Array.from(flow.keys()), q: Float64Array.from(flow.values()), totalM3s: total };
}

/** Throw of a jet, m: momentum throw, shortened by buoyancy for a heated stream (riseK > 0). */
export function throwM(flowM3s: number, faceCellCount: number, d: number, riseK: number, airC: number): number {
  const area = faceCellCount * d * d;
  if (area <= 0 || flowM3s <= 0) return 0;
  const v0 = flowM3s / area;
  const momentum = (JET_K * v0 * Math.sqrt(area)) / THROW_TERMINAL_MS;
  if (riseK <= 0) return momentum;
  const buoyant = (v0 * v0) / ((GRAVITY * riseK) / (273.15 + airC));
  return Math.min(momentum, buoyant);
}

/**
 * The cells a jet from each face cell passes: up to `steps` cells along `dir` while the face ahead
 * is fully open, the face cell included; with `plume`, each of them lifted to the ceiling or the
 * panel above it. Each face cell's share is spread evenly over its path.
 */
export function jetPath(g: Grid, cells: readonly number[], dir: Dir, steps: number, plume: boolean): Weighted {
  const along =
    dir.x !== 0 ? { step: dir.x > 0 ? 1 : -1, faces: g.cx } : { step: dir.y > 0 ? g.sx : -g.sx, faces: g.cy };
  const { step, faces } = along;
  const out: Weighted = { cells: [], weights: [] };
  for (const start of cells) {
    const path = [start];
    let p = start;
    for (let s = 0; s < steps; s++) {
      const face = step > 0 ? faces[p]! : faces[p + step]!;
      if (face < 1) break;
      p += step;
      path.push(p);
    }
    const column = plume ? path.map((c) => risen(g, c)) : path;
    for (const c of column) {
      out.cells.push(c);
      out.weights.push(1 / column.length);
    }
  }
  return out;
}

/** Where a warm plume from a cell stops: the highest cell above it under the ceiling or a panel. */
function risen(g: Grid, start: number): number {
  let p = start;
  while (g.cz[p]! >= 1) p += g.sxy;
  return p;
}

export function boundaries(model: HallModel, vox: Voxels): Boundaries {
  const g = vox.grid;
  const blocked: string[] = [];
  const racks: RackBoundary[] = [];
  const rackAirflow = new Map<string, number>();
  for (const r of model.racks) {
    const box = vox.racks.get(r.id);
    if (!box || r.airflowM3s <= 0) continue;
    const intake = faceCells(g, box, r.front);
    const exhaust = faceCells(g, box, { x: -r.front.x, y: -r.front.y });
    if (intake.length === 0 || exhaust.length === 0) {
      blocked.push(r.id);
      continue;
    }
    const back = { x: -r.front.x, y: -r.front.y };
    const rise = r.heatW / (RHO_AIR * CP_AIR * r.airflowM3s);
    const reach = throwM(r.airflowM3s, exhaust.length, g.d, rise, JET_REFERENCE_C + rise);
    racks.push({
      id: r.id,
      airflowM3s: r.airflowM3s,
      heatW: r.heatW,
      intake: terminal(intake, r.airflowM3s),
      exhaust: weightedTerminal(jetPath(g, exhaust, back, Math.floor(reach / g.d), rise > 0), r.airflowM3s),
    });
    rackAirflow.set(r.id, r.airflowM3s);
  }

  const aisleIds = new Set(vox.aisles.map((a) => a.containmentId));
  const isRoomUnit = (u: ThermalUnit) => u.containmentId === null || !aisleIds.has(u.containmentId);
  const placed = model.units.filter((u) => vox.units.has(u.id) && u.airflowM3s > 0);
  const roomFlow = placed.filter(isRoomUnit).reduce((s, u) => s + u.airflowM3s, 0);
  const dedicatedFlow = (containmentId: string) =>
    placed.filter((u) => u.containmentId === containmentId).reduce((s, u) => s + u.airflowM3s, 0);

  // Tiles in front of every air-cooled rack when CRAHs and CRACs blow into a raised floor.
  const downflow = (u: ThermalUnit) => model.raisedFloor && (u.kind === 'crah' || u.kind === 'crac');
  const tileCellList = model.raisedFloor
    ? [
        ...new Set(
          model.racks.filter((r) => rackAirflow.has(r.id)).flatMap((r) => tileCells(g, vox.racks.get(r.id)!, r.front)),
        ),
      ]
    : [];
  const tilesUsed = tileCellList.length > 0;

  /** Shares each contained aisle of `type` gets of the room units' air, m³/s, with its cells. */
  const ducts = (type: 'hot' | 'cold') => {
    const aisles = vox.aisles.filter((a) => a.type === type);
    const wants = aisles.map((a) =>
      Math.max(0, a.rackIds.reduce((s, id) => s + (rackAirflow.get(id) ?? 0), 0) - dedicatedFlow(a.containmentId)),
    );
    const inAisles = new Set(aisles.flatMap((a) => a.rackIds));
    const others = [...rackAirflow].filter(([id]) => !inAisles.has(id)).reduce((s, [, v]) => s + v, 0);
    const demand = wants.reduce((s, v) => s + v, 0) + others;
    const share = demand > 0 && roomFlow > 0 ? Math.min(1, roomFlow / demand) : 0;
    return mergedTerminal(aisles.map((a, i) => ({ cells: layerCells(g, a, a.rk.hi), totalM3s: share * wants[i]! })));
  };
  const hotDuct = ducts('hot');
  const coldDuct = tilesUsed ? null : ducts('cold');
  const hotTotal = hotDuct?.totalM3s ?? 0;
  const coldTotal = coldDuct?.totalM3s ?? 0;
  const tileFlow = placed.filter((u) => downflow(u) && isRoomUnit(u)).reduce((s, u) => s + u.airflowM3s, 0);

  const units: UnitBoundary[] = [];
  let reliefM3s = 0;
  const supplyMix = { cold: { flow: 0, heat: 0 }, tiles: { flow: 0, heat: 0 } };
  for (const u of placed) {
    const box = vox.units.get(u.id)!;
    const room = isRoomUnit(u);
    const hotDuctM3s = room && roomFlow > 0 ? (hotTotal * u.airflowM3s) / roomFlow : 0;
    const coldDuctM3s = room && roomFlow > 0 ? (coldTotal * u.airflowM3s) / roomFlow : 0;
    const tileM3s = tilesUsed && room && downflow(u) ? u.airflowM3s : 0;
    const ownSupply = u.airflowM3s - coldDuctM3s - tileM3s;
    const ownReturn = u.airflowM3s - hotDuctM3s;
    const supplyCells = ownSupply > 1e-12 ? faceCells(g, box, u.front) : [];
    let returnCells: number[] = [];
    let unitRelief = 0;
    if (u.kind === 'fan-wall') unitRelief = ownReturn;
    else if (ownReturn > 1e-12) {
      const back = { x: -u.front.x, y: -u.front.y };
      returnCells = u.kind === 'inrow' ? faceCells(g, box, back) : topCells(g, box);
      if (returnCells.length === 0) returnCells = faceCells(g, box, back);
      if (returnCells.length === 0) returnCells = topCells(g, box);
    }
    if (
      (ownSupply > 1e-12 && supplyCells.length === 0) ||
      (ownReturn > 1e-12 && u.kind !== 'fan-wall' && returnCells.length === 0)
    ) {
      blocked.push(u.id);
      continue;
    }
    reliefM3s += unitRelief;
    supplyMix.cold.flow += coldDuctM3s;
    supplyMix.cold.heat += coldDuctM3s * u.supplyC;
    supplyMix.tiles.flow += tileM3s;
    supplyMix.tiles.heat += tileM3s * u.supplyC;
    units.push({
      id: u.id,
      kind: u.kind,
      airflowM3s: u.airflowM3s,
      supplyC: u.supplyC,
      supply:
        ownSupply > 1e-12
          ? weightedTerminal(
              jetPath(
                g,
                supplyCells,
                u.front,
                Math.floor(throwM(ownSupply, supplyCells.length, g.d, 0, u.supplyC) / g.d),
                false,
              ),
              ownSupply,
            )
          : null,
      supplyFaceM2: supplyCells.length * g.d * g.d,
      coldDuctM3s,
      tileM3s,
      ret: ownReturn > 1e-12 && u.kind !== 'fan-wall' ? terminal(returnCells, ownReturn) : null,
      hotDuctM3s,
      reliefM3s: unitRelief,
    });
  }
  // A blocked unit's share of the ducts and tiles is gone: rescale the pools to what the placed units carry.
  const carried = (key: 'hotDuctM3s' | 'coldDuctM3s' | 'tileM3s') => units.reduce((s, u) => s + u[key], 0);
  const ceiling = g.nz - 1;
  const ceilingCells = layerCells(g, { ri: { lo: 0, hi: g.nx - 1 }, rj: { lo: 0, hi: g.ny - 1 } }, ceiling);
  const pool = (t: Terminal | null, flow: number, supplyC: number): Pool | null =>
    t && flow > 1e-12 ? { terminal: scaled(t, flow), supplyC } : null;
  const lighting = model.lightingW > 0 && ceilingCells.length > 0 ? terminal(ceilingCells, model.lightingW) : null;
  return {
    racks,
    units,
    hotDuct: pool(hotDuct, carried('hotDuctM3s'), 0),
    relief: pool(reliefM3s > 0 ? terminal(ceilingCells, reliefM3s) : null, reliefM3s, 0),
    coldDuct: pool(
      coldDuct,
      carried('coldDuctM3s'),
      supplyMix.cold.flow > 0 ? supplyMix.cold.heat / supplyMix.cold.flow : 0,
    ),
    tiles: pool(
      tilesUsed ? terminal(tileCellList, tileFlow) : null,
      carried('tileM3s'),
      supplyMix.tiles.flow > 0 ? supplyMix.tiles.heat / supplyMix.tiles.flow : 0,
    ),
    lighting,
    lightingW: lighting ? model.lightingW : 0,
    blocked,
  };
}

function scaled(t: Terminal, totalM3s: number): Terminal {
  if (t.totalM3s <= 0) return t;
  const f = totalM3s / t.totalM3s;
  return { cells: t.cells, q: t.q.map((v) => v * f), totalM3s };
}

/** Net volume flow into each cell, m³/s: sources positive, sinks negative (Σ = 0 by construction). */
export function sourceField(g: Grid, b: Boundaries): Float64Array {
  const s = new Float64Array(g.n);
  const add = (t: Terminal | null, sign: number) => {
    if (!t) return;
    for (let i = 0; i < t.cells.length; i++) s[t.cells[i]!]! += sign * t.q[i]!;
  };
  for (const r of b.racks) {
    add(r.intake, -1);
    add(r.exhaust, 1);
  }
  for (const u of b.units) {
    add(u.supply, 1);
    add(u.ret, -1);
  }
  add(b.hotDuct?.terminal ?? null, -1);
  add(b.relief?.terminal ?? null, -1);
  add(b.coldDuct?.terminal ?? null, 1);
  add(b.tiles?.terminal ?? null, 1);
  return s;
}
