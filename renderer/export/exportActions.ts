/**
 * Export the bill of materials (CSV, XLSX) and the design report (PDF): the shared exporters build
 * the bytes, the host saves them (a dialog in Electron, a download in the browser). The exporters
 * are imported on demand, so exceljs and pdf-lib load only when someone exports, not with the app.
 * Each action returns the host's result (ok null when the user cancels) or the reason it failed.
 */
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import {
  applyScenario,
  buildBom,
  type HostResult,
  type ProjectDocument,
  type SavedFile,
  type Scenario,
} from '../../shared/index';
import { HALLWRIGHT_VERSION } from '../../shared/export/version';
import { host } from '../platform/host';
import { completeChecksFor } from '../store/checks';
import { thermalForReport } from '../store/thermal';
import { compareInWorker } from '../workers/engineClient';
import { exportFileName } from './fileName';

type ExportResult = HostResult<SavedFile | null>;

const failure = (e: unknown): ExportResult => ({ ok: false, error: e instanceof Error ? e.message : String(e) });

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The report's font could not be loaded (${url}: HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The report's fonts, fetched once (same origin: the CSP's connect-src 'self') and kept for later reports. */
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

function reportFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fonts ??= Promise.all([fetchBytes(regularFontUrl), fetchBytes(boldFontUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  // A failed fetch is not kept: the next export tries again.
  fonts.catch(() => (fonts = null));
  return fonts;
}

/** The bill of materials of the design as drawn, or with `scenario` applied, as CSV or XLSX. */
export async function exportBom(
  doc: ProjectDocument,
  format: 'csv' | 'xlsx',
  scenario: Scenario | null,
): Promise<ExportResult> {
  let bytes: Uint8Array;
  try {
    const bom = buildBom(scenario ? applyScenario(doc, scenario).doc : doc);
    if (format === 'csv') {
      const { bomToCsv, csvFileText } = await import('../../shared/export/csv');
      bytes = new TextEncoder().encode(csvFileText(bomToCsv(bom)));
    } else {
      const { bomToXlsx } = await import('../../shared/export/xlsx');
      bytes = await bomToXlsx(bom, {
        projectName: doc.name,
        scenarioName: scenario?.name ?? null,
        generatedAt: new Date().toISOString(),
      });
    }
  } catch (e) {
    return failure(e);
  }
  const what = scenario ? `bill of materials (${scenario.name})` : 'bill of materials';
  return host.exportFile({ format, suggestedName: exportFileName(doc.name, what, format), bytes });
}

/** The design report, comparing every scenario of the document with the design as drawn. */
export async function exportReport(doc: ProjectDocument, snapshotPng: Uint8Array | null): Promise<ExportResult> {
  let bytes: Uint8Array;
  try {
    // The comparison runs every check once per scenario: in the engine worker, so the editor stays responsive.
    const [{ buildReport }, reportFontBytes, comparison, results] = await Promise.all([
      import('../../shared/export/pdf'),
      reportFonts(),
      compareInWorker(doc, [null, ...doc.scenarios.map((s) => s.id)]),
      completeChecksFor(doc),
    ]);
    if (!comparison.ok) return { ok: false, error: `The scenario comparison failed: ${comparison.error}` };
    bytes = await buildReport({
      projectName: doc.name || 'Untitled project',
      generatedAt: new Date().toISOString(),
      version: HALLWRIGHT_VERSION,
      doc,
      results,
      bom: buildBom(doc),
      scenarios: comparison.value,
      snapshotPng,
      thermal: thermalForReport(doc),
      fonts: reportFontBytes,
    });
  } catch (e) {
    return failure(e);
  }
  return host.exportFile({ format: 'pdf', suggestedName: exportFileName(doc.name, 'design report', 'pdf'), bytes });
}
