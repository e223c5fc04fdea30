/**
 * The design report's sections that read the document and its check results: the cover, the
 * site summary, the 3D snapshot, the plans and the findings. Each starts where the previous one
 * left the layout; pdf.ts decides the order and the page breaks between them.
 */
import type { PDFDocument } from 'pdf-lib';
import { catalogFor } from '../catalog';
import type { CheckResults, Finding, Severity } from '../checks';
import type { ProjectDocument } from '../model/schema';
import { designCompute } from '../scenarios/compute';
import { plural } from '../text';
import { formatMoney, formatNumber, formatTimestamp } from './format';
import { COLOURS, CONTENT_WIDTH, MARGIN, PAGE, type Layout } from './pdfLayout';
import { drawHallPlan } from './planDrawing';
import type { ReportInput } from './pdf';

const mw = (w: number) => `${formatNumber(w / 1e6, 3)} MW`;
const pue = (value: number | null) => (value === null ? 'n/a (no IT load)' : formatNumber(value, 2));

/** "4 errors, 3 warnings and 6 info findings". */
function countsPhrase({ error, warning, info }: Record<Severity, number>): string {
  return `${plural(error, 'error')}, ${plural(warning, 'warning')} and ${info} info finding${info === 1 ? '' : 's'}`;
}

/** The cover's paragraph: what the checks found, what the design is, what it costs. */
function summaryParagraph(input: ReportInput): string {
  const { doc, results, bom, scenarios } = input;
  const compute = designCompute(doc, catalogFor(doc));
  const site = results.power.site;
  const compared = scenarios.filter((s) => s.id !== null).length;
  return [
    `The checks found ${countsPhrase(results.counts)}.`,
    `The design has ${plural(doc.halls.length, 'hall')} with ${plural(doc.racks.length, 'rack')} holding ${plural(compute.devices, 'device')} (${plural(compute.gpus, 'GPU')}),`,
    `an IT load of ${mw(site.itW)} and a facility load of ${mw(site.facilityW)} (PUE ${pue(site.pue)}).`,
    `Its bill of materials comes to ${formatMoney(bom.total, bom.currency)}`,
    bom.unpricedLines > 0
      ? `with ${plural(bom.unpricedLines, 'new-build line')} still unpriced, so the total is a lower bound.`
      : 'with every new-build line priced.',
    compared > 0
      ? `${plural(compared, 'scenario')} ${compared === 1 ? 'is' : 'are'} compared with the design as drawn.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function drawCover(layout: Layout, input: ReportInput): void {
  layout.newPage({ runningHeader: false });
  layout.space(PAGE.height * 0.18);
  layout.text(input.projectName || 'Untitled project', { size: 24, bold: true, color: COLOURS.accent });
  layout.space(6);
  layout.text('Design report', { size: 16 });
  layout.space(18);
  layout.text(`Generated ${formatTimestamp(input.generatedAt)}`, { size: 10, color: COLOURS.muted });
  layout.text(`Hallwright ${input.version}`, { size: 10, color: COLOURS.muted });
  layout.space(28);
  layout.text(summaryParagraph(input), { size: 10.5 });
  layout.space(10);
  layout.text(
    'Prices are indicative catalog figures unless a quote was entered; the checks rest on the formulas and sources printed with each finding.',
    { size: 8, color: COLOURS.muted },
  );
}

export function drawSiteSummary(layout: Layout, input: ReportInput): void {
  const { doc, results, bom } = input;
  const compute = designCompute(doc, catalogFor(doc));
  const site = results.power.site;
  const currency = doc.settings.currency;
  const withDevices = doc.racks.filter((r) => r.devices.length > 0).length;
  layout.heading('Site summary', 1);
  layout.table(
    [
      { header: 'Figure', share: 0.45 },
      { header: 'Value', share: 0.55, align: 'right' },
    ],
    [
      ['Halls', formatNumber(doc.halls.length, 0)],
      ['Racks (holding devices)', `${formatNumber(doc.racks.length, 0)} (${formatNumber(withDevices, 0)})`],
      ['Devices', formatNumber(compute.devices, 0)],
      ['GPUs', formatNumber(compute.gpus, 0)],
      ['BF16 dense', `${formatNumber(compute.bf16Tflops / 1_000, 1)} PFLOPS`],
      [`IT load (${doc.settings.loadBasis} power)`, mw(site.itW)],
      ['Facility load', mw(site.facilityW)],
      ['PUE', pue(site.pue)],
      ['Annual energy', `${formatNumber(site.annualEnergyMWh, 0)} MWh`],
      ['Annual energy cost', formatMoney(site.annualCost, currency)],
      ['Bill of materials (priced lines)', formatMoney(bom.total, bom.currency)],
      ['Unpriced new-build lines', formatNumber(bom.unpricedLines, 0)],
      ['Findings', countsPhrase(results.counts)],
    ].map((cells) => ({ cells })),
    9,
  );
}

const SNAPSHOT_MAX_HEIGHT = 420;

export async function drawSnapshot(pdf: PDFDocument, layout: Layout, png: Uint8Array | null): Promise<void> {
  layout.heading('3D view', 1, 40);
  if (!png) {
    layout.text('The 3D snapshot is added when the report is exported from the app.', {
      size: 9,
      color: COLOURS.muted,
    });
    return;
  }
  // A broken snapshot costs the picture, not the report.
  const image = await pdf.embedPng(png).catch(() => null);
  if (!image) {
    layout.text('The 3D snapshot could not be read and is left out.', { size: 9, color: COLOURS.muted });
    return;
  }
  const { width, height } = image.scaleToFit(CONTENT_WIDTH, SNAPSHOT_MAX_HEIGHT);
  const top = layout.reserve(height + 6);
  layout.current.drawImage(image, { x: MARGIN.left + (CONTENT_WIDTH - width) / 2, y: top - height, width, height });
}

export function drawPlans(layout: Layout, doc: ProjectDocument): void {
  layout.newPage();
  layout.heading('Plan', 1);
  if (doc.halls.length === 0) {
    layout.text('The design has no hall drawn.', { size: 9, color: COLOURS.muted });
    return;
  }
  const catalog = catalogFor(doc);
  for (const hall of doc.halls) drawHallPlan(layout, doc, hall, catalog);
}

const SEVERITY_HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

function findingParts(f: Finding) {
  return [
    { text: f.rule, style: { size: 8.5, bold: true, color: COLOURS[f.severity] } },
    { text: f.message, style: { size: 9 } },
    ...(f.formula ? [{ text: `Formula: ${f.formula}`, style: { size: 7, color: COLOURS.muted, indent: 8 } }] : []),
    ...(f.source ? [{ text: `Source: ${f.source}`, style: { size: 7, color: COLOURS.muted, indent: 8 } }] : []),
  ];
}

/** One finding, kept on one page when it fits on one. */
function drawFinding(layout: Layout, f: Finding): void {
  const parts = findingParts(f);
  layout.ensure(parts.reduce((h, p) => h + layout.textHeight(p.text, p.style), 0) + 6);
  for (const p of parts) layout.text(p.text, p.style);
  layout.space(6);
}

export function drawFindings(layout: Layout, results: CheckResults): void {
  layout.newPage();
  layout.heading('Findings', 1);
  if (results.findings.length === 0) {
    layout.text('The checks found nothing to report.', { size: 9 });
    return;
  }
  layout.text(`${countsPhrase(results.counts)}, worst first.`, { size: 9, color: COLOURS.muted });
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = results.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    layout.heading(`${SEVERITY_HEADINGS[severity]} (${group.length})`, 2);
    for (const f of group) drawFinding(layout, f);
  }
}
