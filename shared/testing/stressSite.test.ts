import { describe, expect, it } from 'vitest';
import { parseProject, runChecks, serializeProject } from '../index';
import { buildStressSite } from './stressSite';

describe('the stress campus', () => {
  const doc = buildStressSite(1_000);

  it('is a valid project: buildings of halls, mixed configurations', () => {
    const parsed = parseProject(serializeProject(doc));
    expect(parsed.ok).toBe(true);
    expect(doc.buildings.length).toBe(2);
    expect(new Set(doc.halls.map((h) => h.buildingId)).size).toBe(2);
    expect(new Set(doc.racks.map((r) => r.devices[0]!.catalogId)).size).toBe(8);
  });

  it('passes its power, cooling and security checks: the load is the checks’ full work, not a flood of findings', () => {
    const { findings } = runChecks(doc);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([]);
  });

  it('is the same for the same count', () => {
    expect(serializeProject(buildStressSite(300))).toBe(serializeProject(buildStressSite(300)));
  });
});
