import { describe, expect, it } from 'vitest';
import { oneRackDoc } from '../../testing/fixtures';
import { runChecks } from '../index';
import { createChecker } from '../incremental';

const H100 = 'nvidia-dgx-h100';
const byRule = (rule: string, findings: ReturnType<typeof runChecks>['findings']) =>
  findings.filter((f) => f.rule === rule);
/**
 * Power errors and warnings: the fixture's oversized utility earns an informational
 * stranded-capacity note, and the DGX H100's own spec sheet a catalog data-quality warning.
 */
const problems = (findings: ReturnType<typeof runChecks>['findings']) =>
  findings.filter((f) => f.severity !== 'info' && f.rule.startsWith('power.'));

describe('rack circuit capacity (worked case 1: DGX H100 on 415 V 3φ 63 A, PF 0.95, 80 %)', () => {
  it('4 × DGX H100 (40.8 kW) on one feed FAILS by 6.384 kW at 118.55 %', () => {
    const { findings } = runChecks(oneRackDoc({ devices: [{ catalogId: H100, count: 4 }], sides: ['A'] }));
    const [f] = byRule('power.capacity', findings);
    expect(f?.severity).toBe('error');
    expect(f?.entities).toEqual(['ckt-A', 'rack-1']);
    expect(f?.values.loadW).toBeCloseTo(40_800, 6);
    expect(f?.values.usableW).toBeCloseTo(34_416, -1);
    expect(f?.values.marginW).toBeCloseTo(-6_384, -1);
    expect(f?.values.utilisationPct).toBeCloseTo(118.55, 1);
    // Worked case 2a: 59.75 A continuous needs an 80 A breaker.
    expect(f?.message).toMatch(/It draws 59\.7 A: a breaker of 80 A \(NEC sizes\) would carry it\./);
  });

  it('the same rack passes if the breaker is 100 %-rated (40.8 ≤ 43.02 kW): derating is what fails it', () => {
    const doc = oneRackDoc({
      devices: [{ catalogId: H100, count: 4 }],
      sides: ['A'],
      circuit: { hundredPercentRated: true },
    });
    expect(byRule('power.capacity', runChecks(doc).findings)).toEqual([]);
  });

  it('variant 1a: 3 × DGX H100 (30.6 kW) PASSES with 3.816 kW headroom at 88.91 %', () => {
    const { findings, power } = runChecks(oneRackDoc({ devices: [{ catalogId: H100, count: 3 }], sides: ['A'] }));
    expect(problems(findings)).toEqual([]);
    const c = power.components.get('ckt-A')!;
    expect(c.usableW - c.loadW).toBeCloseTo(3_816, -1);
    expect((100 * c.loadW) / c.usableW).toBeCloseTo(88.91, 1);
  });

  it('variant 1b: declared 2N on A + B, each side must carry 40.8 kW alone: FAIL (redundancy lost)', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 4 }], sides: ['A', 'B'], redundancy: '2N' });
    const { findings, power } = runChecks(doc);
    const redundancy = byRule('power.redundancy', findings);
    expect(redundancy).toHaveLength(2);
    expect(redundancy.every((f) => f.severity === 'error')).toBe(true);
    expect(redundancy[0]?.values.failoverLoadW).toBeCloseTo(40_800, 6);
    expect(byRule('power.capacity', findings)).toEqual([]);
    expect(power.rackRedundancy.get('rack-1')).toBe('N');
  });

  it('variant 1c: the same two feeds as N share the load: PASS, and the engine reports N, not 2N', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 4 }], sides: ['A', 'B'], redundancy: 'N' });
    const { findings, power } = runChecks(doc);
    expect(problems(findings)).toEqual([]);
    expect(power.components.get('ckt-A')?.loadW).toBeCloseTo(20_400, 6);
    expect(power.rackRedundancy.get('rack-1')).toBe('N');
  });

  it('a 2N rack whose either side carries it all is reported 2N', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 3 }], sides: ['A', 'B'], redundancy: '2N' });
    const { findings, power } = runChecks(doc);
    expect(problems(findings).filter((f) => f.severity === 'error')).toEqual([]);
    expect(power.rackRedundancy.get('rack-1')).toBe('2N');
    expect(power.components.get('ckt-A')?.worst).toMatchObject({ loadW: 30_600, scenario: 'loss of side B' });
  });

  it('DGX H100 (4+2 supplies, 3 per side) is flagged: on one side it runs throttled', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 3 }], sides: ['A', 'B'], redundancy: '2N' });
    const [f] = byRule('power.psu-redundancy', runChecks(doc).findings);
    expect(f?.severity).toBe('warning');
    expect(f?.values).toEqual({ devices: 3, suppliesPerSide: 3, suppliesRequired: 4 });
  });

  it('a device plugged into side A only in a 2N rack loses power with side A: redundancy error', () => {
    const doc = oneRackDoc({
      devices: [{ catalogId: 'nvidia-dgx-b200', count: 1 }],
      sides: ['A', 'B'],
      redundancy: '2N',
    });
    doc.racks[0]!.devices[0]!.feed = 'A';
    const { findings, power } = runChecks(doc);
    const lost = byRule('power.redundancy', findings);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.message).toMatch(/loss of side A, 1 rack lose/);
    expect(power.rackRedundancy.get('rack-1')).toBe('N');
  });

  /** A 2N rack of one DGX H100 (short of supplies on one side) and one DGX B200, both fed from both sides. */
  const h100AndB200 = () =>
    oneRackDoc({
      devices: [
        { catalogId: H100, count: 1 },
        { catalogId: 'nvidia-dgx-b200', count: 1 },
      ],
      sides: ['A', 'B'],
      redundancy: '2N',
    });

  it('a rack a side loss darkens is reported as losing power, not as running throttled on its supplies', () => {
    const doc = h100AndB200();
    doc.racks[0]!.devices.at(-1)!.feed = 'A';
    const { findings } = runChecks(doc);
    expect(byRule('power.redundancy', findings).map((f) => f.message)).toEqual([
      expect.stringMatching(/loss of side A, 1 rack lose/),
    ]);
    // The same rack with the B200 on both sides is flagged: its devices run throttled on one side.
    doc.racks[0]!.devices.at(-1)!.feed = 'AB';
    expect(byRule('power.psu-redundancy', runChecks(doc).findings).map((f) => f.key)).toContain(
      `power.psu-redundancy:${H100}`,
    );
    doc.racks[0]!.devices.at(-1)!.feed = 'A';
    expect(byRule('power.psu-redundancy', findings)).toEqual([]);
  });

  it('after an edit that makes a side loss darken the rack, and back, an editor’s checker reports what a check from scratch does', () => {
    const both = h100AndB200();
    const feedA = (feed: 'A' | 'AB') => ({
      ...both,
      racks: both.racks.map((r) => ({ ...r, devices: r.devices.map((d, k) => (k === 1 ? { ...d, feed } : d)) })),
    });
    const psu = (findings: ReturnType<typeof runChecks>['findings']) =>
      byRule('power.psu-redundancy', findings).map((f) => f.key);
    const checker = createChecker();
    for (const doc of [both, feedA('A'), feedA('AB'), feedA('A')])
      expect(psu(checker.check(doc).findings)).toEqual(psu(runChecks(doc).findings));
    expect(psu(runChecks(feedA('A')).findings)).toEqual([]);
    expect(psu(runChecks(feedA('AB')).findings)).not.toEqual([]);
  });

  it('a 2N rack with one side only is an error', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 1 }], sides: ['A'], redundancy: '2N' });
    expect(byRule('power.redundancy', runChecks(doc).findings).map((f) => f.severity)).toEqual(['error']);
  });

  it('warns when the margin is under 2 % of capacity (nameplate tolerance ±5 %)', () => {
    // 6 × S19 XP = 18.06 kW on a 415 V 3φ 32 A PF 1.0 circuit: 98.1 % of 18.40 kW (worked case 3).
    const doc = oneRackDoc({
      devices: [{ catalogId: 'antminer-s19-xp', count: 6 }],
      sides: ['A'],
      circuit: { breakerA: 32, powerFactor: 1 },
    });
    const [f] = byRule('power.capacity', runChecks(doc).findings);
    expect(f?.severity).toBe('warning');
    expect(f?.values.utilisationPct).toBeCloseTo(98.1, 1);
  });

  it('a loaded rack on no circuit is an error; an empty one is not', () => {
    const loaded = oneRackDoc({ devices: [{ catalogId: H100, count: 1 }], sides: [] });
    expect(byRule('power.unfed', runChecks(loaded).findings)).toHaveLength(1);
    const empty = oneRackDoc({ devices: [], sides: [] });
    // An empty rack shell still weighs on the floor (floor.FLOOR-4 notes the assumed rating): no power finding.
    expect(runChecks(empty).findings.filter((f) => f.rule.startsWith('power.'))).toEqual([]);
  });
});

describe('load basis', () => {
  it('typical basis uses the typical draw (DGX H100 7.5 kW)', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: H100, count: 4 }], sides: ['A'] });
    doc.settings.loadBasis = 'typical';
    const { findings, power } = runChecks(doc);
    expect(power.rackLoadW.get('rack-1')).toBe(30_000);
    expect(problems(findings)).toEqual([]);
  });
});
