/**
 * The plan view of each hall as vector graphics: walls, zones drawn in the hall, doors, and every
 * rack as its footprint turned by its rotation, tinted by what it holds, its front (intake) edge
 * dark. Drawn from the document like the app's plan view (x to the right, y down), so the two
 * agree; the model has no north, which the note under the plan says.
 */
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { CatalogView } from '../catalog';
import type { Door, Hall, Point2, ProjectDocument, Rack, Wall, Zone } from '../model/schema';
import { formatNumber } from './format';
import { COLOURS, CONTENT_WIDTH, fitText, lineHeight, MARGIN, type Layout } from './pdfLayout';

export type RackContent = 'gpu' | 'miner' | 'other' | 'empty';
const CONTENT_ORDER: readonly RackContent[] = ['gpu', 'miner', 'other', 'empty'];

const RACK_TINT: Record<RackContent, RGB> = {
  gpu: rgb(0.18, 0.55, 0.4),
  miner: rgb(0.85, 0.64, 0.1),
  other: rgb(0.45, 0.55, 0.68),
  empty: rgb(0.86, 0.87, 0.89),
};
const RACK_LABEL: Record<RackContent, string> = {
  gpu: 'GPU racks',
  miner: 'Miner racks',
  other: 'Other equipment',
  empty: 'Empty racks',
};
const WALL = rgb(0.25, 0.27, 0.3);
const DOOR = rgb(0.8, 0.3, 0.1);
const FLOOR = rgb(0.975, 0.978, 0.985);
/** Zone outlines by protection class 1–4: paler for public, stronger for the computer room. */
const ZONE_CLASS: RGB[] = [rgb(0.55, 0.6, 0.65), rgb(0.3, 0.55, 0.8), rgb(0.55, 0.35, 0.75), rgb(0.75, 0.15, 0.35)];
const DEFAULT_FOOTPRINT = { widthM: 0.6, depthM: 1.2 };
/** Tallest a plan may be drawn, points: a long hall fills the width, a deep one is scaled down to this. */
const MAX_PLAN_HEIGHT = 470;
const LEGEND_HEIGHT = 52;

/** A rack holds GPUs if any device has them, else miners if any device mines, else whatever it holds. */
export function rackContent(rack: Rack, catalog: CatalogView): RackContent {
  if (rack.devices.length === 0) return 'empty';
  const specs = rack.devices.map((d) => catalog.device(d.catalogId));
  if (specs.some((s) => s?.gpus)) return 'gpu';
  if (specs.some((s) => s?.category === 'miner' || (s?.hashrateThs ?? 0) > 0)) return 'miner';
  return 'other';
}

/**
 * The rack's footprint corners in plan metres, front edge first. Rotation is clockwise seen from
 * above; with y pointing down the plan that is the usual rotation matrix, and at 0° the front
 * faces −y (docs/architecture.md).
 */
