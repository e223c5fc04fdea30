import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleFacility, MAX_PROJECT_BYTES, parseProject, serializeProject } from '../shared/index';
import { parseCsv } from '../shared/testing/csvReader';
import { fixSample } from '../shared/testing/securityFixtures';
import { USAGE } from './args';
import { EXIT, main } from './main';

const launcher = fileURLToPath(new URL('../bin/hallwright.mjs', import.meta.url));
const sampleAsset = fileURLToPath(new URL('../assets/sample-facility.hallwright', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The sample with its deliberate problems fixed (UPS B's fifth module, the roller door locked): no errors left. */
function fixedSample(): string {
  const parsed = parseProject(readFileSync(sampleAsset, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return write('fixed.hallwright', serializeProject(fixSample(parsed.doc)));
}

/** main() in this process, its output captured: cheap, for the many ways of calling it. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('main() in process', () => {
  it('shows in docs/cli.md the usage lines --help prints', () => {
    const docs = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    const block = /The usage as `--help` prints it.*\n\n```\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(block).toBe(USAGE.slice(0, USAGE.indexOf('\n\n') + 1));
  });

  it('prints the usage on stdout for --help and exits 0', async () => {
    const r = await run('--help');
    expect(r).toMatchObject({ code: EXIT.clean, stderr: '' });
    expect(r.stdout).toMatch(/^Usage: hallwright check <file> \[--json\]/);
  });

  it.each([
    [[], 'No command given.'],
    [['lint', 'x.hallwright'], "Unknown command 'lint'."],
    [['check'], 'check needs the path of a project file.'],
    [['check', 'a', 'b'], "Unexpected argument 'b'."],
    [['check', 'a', '--verbose'], "Unknown option '--verbose'."],
    [['check', 'a', '--json=yes'], "Option '--json' takes no value."],
    [['check', 'a', '-o', 'x.pdf'], "Option '--output' does not apply to check."],
    [['bom'], 'bom needs the path of a project file.'],
    [['bom', 'a'], 'bom needs --format csv or --format xlsx.'],
    [['bom', 'a', '--format', 'pdf'], "--format must be csv or xlsx, not 'pdf'."],
    [['bom', 'a', '--format'], "Option '--format' needs a value."],
    [['bom', 'a', '--format', 'xlsx'], 'An Excel workbook is a binary file: give its path with -o.'],
    [['bom', 'a', '--format', 'csv', '--json'], "Option '--json' does not apply to bom."],
    [['bom', 'a', '--format', 'csv', '-o'], "Option '-o' needs a value."],
    [['report', 'a'], 'report writes a PDF file: give its path with -o.'],
    [['report', 'a', '-o', 'r.pdf', '--scenario', 'x'], "Option '--scenario' does not apply to report."],
    [
      ['report', 'a', '-o', 'r.pdf', '--resolution', '9'],
      "--resolution must be a number of metres from 0.05 to 2, not '9'.",
    ],
  ])('refuses %j with the usage on stderr and exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: hallwright check');
  });

  it('answers a usage error with JSON when --json was asked for', async () => {
    const r = await run('check', '--json');
    expect(r.code).toBe(EXIT.notChecked);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'check needs the path of a project file.', details: [] });
  });

  it('lists the parser’s problems for an invalid project', async () => {
    const text = readFileSync(sampleAsset, 'utf8').replace('"modules": 4', '"modules": -4');
    const path = write('invalid.hallwright', text);
    const r = await run('check', path, '--json');
    expect(r.code).toBe(EXIT.notChecked);
    const out = JSON.parse(r.stdout) as { error: string; details: string[] };
    expect(out.error).toContain('problem');
    expect(out.details.some((d) => d.includes('modules'))).toBe(true);
    expect(r.stderr).toContain(out.details[0]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(dir, 'huge.hallwright');
    // Extending an empty file makes it sparse: stat sees the size, the disk holds almost nothing.
    writeFileSync(path, '');
    truncateSync(path, MAX_PROJECT_BYTES + 1);
    const r = await run('check', path, '--json');
    expect(r.code).toBe(EXIT.notChecked);
    expect(JSON.parse(r.stdout).error).toMatch(/up to 64\.0 MB/);
  });

  it('refuses a folder', async () => {
    const folder = join(dir, 'folder.hallwright');
    mkdirSync(folder);
    const r = await run('check', folder);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stderr).toContain('is not a file');
  });
});

/** The sample as the engine builds it today (with its scenarios), in a temp file. */
const sampleFile = () => write('sample.hallwright', serializeProject(buildSampleFacility()));

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  return book;
}

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, '');
}

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('bom and report in process', { timeout: 30_000 }, () => {
  it('prints the CSV on stdout without -o, with no byte-order mark', async () => {
    const r = await run('bom', sampleFile(), '--format', 'csv');
    expect(r).toMatchObject({ code: EXIT.written, stderr: '' });
    expect(r.stdout.startsWith('Category,Item,Item key,Status,Quantity,')).toBe(true);
    const records = parseCsv(r.stdout);
    expect(records.some((row) => row[2] === 'nvidia-dgx-h100')).toBe(true);
    expect(records.at(-2)![0]).toBe('Total');
    expect(records.at(-1)![0]).toBe('Unpriced lines');
  });

  it('writes the CSV to a file, with a byte-order mark for Excel, and says so', async () => {
    const out = join(dir, 'bom.csv');
    const r = await run('bom', sampleFile(), '--format', 'csv', '-o', out);
    expect(r.code).toBe(EXIT.written);
    expect(r.stdout).toMatch(/^Wrote .*bom\.csv: bill of materials, \d+ lines, USD [\d,.]+/);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFCategory,Item,')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('writes the workbook, replacing an earlier file', async () => {
    const out = join(dir, 'bom.xlsx');
    writeFileSync(out, 'an older export');
    const r = await run('bom', sampleFile(), '--format', 'xlsx', '-o', out);
    expect(r.code).toBe(EXIT.written);
    const book = await workbook(out);
    expect(book.worksheets[0]!.name).toBe('Summary');
    expect(book.getWorksheet('Summary')!.getCell('B3').value).toBe('Design as drawn');
    expect(book.getWorksheet('IT equipment')!.getColumn(2).values).toContain('nvidia-dgx-h100');
    expect(leftovers()).toEqual([]);
  });

  it('applies a scenario named exactly or in another letter case', async () => {
    const file = sampleFile();
    const exact = await run('bom', file, '--format', 'csv', '--scenario', 'Miner row → GB200 NVL72');
    const folded = await run('bom', file, '--format', 'csv', '--scenario', 'MINER ROW → gb200 nvl72');
    const asDrawn = await run('bom', file, '--format', 'csv');
    expect(exact.code).toBe(EXIT.written);
    expect(folded.stdout).toBe(exact.stdout);
    expect(exact.stdout).toContain('nvidia-gb200-nvl72');
    expect(asDrawn.stdout).not.toContain('nvidia-gb200-nvl72');
    const out = join(dir, 'gb200.xlsx');
    await run('bom', file, '--format', 'xlsx', '--scenario', 'miner row → gb200 nvl72', '-o', out);
    expect((await workbook(out)).getWorksheet('Summary')!.getCell('B3').value).toBe('Miner row → GB200 NVL72');
  });

  it('refuses an unknown scenario, listing the project’s scenarios, and writes nothing', async () => {
    const out = join(dir, 'bom.xlsx');
    const r = await run('bom', sampleFile(), '--format', 'xlsx', '--scenario', 'All B300', '-o', out);
    expect(r.code).toBe(EXIT.notWritten);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("No scenario 'All B300'. The project's scenarios: 'GPU racks → 4 × DGX B200',");
    expect(existsSync(out)).toBe(false);
  });

  it('writes the design report with every scenario and the design as drawn', async () => {
    const out = join(dir, 'report.pdf');
    const r = await run('report', sampleFile(), '-o', out);
    expect(r.code).toBe(EXIT.written);
    expect(r.stdout).toMatch(/^Wrote .*report\.pdf: design report, \d+ errors?, .*3 scenarios compared/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(out);
    const sample = buildSampleFacility();
    for (const name of [sample.name, 'Design as drawn', ...sample.scenarios.map((s) => s.name)])
      expect(text).toContain(name.replace(/\s+/g, ''));
    expect(text).toContain('3Dsnapshotisaddedwhenthereportisexportedfromtheapp');
    // The thermal section is of a run made for the report, at the default 0.5 m.
    expect(r.stdout).toMatch(/thermal simulation at 0\.5 m\.\n$/);
    expect(text).toContain('Thermalsimulation');
    expect(text).not.toContain('Nothermalsimulationaccompaniesthisreport');
  });

  it('fails clearly, exit 2, when the output cannot be written', async () => {
    const missing = await run('report', sampleFile(), '-o', join(dir, 'no-such-folder', 'report.pdf'));
    expect(missing.code).toBe(EXIT.notWritten);
    expect(missing.stderr).toMatch(/report\.pdf was not written\.\n {2}report\.pdf could not be saved: .*ENOENT/);
    const folder = join(dir, 'taken.csv');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside'), 'x');
    const taken = await run('bom', sampleFile(), '--format', 'csv', '-o', folder);
    expect(taken.code).toBe(EXIT.notWritten);
    expect(taken.stderr).toContain('taken.csv was not written.');
    expect(leftovers()).toEqual([]);
  });

  it('reports a missing project file without writing', async () => {
    const r = await run('bom', join(dir, 'missing.hallwright'), '--format', 'csv');
    expect(r.code).toBe(EXIT.notWritten);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.hallwright could not be read');
  });
});

/** The real command: node, the launcher, tsx and the engine, in a child process (≈0.5 s each). */
function hallwright(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/hallwright.mjs end to end', { timeout: 30_000 }, () => {
  it('exits 1 on the sample asset and prints its errors as JSON', () => {
    const r = hallwright(['check', sampleAsset, '--json']);
    expect(r.code).toBe(EXIT.errors);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe(sampleAsset);
    expect(report.summary.errors).toBe(4);
    expect(
      report.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string }) => f.rule),
    ).toEqual(['power.redundancy', 'security.SEC-1', 'security.SEC-3', 'security.SEC-9']);
  });

  it('exits 0 once UPS B has its fifth module and the roller door is locked, with a path relative to another working directory', () => {
    const file = basename(fixedSample());
    const r = hallwright(['check', file, '--json'], dir);
    expect(r.code).toBe(EXIT.clean);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe(file);
    expect(report.summary.errors).toBe(0);
    expect(report.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(false);
  });

  it('exits 2 with an error JSON on a corrupt file', () => {
    const r = hallwright(['check', write('corrupt.hallwright', '{ "formatVersion": 2,'), '--json']);
    expect(r.code).toBe(EXIT.notChecked);
    const out = JSON.parse(r.stdout);
    expect(out.error).toContain('not valid JSON');
    expect(out.details).toHaveLength(1);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('exits 2 on a missing file', () => {
    const r = hallwright(['check', 'missing.hallwright']);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.hallwright could not be read');
  });

  it('exits 2 on an unknown option', () => {
    const r = hallwright(['check', sampleAsset, '--strict']);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stderr).toContain("Unknown option '--strict'.");
  });

  it('prints the human report with the site metrics and the rule ids', () => {
    const r = hallwright(['check', sampleAsset]);
    expect(r.code).toBe(EXIT.errors);
    expect(r.stdout).toContain('PUE');
    expect(r.stdout).toContain('power.redundancy');
    expect(r.stdout).toContain('security.SEC-9');
    expect(r.stdout).toContain('Summary:  4 errors,');
  });

  it('writes a bill of materials to stdout and a report to a file', () => {
    const file = sampleFile();
    const bom = hallwright(['bom', file, '--format', 'csv']);
    expect(bom.code).toBe(EXIT.written);
    expect(bom.stdout.split('\r\n')[0]).toBe(
      'Category,Item,Item key,Status,Quantity,Unit,Unit price,Total,Currency,Price origin,Price source,Price date',
    );
    const report = hallwright(['report', basename(file), '-o', 'out.pdf']);
    expect(report.code).toBe(EXIT.written);
    expect(readFileSync(join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
