import { describe, expect, it } from 'vitest';
import { catalogFor, type CatalogView } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { buildSampleFacility } from '../sample/sampleFacility';
import { createChecker, loadsHere, type LoadSource } from './incremental';
import { checkLoads, NO_LOADS_YET, type LoadResult } from './loadChecks';
import { runChecks } from './index';

/** A load source that answers only when told to, as a Worker would a second later. */
function deferredSource() {
  const asked: ProjectDocument[] = [];
  const known = new Map<ProjectDocument, LoadResult>();
  let latest: LoadResult | null = null;
  const source: LoadSource = {
    loadsOf(doc, catalog: CatalogView) {
      const ready = known.get(doc);
      if (ready) return { loads: ready, pending: false };
      if (!latest) {
        latest = checkLoads(doc, catalog);
        known.set(doc, latest);
        return { loads: latest, pending: false };
      }
      if (!asked.includes(doc)) asked.push(doc);
      return { loads: latest, pending: true };
    },
  };
  const answer = (doc: ProjectDocument, catalog: CatalogView) => {
    latest = checkLoads(doc, catalog);
    known.set(doc, latest);
  };
  return { source, asked, answer };
}

const withoutLastDevice = (doc: ProjectDocument, i: number): ProjectDocument => ({
  ...doc,
  racks: doc.racks.map((r, k) => (k === i ? { ...r, devices: r.devices.slice(0, -1) } : r)),
});
const moved = (doc: ProjectDocument, i: number): ProjectDocument => ({
  ...doc,
  racks: doc.racks.map((r, k) => (k === i ? { ...r, position: { x: r.position.x, y: r.position.y + 0.6 } } : r)),
});

describe('a checker with loads worked out elsewhere', () => {
  it('shows the latest loads marked pending, then the document’s own once they come', () => {
    const { source, asked, answer } = deferredSource();
    const checker = createChecker(source);
    const first = buildSampleFacility();
    const start = checker.check(first);
    expect(start.loadsPending).toBe(false);

    const edited = withoutLastDevice(first, 0);
    const waiting = checker.check(edited);
    expect(waiting.loadsPending).toBe(true);
    expect(waiting.power).toBe(start.power);
    expect(asked).toEqual([edited]);
    // Asking again before the answer changes nothing.
    expect(checker.check(edited)).toBe(waiting);

    answer(edited, catalogFor(edited));
    const done = checker.check(edited);
    expect(done.loadsPending).toBe(false);
    expect(done).toEqual(runChecks(edited));
  });

  it('asks for the loads of the last edit that changed them while racks are only moved', () => {
    const { source, asked, answer } = deferredSource();
    const checker = createChecker(source);
    const first = buildSampleFacility();
    checker.check(first);
    const edited = withoutLastDevice(first, 0);
    checker.check(edited);
    const then = moved(edited, 1);
    expect(checker.check(then).loadsPending).toBe(true);
    // The move needs the edit's loads, not new ones.
    expect(asked).toEqual([edited]);
    answer(edited, catalogFor(edited));
    const done = checker.check(then);
    expect(done.loadsPending).toBe(false);
    expect(done).toEqual(runChecks(then));
  });

  it('says when there are no loads at all yet, and shows none rather than zeros taken for figures', () => {
    let ready = false;
    const doc = buildSampleFacility();
    const checker = createChecker({
      loadsOf: (d, catalog) =>
        ready ? { loads: checkLoads(d, catalog), pending: false } : { loads: NO_LOADS_YET, pending: true },
    });
    const opening = checker.check(doc);
    expect(opening).toMatchObject({ loadsPending: true, loadsNotYet: true });
    expect(opening.power.components.size).toBe(0);
    expect(opening.findings.some((f) => f.rule.startsWith('power.'))).toBe(false);
    ready = true;
    const done = checker.check(doc);
    expect(done).toMatchObject({ loadsPending: false, loadsNotYet: false });
    expect(done).toEqual(runChecks(doc));
  });

  it('works the loads out at once by default', () => {
    const doc = withoutLastDevice(buildSampleFacility(), 2);
    const results = createChecker(loadsHere).check(doc);
    expect(results.loadsPending).toBe(false);
    expect(results).toEqual(runChecks(doc));
  });
});
