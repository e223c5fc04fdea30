/**
 * The design report's thermal section (docs/exports.md, docs/thermal-view.md): when and on what
 * grid the simulation ran (and "stale" when the design changed after it), each hall's indices with
 * their verdicts, recirculation, bypass and energy balance, a heat map of the air at the slice
 * height, the run's findings, and the racks' inlets worst first. The result comes in as data (the
 * app passes its last run, the command line may run the engine itself): this module stays pure.
 * Figures are SI, as in the rest of the report (docs/units.md).
 */
import { rgb, type RGB } from 'pdf-lib';
import type { Hall, ProjectDocument } from '../model/schema';
import type { HallThermalField, HallThermalSummary, ThermalResult } from '../thermal/types';
import { formatNumber, formatTimestamp } from './format';
import { COLOURS, CONTENT_WIDTH, MARGIN, type Layout } from './pdfLayout';
import { colourOf, legendTicks, resultScale, type TemperatureScale } from './thermalColours';
import { INLET_STATUS_NAMES, inletsWorstFirst, rciVerdict, rtiVerdict } from './thermalFigures';
import { horizontalSlice } from './thermalSlices';

export interface ReportThermal {
  result: ThermalResult;
  /** When the run finished, ISO. */
  computedAt: string;
  /** The design changed after the run: the section says its figures are of the earlier design. */
  stale: boolean;
  /** Height of the heat map's slice above the floor, m (the app's slider; 1.0 m by default). */
  sliceHeightM?: number;
}

const DEFAULT_SLICE_HEIGHT_M = 1.0;
/** Tallest a heat map is drawn, points. */
const MAX_MAP_HEIGHT = 330;
/** Colour steps of the printed heat map (the app's is continuous): runs of cells of one step are one rectangle, so a fine grid stays a small file. */
const LEVELS = 32;
/** Rows of the inlet table; beyond them the racks left have more margin than the last one listed. */
const MAX_INLET_ROWS = 100;
const SOLID = rgb(0.62, 0.64, 0.67);

const celsius = (c: number) => `${formatNumber(c, 1)} °C`;
const percent = (x: number) => `${formatNumber(x, 1)} %`;
const kilowatts = (w: number) => `${formatNumber(w / 1_000, 1)} kW`;

const rci = (value: number) => `${percent(value)} ${rciVerdict(value)}`;
const rti = (value: number | null) => (value === null ? 'n/a (no units)' : `${percent(value)} ${rtiVerdict(value)}`);
const STATUS = INLET_STATUS_NAMES;

function hallTable(layout: Layout, doc: ProjectDocument, halls: readonly HallThermalSummary[]): void {
  const name = (id: string) => doc.halls.find((h) => h.id === id)?.name ?? id;
  layout.table(
    [
      { header: 'Hall', share: 0.16 },
      { header: 'RCI HI', share: 0.12, align: 'right' },
      { header: 'RCI LO', share: 0.12, align: 'right' },
      { header: 'RTI', share: 0.13, align: 'right' },
      { header: 'Recirc.', share: 0.09, align: 'right' },
      { header: 'Bypass', share: 0.09, align: 'right' },
      { header: 'Heat added', share: 0.1, align: 'right' },
      { header: 'removed', share: 0.1, align: 'right' },
      { header: 'Cells', share: 0.09, align: 'right' },
    ],
    halls.map((h) => ({
      cells: [
        name(h.hallId),
        rci(h.indices.rciHi),
        rci(h.indices.rciLo),
        rti(h.indices.rti),
        percent(100 * h.recirculation),
        percent(100 * h.bypass),
        kilowatts(h.heatAddedW),
        kilowatts(h.heatRemovedW),
        formatNumber(h.cells, 0),
      ],
    })),
    7.5,
  );
}

function colour(t: number, scale: TemperatureScale): RGB {
  const [r, g, b] = colourOf(t, scale);
  return rgb(r / 255, g / 255, b / 255);
}

