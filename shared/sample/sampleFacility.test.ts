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

  it('has exactly one deliberate problem: rack A-02-06 is not 2N', () => {
    const { findings } = runChecks(buildSampleFacility());
    expect(findings.map((f) => f.rule)).toEqual(['power.redundancy', 'power.redundancy']);
    expect(new Set(findings.flatMap((f) => f.entities))).toEqual(
      new Set(['ckt-A-02-06-a', 'ckt-A-02-06-b', 'rack-A-02-06']),
    );
  });
});
