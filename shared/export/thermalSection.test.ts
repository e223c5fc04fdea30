import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../checks';
import { buildSampleFacility } from '../sample/sampleFacility';
import { FIXTURE_SCENARIOS, fixtureBom } from '../testing/bomFixtures';
import { simulateThermal } from '../thermal';
import type { ThermalResult } from '../thermal/types';
import { formatNumber } from './format';
import { buildReport, type ReportInput } from './pdf';
import { inletsWorstFirst } from './thermalFigures';

const font = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../node_modules/dejavu-fonts-ttf/ttf/${name}`, import.meta.url))),
  );
const FONTS = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
const squash = (text: string) => text.replace(/\s+/g, '');

async function text(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  let all = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    all += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  return squash(all);
}

function input(thermal: ReportInput['thermal']): ReportInput {
  const doc = buildSampleFacility();
  return {
    projectName: doc.name,
    generatedAt: '2026-11-25T09:30:00.000Z',
    version: '9.9.9',
    doc,
    results: runChecks(doc),
    bom: fixtureBom(),
    scenarios: FIXTURE_SCENARIOS,
    snapshotPng: null,
    thermal,
    fonts: FONTS,
  };
}

describe('the report’s thermal section', { timeout: 120_000 }, () => {
  let result: ThermalResult;
  let printed: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    // The engine's own coarse run of the sample: the section prints what the simulation found.
    const run = simulateThermal(buildSampleFacility(), { resolutionM: 0.5 });
    if (!run.ok) throw new Error(run.error);
    result = run.result;
    bytes = await buildReport(input({ result, computedAt: '2026-11-25T09:12:00.000Z', stale: false }));
    printed = await text(bytes);
  });

  it('says when and on what grid the run was made', () => {
    expect(printed).toContain(squash('Thermal simulation'));
    expect(printed).toContain(squash('Simulated 2026-11-25 09:12 UTC on a 0.50 m grid (coarse)'));
    expect(printed).not.toContain('STALE');
  });

  it('prints each hall’s indices with their verdicts, and the energy balance', () => {
    const hall = result.halls[0]!;
    const band = (v: number) => (v >= 96 ? 'good' : v > 90 ? 'acceptable' : 'poor');
    expect(printed).toContain(squash(`${formatNumber(hall.indices.rciHi, 1)} % ${band(hall.indices.rciHi)}`));
    expect(printed).toContain(squash(`${formatNumber(hall.indices.rciLo, 1)} % ${band(hall.indices.rciLo)}`));
    expect(printed).toContain(squash(`${formatNumber(hall.heatAddedW / 1_000, 1)} kW`));
  });

  it('draws the heat map of the hall at 1 m with its scale', () => {
    expect(printed).toContain(squash('Hall A (ex-mining): air at 1.00 m'));
    expect(printed).toContain(squash('°C · grey: racks, walls and units (solid)'));
  });

  it('lists every rack’s inlet worst first', () => {
    expect(printed).toContain(squash('Rack inlets, worst first'));
    const names = new Map(buildSampleFacility().racks.map((r) => [r.id, r.name]));
    const order = inletsWorstFirst(result.racks).map((r) =>
      printed.indexOf(names.get(r.rackId)! + formatNumber(r.inletMeanC, 1)),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints the run’s findings', () => {
    for (const f of result.findings) expect(printed).toContain(squash(f.message));
  });

  it('says so when the design changed after the run, and when no run was made', async () => {
    const stale = await text(await buildReport(input({ result, computedAt: '2026-11-25T09:12:00.000Z', stale: true })));
    expect(stale).toContain(squash('STALE: the design changed after this run.'));
    const none = await text(await buildReport(input(null)));
    expect(none).toContain(squash('No thermal simulation accompanies this report'));
  });

  it('keeps a fine grid’s heat map small: runs of one colour step are one rectangle', async () => {
    const run = simulateThermal(buildSampleFacility(), { resolutionM: 0.25 });
    if (!run.ok) throw new Error(run.error);
    const fine = await buildReport(input({ result: run.result, computedAt: '2026-11-25T09:12:00.000Z', stale: false }));
    const without = await buildReport(input(null));
    // 23,040 cells at 0.25 m; drawn cell by cell they would add well over a megabyte.
    expect(fine.length - without.length).toBeLessThan(400_000);
  });
});
