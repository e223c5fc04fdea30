import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks';
import { parseProject, serializeProject } from '../model/parse';
import { fixSample } from '../testing/securityFixtures';
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

  it('has one deliberate power error: UPS B cannot carry the GPU rows with side A and one module lost', () => {
    const { findings, power } = runChecks(buildSampleFacility());
    const errors = findings.filter((f) => f.severity === 'error' && f.rule.startsWith('power.'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'power.redundancy', entities: ['ups-b'] });
    expect(errors[0]!.message).toMatch(/loss of side A and one module of UPS B/);
    // 12 racks × 3 × DGX H100 = 367.2 kW on 3 working modules of 100 kW.
    expect(errors[0]!.values.failoverLoadW).toBeCloseTo(367_200, 6);
    expect(errors[0]!.values.usableW).toBe(300_000);
    expect(errors[0]!.values.modulesNeeded).toBe(5);
    expect(power.levels.find((l) => l.level === 'ups')).toMatchObject({ declared: '2N+1', achieved: '2N' });
  });

  it('has one deliberate security weakness: the roller door from the yard straight into the class-4 hall', () => {
    const { findings, security } = runChecks(buildSampleFacility());
    const errors = findings.filter((f) => f.severity === 'error' && f.rule.startsWith('security.'));
    expect(errors.map((f) => `${f.rule}:${f.entities[0]}`)).toEqual([
      'security.SEC-1:door-dock',
      'security.SEC-3:door-dock',
      'security.SEC-9:zone-hall-a',
    ]);
    // Gate (guard) and roller door (card): two boundaries where three are required.
    expect(security.routes.get('zone-hall-a')).toEqual({
      cost: 2,
      steps: ['(outside)', 'door-gate', 'zone-site', 'door-dock', 'zone-hall-a'],
    });
    // Every rack stands in the hall (class 4): GPUs need 4 (AI tenant), miners 2 (self-mining).
    expect([...security.racks.values()].every((p) => p.zoneId === 'zone-hall-a')).toBe(true);
    // The three cameras drawn in the hall watch its three doors.
    expect(security.coverage.get('door-main')!.cameras).toEqual(['cam-1']);
    expect(security.coverage.get('door-dock')!.cameras).toEqual(['cam-2']);
    expect(security.coverage.get('door-fire')!.cameras).toEqual(['cam-3']);
  });

  it('with both problems fixed, no errors remain and the hall is four boundaries deep', () => {
    const { counts, security } = runChecks(fixSample(buildSampleFacility()));
    expect(counts.error).toBe(0);
    expect(security.routes.get('zone-hall-a')!.cost).toBe(4);
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
    // The sample's floor ratings are the TIA-942 defaults, not a structural engineer's: noted, not hidden.
    const notes = new Set(findings.filter((f) => f.severity === 'info').map((f) => f.rule));
    expect([...notes].sort()).toEqual(['floor.FLOOR-4', 'power.stranded']);
  });
});
