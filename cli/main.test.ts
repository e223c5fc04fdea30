import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, parseProject, serializeProject } from '../shared/index';
import { fixSample } from '../shared/testing/securityFixtures';
import { EXIT, main } from './main';

const launcher = fileURLToPath(new URL('../bin/hallwright.mjs', import.meta.url));
const sampleAsset = fileURLToPath(new URL('../assets/sample-facility.hallwright', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-cli-'));
});

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
function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('main() in process', () => {
  it('prints the usage on stdout for --help and exits 0', () => {
    const r = run('--help');
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
  ])('refuses %j with the usage on stderr and exit 2', (argv, message) => {
    const r = run(...argv);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: hallwright check');
  });

  it('answers a usage error with JSON when --json was asked for', () => {
    const r = run('check', '--json');
    expect(r.code).toBe(EXIT.notChecked);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'check needs the path of a project file.', details: [] });
  });

  it('lists the parser’s problems for an invalid project', () => {
    const text = readFileSync(sampleAsset, 'utf8').replace('"modules": 4', '"modules": -4');
    const path = write('invalid.hallwright', text);
    const r = run('check', path, '--json');
    expect(r.code).toBe(EXIT.notChecked);
    const out = JSON.parse(r.stdout) as { error: string; details: string[] };
    expect(out.error).toContain('problem');
    expect(out.details.some((d) => d.includes('modules'))).toBe(true);
    expect(r.stderr).toContain(out.details[0]);
  });

  it('refuses a file over the size limit without reading it', () => {
    const path = join(dir, 'huge.hallwright');
    // Extending an empty file makes it sparse: stat sees the size, the disk holds almost nothing.
    writeFileSync(path, '');
    truncateSync(path, MAX_PROJECT_BYTES + 1);
    const r = run('check', path, '--json');
    expect(r.code).toBe(EXIT.notChecked);
    expect(JSON.parse(r.stdout).error).toMatch(/up to 64\.0 MB/);
  });

  it('refuses a folder', () => {
    const folder = join(dir, 'folder.hallwright');
    mkdirSync(folder);
    const r = run('check', folder);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stderr).toContain('is not a file');
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
});