/** The step a temperature prints in, or −1 for a solid cell. */
function level(t: number, scale: TemperatureScale): number {
  if (Number.isNaN(t)) return -1;
  const x = (t - scale.minC) / (scale.maxC - scale.minC);
  return Math.min(LEVELS - 1, Math.max(0, Math.floor(x * LEVELS)));
}

/**
 * The heat map of one hall: x to the right, y downwards as in the plan. The commonest colour step
 * fills the map; every other step is one path of its runs (cells of that step side by side along a
 * row), so the map is a few dozen fills whatever the grid, and cells of one colour meet without
 * the hairlines a viewer's anti-aliasing draws between separate rectangles.
 */
function drawHeatMap(layout: Layout, hall: Hall, field: HallThermalField, heightM: number, scale: TemperatureScale) {
  const { nx, ny, cellM } = field.grid;
  const slice = horizontalSlice(field, heightM);
  const pt = Math.min(CONTENT_WIDTH / (nx * cellM), MAX_MAP_HEIGHT / (ny * cellM));
  const width = nx * cellM * pt;
  const height = ny * cellM * pt;
  layout.heading(`${hall.name || hall.id}: air at ${formatNumber(heightM, 2)} m`, 2, height + 40);
  const top = layout.reserve(height + 4);
  const left = MARGIN.left + (CONTENT_WIDTH - width) / 2;
  const page = layout.current;
  const cell = cellM * pt;
  const span = scale.maxC - scale.minC;
  const steps = Int16Array.from(slice.values, (t) => level(t, scale));
  const counts = new Map<number, number>();
  for (const s of steps) counts.set(s, (counts.get(s) ?? 0) + 1);
  const modal = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const fill = (step: number) => (step < 0 ? SOLID : colour(scale.minC + ((step + 0.5) / LEVELS) * span, scale));
  page.drawRectangle({ x: left, y: top - height, width, height, color: fill(modal) });
  // SVG path data per step, y down from the map's top-left corner (pdf-lib's drawSvgPath).
  const paths = new Map<number, string[]>();
  const r = (x: number) => Number(x.toFixed(2));
  for (let j = 0; j < ny; j++) {
    let i = 0;
    while (i < nx) {
      const step = steps[i + nx * j]!;
      let end = i + 1;
      while (end < nx && steps[end + nx * j] === step) end++;
      if (step !== modal) {
        const list = paths.get(step) ?? [];
        list.push(`M${r(i * cell)} ${r(j * cell)}h${r((end - i) * cell)}v${r(cell)}h${r(-(end - i) * cell)}Z`);
        paths.set(step, list);
      }
      i = end;
    }
  }
  for (const [step, list] of paths) page.drawSvgPath(list.join(''), { x: left, y: top, color: fill(step) });
  page.drawRectangle({ x: left, y: top - height, width, height, borderColor: COLOURS.rule, borderWidth: 0.5 });
}

/** The colour scale under the maps: the steps as a bar, round ticks in °C, grey for solid cells. */
function drawScale(layout: Layout, scale: TemperatureScale): void {
  const barWidth = CONTENT_WIDTH * 0.6;
  const top = layout.reserve(34);
  const page = layout.current;
  const span = scale.maxC - scale.minC;
  for (let s = 0; s < LEVELS; s++)
    page.drawRectangle({
      x: MARGIN.left + (s * barWidth) / LEVELS,
      y: top - 10,
      width: barWidth / LEVELS + 0.05,
      height: 10,
      color: colour(scale.minC + ((s + 0.5) / LEVELS) * span, scale),
    });
  for (const t of legendTicks(scale)) {
    const x = MARGIN.left + ((t - scale.minC) / span) * barWidth;
    page.drawLine({ start: { x, y: top - 10 }, end: { x, y: top - 13 }, thickness: 0.5, color: COLOURS.text });
    const label = `${formatNumber(t, 0)}`;
    const w = layout.measure().widthOfTextAtSize(label, 7);
    layout.drawLine(page, label, x - w / 2, top - 14, { size: 7 });
  }
  const key = '°C · grey: racks, walls and units (solid)';
  layout.drawLine(page, key, MARGIN.left + barWidth + 10, top - 1, { size: 7, color: COLOURS.muted });
  layout.space(2);
}

