/**
 * DXF floor plans in: the layers of a drawing with their straight lines (`readDxf`), and the walls
 * of the chosen layers as a hall plan in metres (`planFromDxf`). docs/import.md says what is read.
 *
 * dxf-parser reads the group codes and entities (docs/decisions.md); `scanDxf` checks the file's
 * structure first, since the parser hangs on some damaged files. Its UMD build is loaded because
 * the package's ES build imports extensionless paths that Node cannot resolve.
 *
 * Coordinates: DXF's Y axis points up the sheet (north up, counter-clockwise angles), while a hall
 * plan's y runs down the plan view (docs/architecture.md: rotation is clockwise seen from above).
 * The plan takes x = X − Xmin and y = Ymax − Y, so the hall seen in plan view is the drawing as the
 * CAD program shows it, not its mirror image.
 */
import DxfParser, { type DxfEntity, type DxfPoint, type DxfVertex } from 'dxf-parser/dist/dxf-parser.js';
import type { Point2 } from '../model/schema';
import { scanDxf } from './dxfScan';
import { detectUnits, METRES_PER_UNIT, DXF_UNIT_NAMES, type DxfUnits } from './dxfUnits';

export { dxfSizeProblem, MAX_DXF_CHARS, MAX_DXF_SEGMENTS } from './dxfScan';
export { DXF_UNITS, DXF_UNIT_NAMES, type DxfUnits } from './dxfUnits';

/** Largest plan side, metres: the document keeps coordinates within ±10,000 m (schema point2Schema). */
export const MAX_DXF_PLAN_M = 10_000;

/** A straight segment in drawing units, on DXF axes (Y up). */
export interface DxfSegment {
  a: Point2;
  b: Point2;
}

export interface DxfLayer {
  name: string;
  lines: number;
  lwpolylines: number;
  polylines: number;
  /** The straight segments of its LINEs and polylines (closed polylines closed), drawing units. */
  segments: DxfSegment[];
  /** Curved polyline segments (a bulge on the vertex), which the import leaves out. */
  arcs: number;
  /** Entities it does not read, by type: "ARC", "INSERT", "TEXT", "LWPOLYLINE (not in the plan plane)"… */
  unread: Record<string, number>;
}

