import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks';
import { parseProject, serializeProject } from '../model/parse';
import { buildSampleFacility } from './sampleFacility';

describe('the built-in sample facility', () => {
  it('is what assets/sample-facility.hallwright holds (run `npm run gen:sample` after changing it)', () => {
    const asset = readFileSync(new URL('../../assets/sample-facility.hallwright', import.meta.url), 'utf8');
    expect(asset).toBe(serializeProject(buildSampleFacility()));
    expect(parseProject(asset).ok).toBe(true);
  });

  it('a 60 × 24 × 6 m hall with 20 miner bays and 12 GPU racks on a 5 MVA feed', () => {
    const doc = buildSampleFacility();
    expect(doc.halls[0]).toMatchObject({ width: 60, depth: 24, height: 6 });
    expect(doc.racks.filter((r) => r.rowId === 'row-a-01')).toHaveLength(20);
    expect(doc.racks.filter((r) => r.rowId === 'row-a-02')).toHaveLength(12);
  });

  it('has exactly one deliberate error: UPS B cannot carry the GPU rows with side A and one module lost', () => {
    const { findings, power } = runChecks(buildSampleFacility());
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'power.redundancy', entities: ['ups-b'] });
    expect(errors[0]!.message).toMatch(/loss of side A and one module of UPS B/);
    // 12 racks × 3 × DGX H100 = 367.2 kW on 3 working modules of 100 kW.
    expect(errors[0]!.values.failoverLoadW).toBeCloseTo(367_200, 6);
    expect(errors[0]!.values.usableW).toBe(300_000);
    expect(errors[0]!.values.modulesNeeded).toBe(5);
    expect(power.levels.find((l) => l.level === 'ups')).toMatchObject({ declared: '2N+1', achieved: '2N' });
  });

  it('proves the other declared levels, and the GPU racks 2N', () => {
    const { power } = runChecks(buildSampleFacility());
    for (const l of power.levels.filter((v) => v.level !== 'ups')) expect(l.failures).toEqual([]);
    // Utility plus a generator backing board B: N+1 sources, not two independent systems.
    expect(power.levels.find((l) => l.level === 'source')).toMatchObject({ declared: 'N+1', achieved: 'N+1' });
    const gpu = buildSampleFacility().racks.filter((r) => r.rowId === 'row-a-02');
    expect(gpu.every((r) => power.rackRedundancy.get(r.id) === '2N')).toBe(true);
  });

  it('warns that DGX H100 runs throttled on one side (3 of its 4+2 supplies) and that its spec sheet contradicts itself, and notes stranded capacity', () => {
    const { findings } = runChecks(buildSampleFacility());
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([
      'catalog.data-quality',
      'cooling.density',
      'power.psu-redundancy',
    ]);
    expect(findings.filter((f) => f.severity === 'info').every((f) => f.rule === 'power.stranded')).toBe(true);
  });
});