function drawInlets(layout: Layout, doc: ProjectDocument, result: ThermalResult): void {
  const name = new Map(doc.racks.map((r) => [r.id, r.name]));
  const sorted = inletsWorstFirst(result.racks);
  const shown = sorted.slice(0, MAX_INLET_ROWS);
  layout.heading('Rack inlets, worst first', 2);
  layout.table(
    [
      { header: 'Rack', share: 0.2 },
      { header: 'Inlet mean', share: 0.13, align: 'right' },
      { header: 'Inlet max', share: 0.13, align: 'right' },
      { header: 'Outlet', share: 0.12, align: 'right' },
      { header: 'Limit rec. / allow.', share: 0.18, align: 'right' },
      { header: 'Status', share: 0.24 },
    ],
    shown.map((r) => ({
      cells:
        r.status === 'not-air-cooled'
          ? [name.get(r.rackId) ?? r.rackId, '—', '—', '—', '—', STATUS[r.status]]
          : [
              name.get(r.rackId) ?? r.rackId,
              celsius(r.inletMeanC),
              celsius(r.inletMaxC),
              celsius(r.outletC),
              `${formatNumber(r.recommendedMaxC, 0)} / ${formatNumber(r.allowableMaxC, 0)} °C`,
              STATUS[r.status],
            ],
    })),
    7.5,
  );
  if (sorted.length > shown.length)
    layout.text(
      `${formatNumber(sorted.length - shown.length, 0)} more racks, each with more margin than the last one listed.`,
      { size: 8, color: COLOURS.muted },
    );
}

export function drawThermal(layout: Layout, doc: ProjectDocument, thermal: ReportThermal | null | undefined): void {
  layout.newPage();
  layout.heading('Thermal simulation', 1);
  if (!thermal) {
    layout.text('No thermal simulation accompanies this report: run one in the app’s Thermal tab before exporting.', {
      size: 9,
      color: COLOURS.muted,
    });
    return;
  }
  const { result } = thermal;
  const fine = result.resolutionM <= 0.25 + 1e-9;
  layout.text(
    `Simulated ${formatTimestamp(thermal.computedAt)} on a ${formatNumber(result.resolutionM, 2)} m grid (${fine ? 'fine' : 'coarse'}) in ${formatNumber(result.seconds, 1)} s. Temperatures are the steady-state air temperatures of a 3D model of each hall's airflow and heat; RCI and RTI after Herrlin.`,
    { size: 9 },
  );
  if (thermal.stale)
    layout.text(
      'STALE: the design changed after this run. The figures below are of the earlier design; run the simulation again before relying on them.',
      { size: 9, bold: true, color: COLOURS.warning },
    );
  layout.space(4);
  hallTable(layout, doc, result.halls);

  const scale = resultScale(result);
  const heightM = thermal.sliceHeightM ?? DEFAULT_SLICE_HEIGHT_M;
  for (const field of result.fields) {
    const hall = doc.halls.find((h) => h.id === field.hallId);
    if (hall) drawHeatMap(layout, hall, field, heightM, scale);
  }
  if (result.fields.length > 0) drawScale(layout, scale);

  if (result.findings.length > 0) {
    layout.heading(`Findings of the run (${result.findings.length})`, 2);
    for (const f of result.findings) {
      layout.text(`${f.rule} · ${f.severity}`, {
        size: 8,
        bold: true,
        color: f.severity === 'error' ? COLOURS.error : f.severity === 'warning' ? COLOURS.warning : COLOURS.info,
      });
      layout.text(f.message, { size: 8.5 });
      layout.space(3);
    }
  }
  drawInlets(layout, doc, result);
}
