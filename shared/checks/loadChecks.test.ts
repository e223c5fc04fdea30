/**
 * A load checker that reuses what the edit since its last document left alone (the power graph,
 * normal operation's findings and metrics of components whose figures did not change) gives what
 * a check from scratch gives, through a sequence of edits.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import type { ProjectDocument, Rack } from '../model/schema';
import { buildLargeSite } from '../testing/largeSite';
import { buildStressSite } from '../testing/stressSite';
import { checkLoads, createLoadChecker } from './loadChecks';

const doc = buildLargeSite(60);
const catalog = catalogFor(doc);
const editRack = (d: ProjectDocument, at: number, change: (r: Rack) => Rack): ProjectDocument => ({
  ...d,
  racks: d.racks.map((r, i) => (i === at ? change(r) : r)),
});

describe('createLoadChecker', () => {
  it.each([
    ['a 60-rack site', buildLargeSite(60)],
    ['a stress hall of 240 racks', buildStressSite(240)],
  ])('gives checkLoads’s result after each edit of a sequence: %s', (_, doc) => {
    const catalog = catalogFor(doc);
    const edits: ((d: ProjectDocument) => ProjectDocument)[] = [
      (d) => editRack(d, 7, (r) => ({ ...r, devices: r.devices.slice(0, -1) })),
      (d) => editRack(d, 7, (r) => ({ ...r, devices: [] })),
      (d) => editRack(d, 12, (r) => ({ ...r, feeds: { a: r.feeds.a, b: null } })),
      (d) => ({ ...d, racks: d.racks.filter((_, i) => i !== 3) }),
      (d) => ({
        ...d,
        power: d.power.map((c) => (c.kind === 'circuit' && c.id === d.racks[0]!.feeds.a ? { ...c, breakerA: 32 } : c)),
      }),
      (d) => ({ ...d, settings: { ...d.settings, deratingFactor: 1 } }),
      (d) => editRack(d, 20, (r) => ({ ...r, devices: [...r.devices, ...r.devices] })),
      () => doc,
    ];
    const check = createLoadChecker();
    let current = doc;
    expect(check(current, catalog)).toEqual(checkLoads(current, catalog));
    for (const edit of edits) {
      current = edit(current);
      expect(check(current, catalog)).toEqual(checkLoads(current, catalog));
    }
  });

  it('works cooling findings out again for what changes the racks’ heat without a rack edit', () => {
    const stress = buildStressSite(240);
    // Racks above 5 kW in contained air are reviewed: density findings naming the hottest rack's heat.
    const site = {
      ...stress,
      settings: { ...stress.settings, cooling: { ...stress.settings.cooling, containedReviewKw: 5 } },
    };
    const catalog = catalogFor(site);
    const check = createLoadChecker();
    const cooling = (r: ReturnType<typeof checkLoads>) => [
      r.findings.filter((f) => f.rule.startsWith('cooling.')),
      r.cooling,
    ];
    const before = cooling(check(site, catalog));
    expect(before[0]).not.toEqual([]);
    // Typical power puts less heat into each rack's air than nameplate (the campus's basis): the same racks, other heat.
    const typical = { ...site, settings: { ...site.settings, loadBasis: 'typical' as const } };
    const after = cooling(check(typical, catalog));
    expect(after).toEqual(cooling(checkLoads(typical, catalog)));
    expect(after[0]).not.toEqual(before[0]);
    // And back: the findings and figures of the first basis again.
    expect(cooling(check(site, catalog))).toEqual(before);
  });

  it('keeps the metrics of components an edit did not reach', () => {
    const check = createLoadChecker();
    const before = check(doc, catalog);
    const after = check(
      editRack(doc, 7, (r) => ({ ...r, devices: r.devices.slice(0, -1) })),
      catalog,
    );
    const untouched = doc.racks[30]!.feeds.a!;
    expect(after.power.components.get(untouched)).toBe(before.power.components.get(untouched));
    const edited = doc.racks[7]!.feeds.a!;
    expect(after.power.components.get(edited)).not.toBe(before.power.components.get(edited));
  });

  it('keeps the findings of components an edit did not reach', () => {
    // The stress hall's two-server racks unbalance their three-phase circuits: a warning each.
    const hall = buildStressSite(240);
    const hallCatalog = catalogFor(hall);
    const check = createLoadChecker();
    const before = check(hall, hallCatalog);
    const after = check(
      editRack(hall, 7, (r) => ({ ...r, devices: r.devices.slice(0, -1) })),
      hallCatalog,
    );
    const unbalanced = before.findings.filter((f) => f.rule === 'power.phase-balance');
    expect(unbalanced.length).toBeGreaterThan(10);
    const kept = after.findings.filter((f) => before.findings.includes(f));
    expect(kept.length).toBeGreaterThanOrEqual(unbalanced.length - 4);
  });
});
