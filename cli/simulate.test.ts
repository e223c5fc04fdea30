import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleFacility, serializeProject, type ProjectDocument } from '../shared/index';
import { ductDoc } from '../shared/testing/thermalHall';
import { DEFAULT_RESOLUTION_M, parseCommand } from './args';
import { EXIT, main } from './main';
import type { JsonSimulation } from './simulate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-simulate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (doc: ProjectDocument, name = 'site.hallwright') => {
  const path = join(dir, name);
  writeFileSync(path, serializeProject(doc));
  return path;
};

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('simulate: parsing', () => {
  it('takes the file, an optional resolution (default 0.5 m) and --json', () => {
    expect(parseCommand(['simulate', 'a.hallwright'])).toEqual({
      kind: 'simulate',
      file: 'a.hallwright',
      resolutionM: DEFAULT_RESOLUTION_M,
      json: false,
    });
    expect(parseCommand(['simulate', 'a', '--resolution', '0.25', '--json'])).toEqual({
      kind: 'simulate',
      file: 'a',
      resolutionM: 0.25,
      json: true,
    });
  });

  it.each([
    [['simulate', 'a', '--resolution', 'fine'], "--resolution must be a number of metres from 0.05 to 2, not 'fine'."],
    [['simulate', 'a', '--resolution', '0.01'], "--resolution must be a number of metres from 0.05 to 2, not '0.01'."],
    [['simulate', 'a', '--resolution', '1e-1'], "not '1e-1'"],
    [['simulate', 'a', '--resolution'], "Option '--resolution' needs a value."],
    [['check', 'a', '--resolution', '0.5'], "Option '--resolution' does not apply to check."],
    [['simulate', 'a', '-o', 'x'], "Option '--output' does not apply to simulate."],
    [['simulate'], 'simulate needs the path of a project file.'],
  ])('refuses %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(EXIT.notChecked);
    expect(r.stderr).toContain(message);
  });

  it('answers a usage error with JSON when --json was asked for', async () => {
    const r = await run('simulate', 'a', '--resolution', 'x', '--json');
    expect(JSON.parse(r.stdout).error).toContain('--resolution must be');
  });
});

describe('simulate: output', () => {
  it('prints each hall’s indices, the inlet table worst first and the units’ returns; exit 0 without errors', async () => {
    const r = await run('simulate', file(ductDoc()), '--resolution', '0.2');
    expect(r.code).toBe(EXIT.clean);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('simulate: ');
    expect(r.stdout).toMatch(/Duct: 1,980 cells/);
    expect(r.stdout).toMatch(/RCI_HI 100\.0 % \(good\), RCI_LO 100\.0 % \(good\), RTI 100\.0 %/);
    // 20 °C in, 20 + 16.2 °C out (worked case 5b: 3 × DGX H100 at 1,105 CFM each).
    expect(r.stdout).toMatch(/Rack\s+Duct\s+20\.0\s+20\.0\s+36\.2\s+30\.6\s+27\.0 \/ 30\.0\s+ok/);
    expect(r.stdout).toMatch(/INROW\s+Duct\s+20\.0\s+36\.2\s+5,632\s+30\.6/);
  });

  it('gives one JSON document with the halls, racks worst first, returns and findings', async () => {
    const r = await run('simulate', file(buildSampleFacility()), '--json');
    expect(r.code).toBe(EXIT.clean);
    const out = JSON.parse(r.stdout) as JsonSimulation;
    expect(out.resolutionM).toBe(0.5);
    expect(out.halls).toHaveLength(1);
    const hall = out.halls[0]!;
    expect(Math.abs(hall.heatRemovedW! - hall.heatAddedW!) / hall.heatAddedW!).toBeLessThan(0.01);
    expect(out.racks).toHaveLength(32);
    const maxima = out.racks.map((x) => x.inletMaxC!);
    expect([...maxima].sort((a, b) => b - a)).toEqual(maxima);
    expect(out.returns).toHaveLength(5);
    expect(out.findings.some((f) => f.rule === 'thermal.rti')).toBe(true);
    expect(out.summary.errors).toBe(0);
  });

  it('exits 1 when a rack is over its allowable limit', async () => {
    const doc = ductDoc(31);
    const r = await run('simulate', file(doc), '--resolution', '0.2');
    expect(r.code).toBe(EXIT.errors);
    expect(r.stdout).toContain('ERROR thermal.inlet-allowable');
  });

  it('exits 2 on a missing file', async () => {
    const r = await run('simulate', join(dir, 'nope.hallwright'), '--json');
    expect(r.code).toBe(EXIT.notChecked);
    expect(JSON.parse(r.stdout).error).toContain('could not be read');
  });
});
