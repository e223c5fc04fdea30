import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import { ALL_FEEDERS_UP_TO, feederOptions, isFeeder } from './feederOptions';

const byId = (doc: ReturnType<typeof buildSampleFacility>) => new Map(doc.power.map((p) => [p.id, p]));

describe('feeders offered for a rack’s sides', () => {
  it('lists every feeder on a small site', () => {
    const doc = buildSampleFacility();
    const feeders = doc.power.filter(isFeeder);
    expect(feeders.length).toBeLessThanOrEqual(ALL_FEEDERS_UP_TO);
    const options = feederOptions(doc, new Set([doc.racks[0]!.hallId]), byId(doc), false);
    expect(options.listed).toEqual(feeders);
    expect(options.total).toBe(feeders.length);
  });

  it('on a campus, lists what serves the racks’ hall and everything above it; all on request', () => {
    const doc = buildStressSite(1_000);
    const power = byId(doc);
    const hallId = doc.racks[0]!.hallId;
    const all = doc.power.filter(isFeeder);
    const { listed, total } = feederOptions(doc, new Set([hallId]), power, false);
    expect(total).toBe(all.length);
    expect(listed.length).toBeLessThan(all.length / 2);
    const ids = new Set(listed.map((p) => p.id));
    // Every feeder up the chain of every rack of the hall is offered, in the document's order.
    for (const rack of doc.racks.filter((r) => r.hallId === hallId))
      for (const circuit of [rack.feeds.a, rack.feeds.b]) {
        for (let p = circuit ? power.get(circuit) : undefined; p; p = p.parentId ? power.get(p.parentId) : undefined)
          if (isFeeder(p)) expect(ids.has(p.id), p.id).toBe(true);
      }
    expect(listed).toEqual(all.filter((p) => ids.has(p.id)));
    // Nothing that serves only other halls.
    const other = doc.racks.find((r) => r.hallId !== hallId)!;
    const otherPdu = power.get(power.get(other.feeds.a!)!.parentId!)!;
    expect(ids.has(otherPdu.id)).toBe(false);
    expect(feederOptions(doc, new Set([hallId]), power, true).listed).toEqual(all);
    // A feeder already chosen elsewhere stays listed; other kinds can be asked for.
    const chosen = feederOptions(doc, new Set([hallId]), power, false, undefined, [otherPdu.id]);
    expect(chosen.listed.map((p) => p.id)).toContain(otherPdu.id);
    const noUtilities = feederOptions(doc, new Set([hallId]), power, false, new Set(['distribution', 'ups']));
    expect(noUtilities.listed.every((p) => p.kind === 'distribution' || p.kind === 'ups')).toBe(true);
    expect(noUtilities.total).toBe(doc.power.filter((p) => p.kind === 'distribution' || p.kind === 'ups').length);
  });
});
