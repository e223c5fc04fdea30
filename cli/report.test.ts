import { describe, expect, it } from 'vitest';
import {
  buildSampleFacility,
  FORMAT_VERSION,
  LEVEL_NAMES,
  newProject,
  runChecks,
  type ProjectDocument,
} from '../shared/index';
import { jsonReport, summaryLine, textReport, type ReportInput } from './report';
import { formatNumber, table } from './table';

const input = (doc: ProjectDocument, file = 'site.hallwright'): ReportInput => ({
  file,
  doc,
  results: runChecks(doc),
  version: '9.9.9',
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every number anywhere in a value, with its path, to prove the report holds no Infinity or NaN. */
function numbers(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

describe('JSON report', () => {
  const sample = input(buildSampleFacility());
  const report = jsonReport(sample);

  it('names the tool, the file, the format and the project', () => {
    expect(report.tool).toEqual({ name: 'hallwright', version: '9.9.9' });
    expect(report.file).toBe('site.hallwright');
    expect(report.formatVersion).toBe(FORMAT_VERSION);
    expect(report.project).toEqual({ id: sample.doc.id, name: sample.doc.name });
  });

  it('reports the security metrics: the hall two boundaries deep through the roller door, racks in the hall, cameras on doors', () => {
    const sec = report.metrics.security;
    expect(sec.modelled).toBe(true);
    expect(sec.zones['zone-hall-a']).toEqual({
      protectionClass: 4,
      boundaries: 2,
      route: ['(outside)', 'door-gate', 'zone-site', 'door-dock', 'zone-hall-a'],
    });
    expect(sec.racks['rack-A-02-01']).toEqual({ zoneId: 'zone-hall-a', requiredClass: 4 });
    expect(sec.racks['rack-A-01-01']).toEqual({ zoneId: 'zone-hall-a', requiredClass: 2 });
    expect(sec.doors['door-dock']).toEqual({ cameras: ['cam-2'], declared: false });
    const sec9 = report.findings.find((f) => f.rule === 'security.SEC-9')!;
    expect(sec9.path).toEqual(sec.zones['zone-hall-a']!.route);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('reports what the sample computes: 12 racks × 3 DGX H100 = 288 GPUs, 284.9 PFLOPS BF16 dense; 20 × 9 S19 XP', () => {
    const c = report.metrics.compute;
    expect(c.gpus).toBe(288);
    expect(c.bf16Tflops).toBeCloseTo(36 * 7_915.2, 6);
    expect(c.hashrateThs).toBe(180 * 140);
    expect(c.bf16TflopsPerKw!).toBeCloseTo(776.0, 1);
    // 909 kW of IT load at $11.7 M/MW (Cushman & Wakefield 2025, indicative).
    expect(c.buildCostUsd.mid).toBeCloseTo(0.909 * 11.7e6, 0);
  });

  it('reports the sample’s errors, power.redundancy on ups-b first, with the engine’s counts', () => {
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatchObject({ rule: 'power.redundancy', entities: ['ups-b'] });
    expect(report.summary).toEqual({
      errors: 4,
      warnings: sample.results.counts.warning,
      info: sample.results.counts.info,
    });
  });

  it('keeps every finding, in the engine’s order, with its numbers, formula and source', () => {
    expect(report.findings.map((f) => `${f.rule}:${f.entities.join(',')}`)).toEqual(
      sample.results.findings.map((f) => `${f.rule}:${f.entities.join(',')}`),
    );
    const engine = sample.results.findings[0]!;
    expect(report.findings[0]).toEqual({
      rule: engine.rule,
      severity: engine.severity,
      message: engine.message,
      entities: engine.entities,
      values: engine.values,
      formula: engine.formula,
      source: engine.source,
    });
  });

  it('survives JSON: finite numbers or null, nothing dropped', () => {
    const bad = numbers(report).filter(([, n]) => !Number.isFinite(n));
    expect(bad).toEqual([]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('writes null for the usable capacity of mechanical loads (Infinity in the engine)', () => {
    const mechanical = [...sample.results.power.components.values()].filter((c) => !Number.isFinite(c.usableW));
    expect(mechanical.length).toBeGreaterThan(0);
    for (const c of mechanical) expect(report.metrics.power.components[c.id]!.usableW).toBeNull();
  });

  it('turns the metric maps into objects keyed by id', () => {
    const power = report.metrics.power;
    expect(Object.keys(power.components)).toEqual([...sample.results.power.components.keys()]);
    expect(Object.keys(power.racks).sort()).toEqual(sample.doc.racks.map((r) => r.id).sort());
    expect(power.racks['rack-A-01-01']).toEqual({
      loadW: sample.results.power.rackLoadW.get('rack-A-01-01'),
      redundancy: sample.results.power.rackRedundancy.get('rack-A-01-01'),
    });
    const sum = (o: Record<string, number | null>) => Object.values(o).reduce<number>((s, w) => s + (w ?? 0), 0);
    expect(sum(power.halls)).toBeCloseTo(power.itLoadW!, 6);
    expect(power.site.currency).toBe(sample.doc.settings.currency);
    expect(power.site.tariffPerKwh).toBe(sample.doc.settings.tariffPerKwh);
    expect(power.levels.map((l) => l.level)).toEqual(sample.results.power.levels.map((l) => l.level));
    expect(power.headroom).toHaveLength(sample.results.power.headroom.length);
    expect(power.scenariosEvaluated).toBe(sample.results.power.scenariosEvaluated);
  });

  it('writes null for headroom that nothing limits and for non-finite finding values', () => {
    const results = runChecks(buildSampleFacility());
    results.power.headroom[0]!.headroomW = Infinity;
    results.findings[0]!.values = { ...results.findings[0]!.values, ratio: NaN };
    const r = jsonReport({ ...sample, results });
    expect(r.metrics.power.headroom[0]!.headroomW).toBeNull();
    expect(r.findings[0]!.values['ratio']).toBeNull();
  });

  it('writes null PUE and DCiE for a project without IT load', () => {
    const site = jsonReport(input(newProject('empty'))).metrics.power.site;
    expect(site.pue).toBeNull();
    expect(site.dciePct).toBeNull();
  });
});

describe('text report', () => {
  const sample = input(buildSampleFacility(), 'assets/sample.hallwright');
  const text = textReport(sample);
  const site = sample.results.power.site;

  it('opens with the file, the project and the summary line', () => {
    const [file, project, summary] = text.split('\n');
    expect(file).toContain('assets/sample.hallwright');
    expect(project).toContain(sample.doc.name);
    expect(summary).toContain(summaryLine(sample.results.counts));
    expect(summary).toMatch(/\b4 errors, \d+ warnings?, \d+ info\b/);
  });

  it('lists every finding with its severity, rule, message and entities', () => {
    for (const f of sample.results.findings) {
      expect(text).toContain(`${f.severity.padEnd(7)}  ${f.rule}  ${f.message}`);
      expect(text).toContain(`entities: ${f.entities.join(', ')}`);
    }
  });

  it('shows the site metrics with their units and the document’s currency', () => {
    expect(text).toMatch(new RegExp(`IT load +${formatNumber(site.itW / 1000, 1)}  kW`));
    expect(text).toMatch(new RegExp(`PUE +${formatNumber(site.pue!, 2)}`));
    expect(text).toMatch(new RegExp(`DCiE +${formatNumber(site.dciePct!, 1)}  %`));
    expect(text).toMatch(new RegExp(`Annual energy +${formatNumber(site.annualEnergyMWh, 1)}  MWh`));
    expect(text).toMatch(new RegExp(`Annual cost +${formatNumber(site.annualCost, 0)}  USD`));
  });

  it('gives the redundancy verdict per level and names the failing scenario', () => {
    for (const l of sample.results.power.levels) {
      const row = [LEVEL_NAMES[l.level], l.declared, l.achieved ?? 'none', l.failures.length].map(String);
      expect(text).toMatch(new RegExp(`^  ${row.map(escape).join(' +')}$`, 'm'));
    }
    expect(text).toMatch(/UPS 2N\+1 not met on .*: overloads ups-b/);
  });

  it('gives the headroom per rack configuration with its limit', () => {
    for (const h of sample.results.power.headroom) {
      expect(text).toContain(h.label);
      expect(text).toContain(h.limitingId!);
    }
  });

  it('says n/a and none where a project has no load and no findings', () => {
    const empty = textReport(input(newProject('empty')));
    expect(empty).toContain('Findings: none');
    expect(empty).toMatch(/PUE +n\/a/);
  });
});

describe('table', () => {
  it('pads columns to their widest cell and trims trailing space', () => {
    expect(
      table(
        [
          ['a', '1', 'x'],
          ['bbb', '100', ''],
        ],
        ['left', 'right', 'left'],
      ),
    ).toEqual(['  a      1  x', '  bbb  100']);
  });

  it('formats numbers the same in every locale', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(0.5, 0)).toBe('1');
  });
});
