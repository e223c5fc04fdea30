/**
 * The design report as a PDF (docs/exports.md): cover, site summary, 3D snapshot, plan, scenario
 * comparison, findings, thermal simulation and bill of materials, on A4 pages with a running header and page numbers.
 *
 * DejaVu Sans is embedded (subset to the characters used) because the 14 standard PDF fonts only
 * encode WinAnsi: the engine's messages use →, ≥, ≤, Δ, ², × and – and would lose them. The font
 * bytes come in from the host (a file in Node, a fetch in the app), so this module stays pure.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Bom } from '../bom/types';
import type { CheckResults } from '../checks';
import type { ProjectDocument } from '../model/schema';
import type { ScenarioSummary } from '../scenarios/types';
import { drawBom } from './bomSection';
import { formatTimestamp } from './format';
import { Layout } from './pdfLayout';
import { drawCover, drawFindings, drawPlans, drawSiteSummary, drawSnapshot } from './reportSections';
import { drawScenarios } from './scenarioSection';
import { drawThermal, type ReportThermal } from './thermalSection';

export interface ReportInput {
  projectName: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** Hallwright's version. */
  version: string;
  doc: ProjectDocument;
  results: CheckResults;
  bom: Bom;
  /** The design as drawn and the scenarios to compare, in column order. */
  scenarios: ScenarioSummary[];
  /** A PNG of the 3D view; null outside the app. */
  snapshotPng: Uint8Array | null;
  /** The last thermal simulation (shared/export/thermalSection.ts); absent or null: the section says none was run. */
  thermal?: ReportThermal | null;
  /** DejaVu Sans and DejaVu Sans Bold, as TrueType bytes. */
  fonts: { regular: Uint8Array; bold: Uint8Array };
}

function setMetadata(pdf: PDFDocument, input: ReportInput): void {
  pdf.setTitle(`${input.projectName}: design report`);
  pdf.setSubject('Hallwright design report');
  pdf.setCreator(`Hallwright ${input.version}`);
  pdf.setProducer(`Hallwright ${input.version} (pdf-lib)`);
  pdf.setLanguage('en');
  const when = new Date(input.generatedAt);
  // The file's dates follow the report's, so the same input gives the same document.
  if (!Number.isNaN(when.getTime())) {
    pdf.setCreationDate(when);
    pdf.setModificationDate(when);
  }
}

export async function buildReport(input: ReportInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = {
    regular: await pdf.embedFont(input.fonts.regular, { subset: true }),
    bold: await pdf.embedFont(input.fonts.bold, { subset: true }),
  };
  setMetadata(pdf, input);
  const date = formatTimestamp(input.generatedAt);
  const layout = new Layout(pdf, fonts, { left: input.projectName, right: `Design report · ${date}` });

  drawCover(layout, input);
  layout.newPage();
  drawSiteSummary(layout, input);
  await drawSnapshot(pdf, layout, input.snapshotPng);
  drawPlans(layout, input.doc);
  drawScenarios(layout, input.scenarios);
  drawFindings(layout, input.results);
  drawThermal(layout, input.doc, input.thermal);
  drawBom(layout, input.bom);
  layout.finish(`Hallwright ${input.version} · ${date}`);
  return pdf.save();
}