export function rackCorners(rack: Rack, catalog: CatalogView): Point2[] {
  const { widthM, depthM } = catalog.rackType(rack.rackTypeId) ?? DEFAULT_FOOTPRINT;
  const a = (rack.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const w = widthM / 2;
  const d = depthM / 2;
  const local: [number, number][] = [
    [-w, -d],
    [w, -d],
    [w, d],
    [-w, d],
  ];
  return local.map(([x, y]) => ({ x: rack.position.x + x * cos - y * sin, y: rack.position.y + x * sin + y * cos }));
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The hall's floor, widened to anything drawn outside it (a wall, zone or rack past its edge). */
function boundsOf(hall: Hall, points: readonly Point2[]): Bounds {
  const b = { minX: 0, minY: 0, maxX: hall.width, maxY: hall.depth };
  for (const p of points) {
    b.minX = Math.min(b.minX, p.x);
    b.minY = Math.min(b.minY, p.y);
    b.maxX = Math.max(b.maxX, p.x);
    b.maxY = Math.max(b.maxY, p.y);
  }
  return b;
}

/** Plan metres to an SVG path in points, origin at the plan's top-left (pdf-lib flips SVG y for us). */
class PlanFrame {
  constructor(
    readonly bounds: Bounds,
    readonly scale: number,
    readonly left: number,
    readonly top: number,
  ) {}

  path(points: readonly Point2[], close = true): string {
    const xy = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${this.sx(p.x)} ${this.sy(p.y)}`);
    return `${xy.join(' ')}${close ? ' Z' : ''}`;
  }

  sx(x: number): number {
    return (x - this.bounds.minX) * this.scale;
  }

  sy(y: number): number {
    return (y - this.bounds.minY) * this.scale;
  }

  /** Page coordinates (y up), for pdf-lib's non-SVG primitives. */
  page(p: Point2): { x: number; y: number } {
    return { x: this.left + this.sx(p.x), y: this.top - this.sy(p.y) };
  }
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) whose bar stays within `maxPoints`. */
export function scaleBarLength(scale: number, maxPoints: number): number {
  let best = 0.1;
  for (let exp = -1; exp <= 5; exp++)
    for (const m of [1, 2, 5]) {
      const length = m * 10 ** exp;
      if (length * scale <= maxPoints) best = length;
    }
  return best;
}

export function drawHallPlan(layout: Layout, doc: ProjectDocument, hall: Hall, catalog: CatalogView): void {
  const racks = doc.racks.filter((r) => r.hallId === hall.id);
  const zones = doc.zones.filter((z) => z.hallId === hall.id);
  const walls = doc.walls.filter((w) => w.hallId === hall.id);
  const doors = doc.doors.filter((d) => d.hallId === hall.id);
  const outline = [
    ...walls.flatMap((w) => [w.a, w.b]),
    ...racks.flatMap((r) => rackCorners(r, catalog)),
    ...zones.flatMap((z) => z.polygon ?? []),
  ];
  const bounds = boundsOf(hall, outline);
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  const scale = Math.min(CONTENT_WIDTH / spanX, MAX_PLAN_HEIGHT / spanY);
  const height = spanY * scale;

  layout.heading(
    `${hall.name || hall.id}: ${formatNumber(hall.width, 1)} × ${formatNumber(hall.depth, 1)} × ${formatNumber(hall.height, 1)} m`,
    2,
    height + LEGEND_HEIGHT,
  );
  const top = layout.reserve(height + 8);
  const frame = new PlanFrame(bounds, scale, MARGIN.left + (CONTENT_WIDTH - spanX * scale) / 2, top);
  const page = layout.current;
  drawFloor(page, frame, hall);
  drawWalls(page, frame, walls);
  drawZones(layout, page, frame, zones);
  drawRacks(page, frame, racks, catalog);
  drawDoors(page, frame, doors);
  drawLegend(layout, frame, { racks, zones, doors }, catalog);
}

function drawFloor(page: PDFPage, frame: PlanFrame, hall: Hall): void {
  const corners = [
    { x: 0, y: 0 },
    { x: hall.width, y: 0 },
    { x: hall.width, y: hall.depth },
    { x: 0, y: hall.depth },
  ];
  page.drawSvgPath(frame.path(corners), {
    x: frame.left,
    y: frame.top,
    color: FLOOR,
    borderColor: COLOURS.rule,
    borderWidth: 0.5,
  });
}

function drawZones(layout: Layout, page: PDFPage, frame: PlanFrame, zones: readonly Zone[]): void {
  for (const zone of zones) {
    if (!zone.polygon) continue;
    const colour = ZONE_CLASS[zone.protectionClass - 1] ?? COLOURS.muted;
    page.drawSvgPath(frame.path(zone.polygon), {
      x: frame.left,
      y: frame.top,
      borderColor: colour,
      borderWidth: 1,
      borderDashArray: [3, 2],
    });
    // The label sits inside the polygon's top-left corner, cut to the zone's width so neighbours' labels do not overlap.
    const corner = zone.polygon.reduce((best, p) => (p.y + p.x < best.y + best.x ? p : best));
    const xs = zone.polygon.map((p) => p.x);
    const room = (Math.max(...xs) - corner.x) * frame.scale - 8;
    const label = fitText(`${zone.name} (class ${zone.protectionClass})`, layout.measure(), 6, room);
    const at = frame.page(corner);
    layout.drawLine(page, label, at.x + 4, at.y - 4, { size: 6, color: colour });
  }
}

function drawWalls(page: PDFPage, frame: PlanFrame, walls: readonly Wall[]): void {
  for (const wall of walls) {
    page.drawLine({
      start: frame.page(wall.a),
      end: frame.page(wall.b),
      thickness: Math.max(0.75, wall.thickness * frame.scale),
      color: WALL,
    });
  }
}

function drawRacks(page: PDFPage, frame: PlanFrame, racks: readonly Rack[], catalog: CatalogView): void {
  const edge = Math.max(0.3, Math.min(1, frame.scale * 0.08));
  for (const rack of racks) {
    const corners = rackCorners(rack, catalog);
    page.drawSvgPath(frame.path(corners), {
      x: frame.left,
      y: frame.top,
      color: RACK_TINT[rackContent(rack, catalog)],
      borderColor: WALL,
      borderWidth: edge / 2,
    });
    page.drawLine({ start: frame.page(corners[0]!), end: frame.page(corners[1]!), thickness: edge * 2, color: WALL });
  }
}

/** A door is a short bar across its wall, as wide as the opening. */
function drawDoors(page: PDFPage, frame: PlanFrame, doors: readonly Door[]): void {
  for (const door of doors) {
    const half = door.width / 2;
    const along = door.rotationDeg % 180 === 0;
    const { x, y } = door.position;
    page.drawLine({
      start: frame.page(along ? { x: x - half, y } : { x, y: y - half }),
      end: frame.page(along ? { x: x + half, y } : { x, y: y + half }),
      thickness: Math.max(2.5, 0.5 * frame.scale),
      color: DOOR,
    });
  }
}

function swatch(layout: Layout, page: PDFPage, x: number, top: number, colour: RGB, label: string): number {
  page.drawRectangle({ x, y: top - 7, width: 7, height: 7, color: colour, borderColor: WALL, borderWidth: 0.3 });
  layout.drawLine(page, label, x + 10, top, { size: 7 });
  return x + 10 + layout.measure().widthOfTextAtSize(label, 7) + 14;
}

/** What a hall's plan shows, for its legend. */
interface Drawn {
  racks: readonly Rack[];
  zones: readonly Zone[];
  doors: readonly Door[];
}

function drawLegend(layout: Layout, frame: PlanFrame, { racks, zones, doors }: Drawn, catalog: CatalogView): void {
  const top = layout.reserve(lineHeight(7) + 6);
  const page = layout.current;
  const counts = new Map<RackContent, number>();
  for (const r of racks) {
    const content = rackContent(r, catalog);
    counts.set(content, (counts.get(content) ?? 0) + 1);
  }
  let x: number = MARGIN.left;
  for (const [content, count] of [...counts].sort(([a], [b]) => CONTENT_ORDER.indexOf(a) - CONTENT_ORDER.indexOf(b)))
    x = swatch(layout, page, x, top, RACK_TINT[content], `${RACK_LABEL[content]} (${count})`);
  if (doors.length > 0) swatch(layout, page, x, top, DOOR, `Doors (${doors.length})`);

  const bar = scaleBarLength(frame.scale, 110);
  const barTop = layout.reserve(16);
  const y = barTop - 8;
  page.drawLine({
    start: { x: MARGIN.left, y },
    end: { x: MARGIN.left + bar * frame.scale, y },
    thickness: 1.5,
    color: WALL,
  });
  for (const at of [MARGIN.left, MARGIN.left + bar * frame.scale])
    page.drawLine({ start: { x: at, y: y - 3 }, end: { x: at, y: y + 3 }, thickness: 0.75, color: WALL });
  layout.drawLine(page, `${formatNumber(bar, bar < 1 ? 1 : 0)} m`, MARGIN.left + bar * frame.scale + 5, y + 4, {
    size: 7,
  });

  const whole = zones.filter((z) => !z.polygon).map((z) => `${z.name} (class ${z.protectionClass})`);
  layout.text(
    [
      'x runs along the hall to the right, y across it downwards, as in the app’s plan view; the model has no north.',
      'The dark edge of each rack is its front (air intake). Zones drawn in the hall are dashed.',
      whole.length > 0 ? `Zones covering the whole hall: ${whole.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    { size: 7, color: COLOURS.muted },
  );
}
