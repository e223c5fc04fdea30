/**
 * `hallwright bom` and `hallwright report`: the app's exporters (shared/export) run on a project
 * file, the result written atomically with the same write the app's main process uses, so an
 * interrupted run never leaves half a file where a good one stood.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  applyScenario,
  buildBom,
  compareScenarios,
  plural,
  runChecks,
  simulateThermal,
  type Bom,
  type ProjectDocument,
  type Scenario,
} from '../shared/index';
import { bomToCsv, csvFileText } from '../shared/export/csv';
import { formatMoney } from '../shared/export/format';
import { buildReport } from '../shared/export/pdf';
import { bomToXlsx } from '../shared/export/xlsx';
import { atomicWriteFile } from '../electron/main/atomicWrite';
import type { Command } from './args';

/** What a command did: written (with what to print on stdout), or not, with the reason. */
export type ExportOutcome = { ok: true; stdout: string } | { ok: false; error: string; details: string[] };

const fail = (error: string, details: string[] = []): ExportOutcome => ({ ok: false, error, details });

/** The named scenario: the exact name first, else the one name equal in any letter case. */
function findScenario(doc: ProjectDocument, name: string): Scenario | string {
  const exact = doc.scenarios.find((s) => s.name === name);
  if (exact) return exact;
  const folded = doc.scenarios.filter((s) => s.name.toLowerCase() === name.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  const names = doc.scenarios.map((s) => `'${s.name}'`);
  if (names.length === 0) return `No scenario '${name}': the project has no scenarios.`;
  return `No scenario '${name}'${folded.length > 1 ? ' (several differ only in letter case)' : ''}. The project's scenarios: ${names.join(', ')}.`;
}

function write(path: string, data: string | Uint8Array): ExportOutcome | null {
  const written = atomicWriteFile(path, data, { keepBackup: false });
  return written.ok ? null : fail(`${path} was not written.`, [written.error]);
}

const bomSummary = (bom: Bom) =>
  `${plural(bom.lines.length, 'line')}, ${formatMoney(bom.total, bom.currency)}` +
  (bom.unpricedLines > 0 ? ` (${plural(bom.unpricedLines, 'new-build line')} unpriced)` : '');

/** Writes the bill as asked; with no output file the CSV itself goes to stdout. */
export async function exportBom(
  doc: ProjectDocument,
  command: Extract<Command, { kind: 'bom' }>,
): Promise<ExportOutcome> {
  let scenario: Scenario | null = null;
  if (command.scenario !== null) {
    const found = findScenario(doc, command.scenario);
    if (typeof found === 'string') return fail(found);
    scenario = found;
  }
  const bom = buildBom(scenario ? applyScenario(doc, scenario).doc : doc);
  if (command.output === null) return { ok: true, stdout: bomToCsv(bom) };
  const data =
    command.format === 'csv'
      ? csvFileText(bomToCsv(bom))
      : await bomToXlsx(bom, {
          projectName: doc.name,
          scenarioName: scenario?.name ?? null,
          generatedAt: new Date().toISOString(),
        });
  const failed = write(command.output, data);
  const what = scenario ? `bill of materials of '${scenario.name}'` : 'bill of materials';
  return failed ?? { ok: true, stdout: `Wrote ${command.output}: ${what}, ${bomSummary(bom)}.\n` };
}

/** DejaVu Sans from the installed package, wherever npm put it. */
function reportFonts(): { regular: Uint8Array; bold: Uint8Array } {
  const require = createRequire(import.meta.url);
  const read = (file: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  return { regular: read('DejaVuSans.ttf'), bold: read('DejaVuSans-Bold.ttf') };
}

export async function exportReport(
  doc: ProjectDocument,
  command: Extract<Command, { kind: 'report' }>,
  version: string,
): Promise<ExportOutcome> {
  let fonts: ReturnType<typeof reportFonts>;
  try {
    fonts = reportFonts();
  } catch (e) {
    return fail('The report fonts (package dejavu-fonts-ttf) could not be read.', [
      e instanceof Error ? e.message : String(e),
    ]);
  }
  const results = runChecks(doc);
  const scenarios = compareScenarios(doc, [null, ...doc.scenarios.map((s) => s.id)]);
  // The report's thermal section is of this run; a design the solver refuses (no cooling in a hall
  // with racks, a grid too large) gets the section's "none" line, and the summary line says why.
  const run = simulateThermal(doc, { resolutionM: command.resolutionM });
  const thermal = run.ok ? { result: run.result, computedAt: new Date().toISOString(), stale: false } : null;
  const bytes = await buildReport({
    projectName: doc.name || 'Untitled project',
    generatedAt: new Date().toISOString(),
    version,
    doc,
    results,
    bom: buildBom(doc),
    scenarios,
    snapshotPng: null,
    thermal,
    fonts,
  });
  const { error, warning, info } = results.counts;
  return (
    write(command.output, bytes) ?? {
      ok: true,
      stdout: `Wrote ${command.output}: design report, ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info, ${plural(scenarios.length - 1, 'scenario')} compared with the design as drawn, ${run.ok ? `thermal simulation at ${command.resolutionM} m` : `no thermal simulation (${run.error})`}.\n`,
    }
  );
}