export interface DxfExtents {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface DxfDrawing {
  /** Every layer of the LAYER table or used by an entity, by name. */
  layers: DxfLayer[];
  /** $INSUNITS as the header states it; null when absent. */
  insunits: number | null;
  detectedUnits: DxfUnits | null;
  /** True when $INSUNITS does not state the units and `detectedUnits` comes from the drawing's size. */
  unitsGuessed: boolean;
  /** Where the units come from, one sentence for the user. */
  unitsNote: string;
  /** Of all layers' segments, drawing units; null when nothing straight is drawn. */
  extents: DxfExtents | null;
  /** Entities in paper space (sheet borders, title blocks), left out. */
  paperSpace: number;
}

export type DxfRead = { ok: true; drawing: DxfDrawing } | { ok: false; error: string };

export interface PlanOptions {
  layers: readonly string[];
  units: DxfUnits;
  wallThicknessM: number;
  wallHeightM: number;
}

/** Walls in hall-local metres, from (0, 0) to (widthM, depthM). */
export interface DxfPlan {
  widthM: number;
  depthM: number;
  walls: { a: Point2; b: Point2 }[];
  wallThicknessM: number;
  wallHeightM: number;
  /** Curved polyline segments, and entities other than lines and polylines, on the chosen layers. */
  skipped: { arcs: number; other: number };
  warnings: string[];
}

export type PlanResult = { ok: true; plan: DxfPlan } | { ok: false; error: string };

/** Parses DXF text into layers of straight segments, with the units and extents. */
export function readDxf(text: string): DxfRead {
  const scanned = scanDxf(text);
  if (!scanned.ok) return scanned;
  let parsed: ReturnType<DxfParser['parseSync']>;
  try {
    parsed = new DxfParser().parseSync(scanned.scan.text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The DXF file could not be read (${reason}): it is damaged. Export it again.` };
  }
  if (!parsed) return { ok: false, error: 'The DXF file could not be read. Export it again.' };

  const layers = new Map<string, DxfLayer>();
  const layer = (name: string) => {
    let l = layers.get(name);
    if (!l) layers.set(name, (l = { name, lines: 0, lwpolylines: 0, polylines: 0, segments: [], arcs: 0, unread: {} }));
    return l;
  };
  for (const record of Object.values(parsed.tables?.layer?.layers ?? {})) {
    const name = (record as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name !== '') layer(name);
  }
  for (const entity of parsed.entities ?? []) {
    const error = readEntity(entity, layer);
    if (error !== null) return { ok: false, error };
  }
  for (const [name, byType] of scanned.scan.unread) {
    const l = layer(name);
    for (const [type, n] of byType) l.unread[type] = (l.unread[type] ?? 0) + n;
  }

  const list = [...layers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const extents = extentsOf(list.flatMap((l) => l.segments));
  const rawUnits = parsed.header?.['$INSUNITS'];
  const insunits = typeof rawUnits === 'number' && Number.isInteger(rawUnits) ? rawUnits : null;
  const span = extents ? Math.max(extents.maxX - extents.minX, extents.maxY - extents.minY) : null;
  const units = detectUnits(insunits, span);
  return {
    ok: true,
    drawing: {
      layers: list,
      insunits,
      detectedUnits: units.units,
      unitsGuessed: units.guessed,
      unitsNote: units.note,
      extents,
      paperSpace: scanned.scan.paperSpace,
    },
  };
}

/** Adds one LINE, LWPOLYLINE or POLYLINE to its layer; an error for a coordinate that is missing or not a finite number. */
function readEntity(entity: DxfEntity, layer: (name: string) => DxfLayer): string | null {
  const type = typeof entity.type === 'string' ? entity.type : '';
  const onLayer = layer(typeof entity.layer === 'string' && entity.layer !== '' ? entity.layer : '0');
  const vertices = entity.vertices ?? [];
  const handle = typeof entity.handle === 'string' ? ` (handle ${entity.handle})` : '';
  const bad = `The ${type}${handle} on layer "${onLayer.name}" has a coordinate that is missing or not a finite number: the file is damaged, or its exporter wrote NaN or infinity. Fix or delete that entity in the CAD program and import again.`;

  if (type === 'LINE') {
    onLayer.lines++;
    const a = point(vertices[0]);
    const b = point(vertices[1]);
    if (!a || !b) return bad;
    addSegment(onLayer, a, b);
    return null;
  }
  if (type !== 'LWPOLYLINE' && type !== 'POLYLINE') return null;
  if (type === 'LWPOLYLINE') onLayer.lwpolylines++;
  else onLayer.polylines++;

  // 2D polylines are drawn in their object coordinate system; 3D polylines in world coordinates.
  const plane =
    entity.is3dPolyline === true
      ? 1
      : type === 'LWPOLYLINE'
        ? planeSign({ x: entity.extrusionDirectionX, y: entity.extrusionDirectionY, z: entity.extrusionDirectionZ })
        : planeSign(entity.extrusionDirection);
  if (plane === null) {
    const key = `${type} (not in the plan plane)`;
    onLayer.unread[key] = (onLayer.unread[key] ?? 0) + 1;
    return null;
  }
  const points: Point2[] = [];
  const bulges: number[] = [];
  for (const v of vertices) {
    if (v.splineControlPoint === true) continue;
    const p = point(v);
    const bulge = v.bulge === undefined ? 0 : v.bulge;
    if (!p || typeof bulge !== 'number' || !Number.isFinite(bulge)) return bad;
    points.push({ x: plane * p.x, y: p.y });
    bulges.push(bulge);
  }
  const n = points.length;
  const sides = entity.shape === true && n > 2 ? n : n - 1;
  for (let i = 0; i < sides; i++) {
    if (bulges[i] !== 0) onLayer.arcs++;
    else addSegment(onLayer, points[i]!, points[(i + 1) % n]!);
  }
  return null;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function point(v: DxfVertex | DxfPoint | undefined): Point2 | null {
  return v && finite(v.x) && finite(v.y) ? { x: v.x, y: v.y } : null;
}

/**
 * +1 for an object coordinate system that is the world's (extrusion (0, 0, 1), or none given), −1
 * for the mirror one, extrusion (0, 0, −1), whose X axis is the world's −X by the arbitrary axis
 * algorithm (AutoCAD DXF Reference, "Object Coordinate Systems"); null for a plane tilted out of
 * the plan. The algorithm treats |Nx|, |Ny| < 1/64 as the Z axis.
 */
function planeSign(n: DxfPoint | undefined): 1 | -1 | null {
  // Absent components take the default extrusion (0, 0, 1).
  const x = n?.x ?? 0;
  const y = n?.y ?? 0;
  const z = n?.z ?? 1;
  if (!finite(x) || !finite(y) || !finite(z)) return null;
  if (Math.abs(x) >= 1 / 64 || Math.abs(y) >= 1 / 64 || z === 0) return null;
  return z > 0 ? 1 : -1;
}

/** Zero-length segments draw nothing and are dropped. */
function addSegment(layer: DxfLayer, a: Point2, b: Point2): void {
  if (a.x !== b.x || a.y !== b.y) layer.segments.push({ a, b });
}

function extentsOf(segments: readonly DxfSegment[]): DxfExtents | null {
  if (segments.length === 0) return null;
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const { a, b } of segments) {
    e.minX = Math.min(e.minX, a.x, b.x);
    e.minY = Math.min(e.minY, a.y, b.y);
    e.maxX = Math.max(e.maxX, a.x, b.x);
    e.maxY = Math.max(e.maxY, a.y, b.y);
  }
  return e;
}

/** Plan coordinates kept to 0.1 mm: finer than any drawing of a hall, free of float noise (12,000 mm × 0.001) and of −0. */
const tenthMm = (m: number) => Math.round(m * 10_000) / 10_000 + 0;
const metres = (m: number) => `${m.toLocaleString('en-US', { maximumFractionDigits: 2 })} m`;

/** The walls of the chosen layers in hall metres; refused when nothing is chosen or the plan is over 10 km. */
export function planFromDxf(drawing: DxfDrawing, options: PlanOptions): PlanResult {
  const { units, wallThicknessM, wallHeightM } = options;
  const fail = (error: string): PlanResult => ({ ok: false, error });
  if (options.layers.length === 0) return fail('Choose at least one layer that draws the walls.');
  const chosen: DxfLayer[] = [];
  for (const name of new Set(options.layers)) {
    const l = drawing.layers.find((x) => x.name === name);
    if (!l) return fail(`The drawing has no layer "${name}".`);
    chosen.push(l);
  }
  const factor = METRES_PER_UNIT[units];
  if (factor === undefined)
    return fail(`"${String(units)}" is not a unit the import knows: choose mm, cm, m, in or ft.`);
  if (!(wallThicknessM > 0 && wallThicknessM <= 10))
    return fail(`A wall's thickness must be more than 0 m and at most 10 m; it is ${wallThicknessM} m.`);
  if (!(wallHeightM > 0 && wallHeightM <= 100))
    return fail(`A wall's height must be more than 0 m and at most 100 m; it is ${wallHeightM} m.`);

  const unread = new Map<string, number>();
  for (const l of chosen)
    for (const [type, n] of Object.entries(l.unread)) unread.set(type, (unread.get(type) ?? 0) + n);
  const skipped = {
    arcs: chosen.reduce((s, l) => s + l.arcs, 0),
    other: [...unread.values()].reduce((s, n) => s + n, 0),
  };
  const segments = chosen.flatMap((l) => l.segments);
  const extents = extentsOf(segments);
  const names = chosen.map((l) => `"${l.name}"`).join(', ');
  if (!extents)
    return fail(
      `The chosen layers (${names}) hold no straight lines${describeUnread(unread, skipped.arcs)}. Choose the layers that draw the walls.`,
    );

  const widthM = (extents.maxX - extents.minX) * factor;
  const depthM = (extents.maxY - extents.minY) * factor;
  if (!(widthM <= MAX_DXF_PLAN_M && depthM <= MAX_DXF_PLAN_M))
    return fail(
      `Read in ${DXF_UNIT_NAMES[units]}, the chosen layers span ${metres(widthM)} × ${metres(depthM)}; a plan is at most ${metres(MAX_DXF_PLAN_M)} (10 km) across. Check the units (a drawing in millimetres read as metres comes out 1,000 times too big) or choose fewer layers.`,
    );

  const walls: DxfPlan['walls'] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const toPlan = (p: Point2): Point2 => ({
    x: tenthMm((p.x - extents.minX) * factor),
    y: tenthMm((extents.maxY - p.y) * factor),
  });
  for (const s of segments) {
    const a = toPlan(s.a);
    const b = toPlan(s.b);
    if (a.x === b.x && a.y === b.y) continue;
    const [p, q] = a.x < b.x || (a.x === b.x && a.y < b.y) ? [a, b] : [b, a];
    const key = `${p.x},${p.y},${q.x},${q.y}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    walls.push({ a, b });
  }

  const warnings: string[] = [];
  if (units === drawing.detectedUnits && drawing.unitsGuessed)
    warnings.push(`The units are a guess (${drawing.unitsNote}): check the size before importing.`);
  if (skipped.arcs > 0)
    warnings.push(
      `${skipped.arcs} curved polyline segment${skipped.arcs === 1 ? '' : 's'} (bulges) left out: a curved wall has a gap there.`,
    );
  if (unread.size > 0) warnings.push(`Not imported from the chosen layers: ${describeTypes(unread)}.`);
  if (unread.has('INSERT'))
    warnings.push('Blocks (INSERT) are not exploded: explode them in the CAD program to import the walls they draw.');
  if (duplicates > 0)
    warnings.push(
      `${duplicates} segment${duplicates === 1 ? ' was' : 's were'} drawn twice; each wall is imported once.`,
    );
  if (drawing.paperSpace > 0)
    warnings.push(
      `${drawing.paperSpace} entit${drawing.paperSpace === 1 ? 'y' : 'ies'} in paper space (sheet borders, title blocks) left out.`,
    );

  return {
    ok: true,
    plan: {
      widthM: tenthMm(widthM),
      depthM: tenthMm(depthM),
      walls,
      wallThicknessM,
      wallHeightM,
      skipped,
      warnings,
    },
  };
}

function describeTypes(unread: ReadonlyMap<string, number>): string {
  return [...unread]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

function describeUnread(unread: ReadonlyMap<string, number>, arcs: number): string {
  const parts = [
    ...(arcs > 0 ? [`${arcs} curved polyline segments`] : []),
    ...(unread.size > 0 ? [describeTypes(unread)] : []),
  ];
  return parts.length > 0 ? ` (only ${parts.join(', ')}, which are not imported)` : '';
}
