import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { runChecks } from '../index';

describe('utility feed capacity', () => {
  it('sums IT load per hall and scales it by the design PUE against S · PF · derating', () => {
    const doc = buildSampleFacility();
    const { power } = runChecks(doc);
    const feed = power.feeds.get('utility-1')!;
    // 20 bays × 8 × 3,010 W + 11 × 3 × 10.2 kW + 4 × 10.2 kW.
    const it = 20 * 8 * 3_010 + 37 * 10_200;
    expect(feed.itLoadW).toBeCloseTo(it, 6);
    expect(feed.facilityLoadW).toBeCloseTo(it * 1.3, 6);
    expect(feed.usableW).toBeCloseTo(5_000_000 * 0.95 * 0.8, 6);
    expect(power.hallLoadW.get('hall-a')).toBeCloseTo(it, 6);
    expect(power.rowLoadW.get('row-a-02')).toBeCloseTo(37 * 10_200, 6);
  });

  it('flags a feed whose facility load exceeds it, naming the feed and the halls', () => {
    const doc = buildSampleFacility();
    const utility = doc.power.find((p) => p.kind === 'utility')!;
    if (utility.kind === 'utility') utility.capacityKva = 1_000;
    const f = runChecks(doc).findings.find((x) => x.rule === 'power.capacity' && x.entities[0] === 'utility-1');
    expect(f?.severity).toBe('error');
    expect(f?.entities).toEqual(['utility-1', 'hall-a']);
    expect(f?.values.usableW).toBeCloseTo(760_000, 6);
  });
});
