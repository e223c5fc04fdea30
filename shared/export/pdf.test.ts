import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../checks';
import { buildSampleFacility } from '../sample/sampleFacility';
import { FIXTURE_SCENARIOS, fixtureBom } from '../testing/bomFixtures';
import { formatNumber } from './format';
import { buildReport, type ReportInput } from './pdf';

const font = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../node_modules/dejavu-fonts-ttf/ttf/${name}`, import.meta.url))),
  );
const FONTS = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };

/** A 2 × 1 PNG (red, blue), enough to prove the snapshot is embedded as an image. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

function input(overrides: Partial<ReportInput> = {}): ReportInput {
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
    fonts: FONTS,
    ...overrides,
  };
}

interface Extracted {
  pages: string[];
  /** Every page's text with all whitespace removed: wrapping splits lines anywhere. */
  flat: string;
  images: number;
}

async function extract(bytes: Uint8Array): Promise<Extracted> {
  // pdf.js takes ownership of the buffer it reads: give it a copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((fn) => fn === 85 /* OPS.paintImageXObject */).length;
  }
  await pdf.destroy();
  return { pages, flat: pages.join('').replace(/\s+/g, ''), images };
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('design report PDF', { timeout: 30_000 }, () => {
  let report: ReportInput;
  let bytes: Uint8Array;
  let text: Extracted;
  beforeAll(async () => {
    report = input();
    bytes = await buildReport(report);
    text = await extract(bytes);
  });

  it('is a PDF with A4 pages, numbered', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const count = text.pages.length;
    expect(count).toBeGreaterThanOrEqual(6);
    text.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${count}`));
  });

  it('prints the cover: project, title, date, version and the findings counts', () => {
    const cover = text.pages[0]!;
    expect(cover).toContain(report.projectName);
    expect(cover).toContain('Design report');
    expect(cover).toContain('2026-11-25 09:30 UTC');
    expect(cover).toContain('Hallwright 9.9.9');
    const { error, warning } = report.results.counts;
    expect(squash(cover)).toContain(squash(`found ${error} errors, ${warning} warnings`));
  });

  it('runs the project name in the header of every page after the cover', () => {
    for (const page of text.pages.slice(1)) expect(page).toContain(report.projectName);
  });

  it('prints every finding’s rule and message as text, symbols included', () => {
    expect(report.results.findings.length).toBeGreaterThan(5);
    for (const f of report.results.findings) {
      expect(text.flat).toContain(squash(f.rule));
      expect(text.flat).toContain(squash(f.message));
    }
    expect(text.flat).toMatch(/[→≥≤×–]/);
  });

  it('prints the formula and source of the findings', () => {
    const f = report.results.findings.find((x) => x.formula && x.source)!;
    expect(text.flat).toContain(squash(`Formula: ${f.formula}`));
    expect(text.flat).toContain(squash(`Source: ${f.source}`));
  });

  it('prints the BOM lines, the category subtotals, the grand total and the unpriced count', () => {
    expect(text.flat).toContain(squash(`Grand total (priced lines): USD ${formatNumber(report.bom.total, 2)}`));
    expect(text.flat).toContain(squash('7,371,700.00'));
    expect(text.flat).toContain(squash('NVIDIA DGX H100'));
    expect(text.flat).toContain(squash('175,000.00'));
    expect(text.flat).toContain(squash('1 new-build line without a price'));
  });

  it('compares every scenario, in a table and in charts', () => {
    for (const s of report.scenarios) expect(text.flat).toContain(squash(s.name));
    expect(text.flat).toContain(squash('4,604.4'));
    expect(text.flat).toContain(squash('BF16 dense PFLOPS'));
    expect(text.flat).toContain(squash('Annual energy cost, USD'));
    expect(text.flat).toContain(squash('3 lines unpriced'));
    expect(text.flat).toContain(squash('n/a (no GPUs)'));
  });

  it('says why a scenario has no cost per PFLOPS', async () => {
    const unpriced = { ...FIXTURE_SCENARIOS[1]!, costPerPflops: null };
    const pdf = await extract(await buildReport(input({ scenarios: [unpriced, FIXTURE_SCENARIOS[2]!] })));
    expect(pdf.flat).toContain(squash('n/a (IT unpriced)'));
    expect(pdf.flat).toContain(squash('n/a (no GPUs)'));
  });

  it('draws the plan with its scale bar and axis note', () => {
    expect(text.flat).toContain(squash('Hall A (ex-mining): 60.0 × 24.0 × 6.0 m'));
    expect(text.flat).toContain(squash('GPU racks (12)'));
    expect(text.flat).toContain(squash('the model has no north'));
    expect(text.flat).toMatch(/\d+m/);
  });

  it('says where the 3D snapshot comes from when there is none, and embeds it when given', async () => {
    expect(text.flat).toContain(squash('The 3D snapshot is added when the report is exported from the app.'));
    expect(text.images).toBe(0);
    const withImage = await extract(await buildReport(input({ snapshotPng: PNG })));
    expect(withImage.images).toBe(1);
    expect(withImage.flat).not.toContain(squash('The 3D snapshot is added'));
  });

  it('survives a broken snapshot, an empty design and no scenarios', async () => {
    const doc = { ...buildSampleFacility(), halls: [], racks: [], walls: [], doors: [], zones: [] };
    const empty = await extract(
      await buildReport(
        input({
          doc,
          results: runChecks(buildSampleFacility()),
          bom: fixtureBom([]),
          scenarios: [],
          snapshotPng: new Uint8Array([1, 2, 3]),
        }),
      ),
    );
    expect(empty.flat).toContain(squash('could not be read and is left out'));
    expect(empty.flat).toContain(squash('The design has no hall drawn.'));
    expect(empty.flat).toContain(squash('No scenario was compared.'));
    expect(empty.flat).toContain(squash('The design has nothing to buy.'));
  });
});
