/**
 * The power check of an edited version, worked out from what the check before it kept (PowerMemo):
 * after an edit of what racks hold, normal operation, the component metrics, the capacity
 * findings and stranded capacity are worked out again only where normal operation was reworked.
 * Every result must be a check from scratch's, to the last bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor, type CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import {
  generatorOnSideLoss,
  NOTHING,
  tightUtilities,
  tightUtilitiesBoardCarriesAll,
  twoUtilitiesAndABoard,
  utilityLimitedInFailures,
  withDevices,
} from '../../testing/deviceEdits';
import { deviceEditSequences } from '../../testing/deviceEdits.testing';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import { evaluateCooling } from '../cooling';
import { evaluate, NORMAL } from './flow';
import { runPowerChecks, type PowerMemo } from './index';
import { movedBelowOrFed } from './redundancy';
import { sideFailure } from './scenarios';
import { buildPowerGraph } from './topology';

/** One catalog for a document and its edited versions, as an editor's checker keeps it: what racks draw is then reused. */
const catalogs = new Map<ProjectDocument['customDevices'], CatalogView>();
const catalogOf = (doc: ProjectDocument) =>
  catalogs.get(doc.customDevices) ?? catalogs.set(doc.customDevices, catalogFor(doc)).get(doc.customDevices)!;
/** The losses of a side and one more UPS module are claimed too (and evaluated against the side lost). */
const upsTwoNPlusOne = (doc: ProjectDocument): ProjectDocument => ({
  ...doc,
  settings: { ...doc.settings, redundancy: { ...doc.settings.redundancy, ups: '2N+1' } },
});

/**
 * Two utilities, each carrying IT load on the loss of either side and sharing the facility load by
 * it, a plant power that stays (designed cooling) and the losses of a side and one more
 * transformer claimed: what extends a side reads that side's share of the facility load.
 */
const transformersTwoNPlusOne = (): ProjectDocument => {
  const doc = twoUtilitiesAndABoard(300, { designedCooling: true, byBranch: true });
  return { ...doc, settings: { ...doc.settings, redundancy: { ...doc.settings.redundancy, transformer: '2N+1' } } };
};

const check = (doc: ProjectDocument, previous?: PowerMemo) =>
  runPowerChecks(doc, catalogOf(doc), evaluateCooling(doc, catalogOf(doc)), previous);

describe('a power check after an edit of what racks hold', () => {
  it.each([
    ['the sample', buildSampleFacility()],
    ['a 60-rack site', buildLargeSite(60)],
    ['a site with two utilities and a mechanical board', twoUtilitiesAndABoard()],
    ['a 300-rack site with two utilities, its headroom limited at one', tightUtilities(300, 16_900)],
    ['the same with a utility overloaded on the loss of a side', tightUtilities(300, 15_000)],
    ['the same with a utility loaded to 99.5 %', tightUtilities(300, 11_500)],
    [
      'the same with its board carrying the facility load, a utility loaded to 99.96 %',
      tightUtilitiesBoardCarriesAll(300, 12_200),
    ],
    ['the same with a utility over capacity in nine failures', tightUtilitiesBoardCarriesAll(300, 12_600)],
    ['the same with a generator taking over on the loss of side A, sources 2N+1', generatorOnSideLoss(300)],
    [
      'a 300-rack site with two utilities by branch, its cooling designed, transformers 2N+1',
      transformersTwoNPlusOne(),
    ],
    ['a 300-rack site limited at its utility in single failures', utilityLimitedInFailures(300, 16_273)],
    ['a 300-rack campus', buildStressSite(300)],
    ['the same with its UPSs declared 2N+1', upsTwoNPlusOne(buildStressSite(300))],
  ])('is a check from scratch’s, over random device edits of %s', (_name, start) => {
    fc.assert(
      fc.property(deviceEditSequences(start, 5), (edits) => {
        let doc = start;
        let last = check(doc);
        for (const [ri, how] of edits) {
          doc = withDevices(doc, ri, how);
          const next = check(doc, last.memo);
          const fresh = check(doc);
          expect(next.findings).toEqual(fresh.findings);
          expect(next.metrics).toEqual(fresh.metrics);
          expect(next.memo.stranded).toEqual(fresh.memo.stranded);
          last = next;
        }
      }),
      { numRuns: 12 },
    );
  });

  it('finds the limit at a utility that an edit elsewhere brought below a configuration’s kept limit', () => {
    // At these sizes one configuration is limited at a PDU on the loss of transformer 3A, with the
    // utility just above it in single failures that only the utilities of tell apart after an
    // edit elsewhere (`fromKept`): devices added in other branches bring the utility below, and
    // the kept limit no longer stands.
    for (const kva of [16_760, 16_780]) {
      let doc = utilityLimitedInFailures(300, kva);
      let last = check(doc);
      const limitOf = (r: typeof last, hallId: string, label: string) =>
        r.metrics.headroom.find((h) => h.hallId === hallId && h.label === label)?.limitingId;
      const atPdu = last.metrics.headroom.find((h) => h.limitingId === 'pdu-20b')!;
      const limits: (string | null | undefined)[] = [];
      for (const ri of [100, 100, 200, 200, 290, 290]) {
        doc = withDevices(doc, ri, 1);
        const next = check(doc, last.memo);
        expect(next.metrics.headroom).toEqual(check(doc).metrics.headroom);
        last = next;
        limits.push(limitOf(last, atPdu.hallId, atPdu.label));
      }
      // The configuration kept at its PDU was limited at the utility on the way.
      expect(limits).toContain('utility');
    }
  });

  it('finds the limit at the utility in a failure the edit reached there alone, read after the runs', () => {
    // 1,200 racks: no transformer's loss changes an eighth of the components, so none is kept as
    // a flow (redundancy.ts `BIG_FAILURE`), and from the third check on, a failure the edit reached
    // at the utility alone is read there after the runs (`readKept`). Devices taken out of branch
    // 0 make the loss of transformer 1A, which the edits leave whole, the utility's heaviest.
    let doc = utilityLimitedInFailures(1200, 65_092);
    let last = check(doc);
    const limits: (string | null)[] = [];
    for (const [ri, how] of [
      [5, 1],
      [5, 0],
      [5, 0],
      [5, 0],
      [10, 0],
    ] as const) {
      doc = withDevices(doc, ri, how);
      const next = check(doc, last.memo);
      expect(next.metrics.headroom).toEqual(check(doc).metrics.headroom);
      last = next;
      limits.push(next.metrics.headroom[0]!.limitingScenario);
    }
    expect(limits.slice(-2)).toEqual(['loss of T1A', 'loss of T1A']);
  });

  it('keeps the metrics and findings of the components the edit did not reach', () => {
    const doc = twoUtilitiesAndABoard();
    const first = check(doc);
    const edited = withDevices(doc, 7, 0);
    const next = check(edited, first.memo);
    const kept = next.memo.components.slots.filter((m, i) => m === first.memo.components.slots[i]).length;
    // A device taken out of one rack reaches its circuit and what is above it, the board and the utilities.
    expect(kept).toBeGreaterThan(next.memo.components.size - 20);
    expect(kept).toBeLessThan(next.memo.components.size);
    expect(next.memo.byComponent.filter((f, i) => f !== first.memo.byComponent[i]).length).toBeLessThan(20);
    // The board's load follows the IT load, so stranded capacity above it is worked out again.
    expect(next.memo.stranded).not.toBe(first.memo.stranded);
    expect(next.memo.stranded).toEqual(check(edited).memo.stranded);
    // An edit that reaches no rack keeps stranded capacity and its findings as they were.
    const renamed = check(withDevices(doc, 0, NOTHING), first.memo);
    expect(renamed.memo.stranded).toBe(first.memo.stranded);
    expect(renamed.memo.strandedFindings).toBe(first.memo.strandedFindings);
  });
  it('names each rack’s own redundancy by the rack’s id after an edit that renames one on the same circuits', () => {
    const doc = twoUtilitiesAndABoard();
    const first = check(doc);
    const renamed = { ...doc, racks: doc.racks.map((r, i) => (i === 7 ? { ...r, id: 'rack-renamed' } : r)) };
    const next = check(renamed, first.memo);
    expect(next.metrics.rackRedundancy).toEqual(check(renamed).metrics.rackRedundancy);
    expect(next.metrics.rackRedundancy.has('rack-renamed')).toBe(true);
  });
});

describe('a rack’s own flags edited, what it holds the same', () => {
  it('names a rack with load and no circuit when its feeds are taken away, and no longer when given back', () => {
    const doc = buildStressSite(300);
    const ri = 17;
    const feeds = (d: ProjectDocument, f: ProjectDocument['racks'][number]['feeds']) => ({
      ...d,
      racks: d.racks.map((r, i) => (i === ri ? { ...r, feeds: f } : r)),
    });
    const unfed = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === 'power.unfed');
    const first = check(doc);
    const cut = feeds(doc, { a: null, b: null });
    const without = check(cut, first.memo);
    expect(without.findings).toEqual(check(cut).findings);
    expect(unfed(without).map((f) => f.entities)).toEqual([[doc.racks[ri]!.id]]);
    const back = check(feeds(cut, doc.racks[ri]!.feeds), without.memo);
    expect(back.findings).toEqual(first.findings);
    expect(unfed(back)).toEqual([]);
  });
  it('names a rack declared 2N on one side when declared so, and no longer when declared otherwise or emptied', () => {
    const doc = buildSampleFacility();
    const one = doc.racks.findIndex((r) => r.interruptible && (r.feeds.a === null || r.feeds.b === null));
    const edit = (d: ProjectDocument, change: Partial<ProjectDocument['racks'][number]>) => ({
      ...d,
      racks: d.racks.map((r, i) => (i === one ? { ...r, ...change } : r)),
    });
    const oneSided = (r: ReturnType<typeof check>) =>
      r.findings.filter((f) => f.rule === 'power.redundancy' && f.message.includes('only one feed side'));
    let last = check(doc);
    expect(oneSided(last)).toEqual([]);
    let version = doc;
    for (const change of [{ redundancy: '2N' as const }, { devices: [] }, { redundancy: 'N' as const }]) {
      version = edit(version, change);
      last = check(version, last.memo);
      expect(last.findings).toEqual(check(version).findings);
      if (change.redundancy === '2N') expect(oneSided(last)).toHaveLength(1);
      else expect(oneSided(last)).toEqual([]);
    }
  });
  it('is judged again in the failures that darken it: a miner no longer interruptible is a rack lost', () => {
    const doc = buildSampleFacility();
    const miner = doc.racks.findIndex((r) => r.interruptible);
    const flip = (d: ProjectDocument, interruptible: boolean) => ({
      ...d,
      racks: d.racks.map((r, i) => (i === miner ? { ...r, interruptible } : r)),
    });
    const first = check(doc);
    const critical = flip(doc, false);
    const next = check(critical, first.memo);
    const fresh = check(critical);
    expect(next.metrics.levels).toEqual(fresh.metrics.levels);
    expect(next.findings).toEqual(fresh.findings);
    expect(next.metrics.levels.map((l) => l.interruptibleLost)).not.toEqual(
      first.metrics.levels.map((l) => l.interruptibleLost),
    );
    const back = check(flip(critical, true), next.memo);
    expect(back.metrics.levels).toEqual(first.metrics.levels);
    expect(back.findings).toEqual(first.findings);
  });
});

describe('devices short of supplies, kept while their racks’ draws are', () => {
  it('are found again when racks trade places, and the same findings after an edit elsewhere', () => {
    const doc = buildStressSite(300);
    const first = check(doc);
    const short = first.findings.filter((f) => f.rule === 'power.psu-redundancy');
    expect(short.length).toBeGreaterThan(0);
    // Two racks of different configurations swapped in the document's order.
    const i = doc.racks.findIndex((r) => short[0]!.entities.includes(r.id));
    const j = doc.racks.findIndex((r) => !short.some((f) => f.entities.includes(r.id)));
    const swapped = { ...doc, racks: doc.racks.map((r, k) => (k === i ? doc.racks[j]! : k === j ? doc.racks[i]! : r)) };
    const after = check(swapped, first.memo);
    expect(after.findings.filter((f) => f.rule === 'power.psu-redundancy')).toEqual(
      check(swapped).findings.filter((f) => f.rule === 'power.psu-redundancy'),
    );
    // An edit that reaches no rack keeps them, as objects.
    const renamed = check(withDevices(doc, 0, NOTHING), first.memo);
    expect(renamed.memo.supply.findings).toBe(first.memo.supply.findings);
  });

  it('are counted again when their racks hold more or fewer, and found again when two such racks trade places', () => {
    const doc = buildStressSite(300);
    const first = check(doc);
    const short = first.findings.find((f) => f.rule === 'power.psu-redundancy')!;
    const [i, j] = doc.racks.flatMap((r, k) => (short.entities.includes(r.id) ? [k] : [])).filter((_, n) => n < 2);
    // One device more, then one fewer, in the first of them: the same racks, another count.
    const more = withDevices(doc, i!, 1);
    const counted = check(more, first.memo);
    const fresh = check(more);
    const of = (r: typeof first) => r.findings.filter((f) => f.rule === 'power.psu-redundancy');
    expect(of(counted)).toEqual(of(fresh));
    expect(of(counted)).not.toEqual(of(first));
    expect(of(check(doc, counted.memo))).toEqual(of(first));
    // Two racks of one configuration swapped in the document's order: the same counts, their ids
    // in the entities in the racks' new order.
    const models = (k: number) => doc.racks[k]!.devices.map((d) => d.catalogId);
    expect(models(i!)).toEqual(models(j!));
    const swapped = {
      ...doc,
      racks: doc.racks.map((r, k) => (k === i ? doc.racks[j!]! : k === j ? doc.racks[i!]! : r)),
    };
    expect(of(check(swapped, first.memo))).toEqual(of(check(swapped)));
  });

  it('are found again when the catalog renames a model or changes its supplies', () => {
    const doc = buildStressSite(300);
    const short = check(doc).findings.find((f) => f.rule === 'power.psu-redundancy')!;
    const ri = doc.racks.findIndex((r) => r.id === short.entities[0]);
    const custom = {
      id: 'custom-gpu',
      name: 'Custom GPU server',
      category: 'gpu-server' as const,
      uHeight: 4,
      nameplateW: 8_000,
      typicalW: 6_000,
      weightKg: 100,
      psuCount: 6,
      psuRedundant: 2,
      cooling: 'air' as const,
      liquidFraction: 0,
      airflowCfm: null,
      ashraeClass: 'A2' as const,
      gpus: null,
      hashrateThs: null,
      source: 'test',
    };
    const withCustom = (c: typeof custom): ProjectDocument => ({
      ...doc,
      customDevices: [c],
      racks: doc.racks.map((r, k) =>
        k === ri ? { ...r, devices: r.devices.map((d) => ({ ...d, catalogId: c.id })) } : r,
      ),
    });
    const of = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === 'power.psu-redundancy');
    let last = check(withCustom(custom));
    expect(of(last).some((f) => f.message.includes('Custom GPU server'))).toBe(true);
    for (const next of [
      { ...custom, name: 'Renamed GPU server' },
      { ...custom, name: 'Renamed GPU server', psuRedundant: 1 },
    ]) {
      const edited = withCustom(next);
      const after = check(edited, last.memo);
      expect(of(after)).toEqual(of(check(edited)));
      last = after;
    }
    expect(of(last).some((f) => f.message.includes('Renamed GPU server') && f.values.suppliesRequired === 5)).toBe(
      true,
    );
  });
});

describe('headroom per configuration, shown again while it stands', () => {
  it('lists a configuration’s racks anew when two racks of a hall trade devices, its limit elsewhere kept', () => {
    const doc = buildStressSite(300);
    const first = check(doc);
    // The last racks of a hall's first two configurations trade devices: both configurations keep
    // their IT, limited where neither rack draws, and list other racks.
    const [a, b] = first.metrics.headroom;
    const x = doc.racks.findIndex((r) => r.id === a!.rackIds.at(-1));
    const y = doc.racks.findIndex((r) => r.id === b!.rackIds.at(-1));
    const traded = {
      ...doc,
      racks: doc.racks.map((r, k) =>
        k === x ? { ...r, devices: doc.racks[y]!.devices } : k === y ? { ...r, devices: doc.racks[x]!.devices } : r,
      ),
    };
    const after = check(traded, first.memo);
    expect(after.metrics.headroom).toEqual(check(traded).metrics.headroom);
    expect(after.metrics.headroom[0]!.rackIds).not.toEqual(a!.rackIds);
    // An edit that moves no load shows the same results, as objects (a memo serves one next check).
    const again = check(doc);
    const same = check({ ...doc, racks: [...doc.racks] }, again.memo);
    expect(same.metrics.headroom.every((h, n) => h === again.metrics.headroom[n])).toBe(true);
  });
});

describe('what a proof runs, kept for the chain', () => {
  // Each check against the last one's memo on the same chain (as an editor's checker runs them),
  // compared with a check from scratch.
  const follows = (start: ProjectDocument, edits: ((doc: ProjectDocument) => ProjectDocument)[]) => {
    let doc = start;
    let last = check(doc);
    for (const edit of edits) {
      doc = edit(doc);
      const next = check(doc, last.memo);
      const fresh = check(doc);
      expect(next.metrics.levels).toEqual(fresh.metrics.levels);
      expect(next.findings).toEqual(fresh.findings);
      last = next;
    }
  };

  it('is made again when the declared models change', () => {
    follows(twoUtilitiesAndABoard(), [
      (doc) => ({ ...doc, settings: { ...doc.settings, redundancy: { ...doc.settings.redundancy, ups: 'N+1' } } }),
      (doc) => ({ ...doc, settings: { ...doc.settings, redundancy: { ...doc.settings.redundancy, ups: '2N' } } }),
    ]);
  });

  it('is made again when no rack needs a level any more, or none is declared 2N', () => {
    follows(twoUtilitiesAndABoard(), [
      (doc) => ({ ...doc, racks: doc.racks.map((r) => ({ ...r, redundancy: 'N' as const })) }),
      (doc) => ({ ...doc, racks: doc.racks.map((r) => ({ ...r, interruptible: true })) }),
      (doc) => ({ ...doc, racks: doc.racks.map((r) => ({ ...r, interruptible: false, redundancy: '2N' as const })) }),
    ]);
  });
});

describe('what a side lost may have other figures at after an edit', () => {
  it('is what normal operation reworked and what feeds it on that side, a generator taking over too', () => {
    const doc = generatorOnSideLoss(60);
    const graph = buildPowerGraph(doc, catalogOf(doc));
    const normal = evaluate(graph, doc.settings, NORMAL);
    const sideA = evaluate(graph, doc.settings, sideFailure(graph, 'A'));
    const at = (id: string) => graph.index.get(id)!;
    // The mechanical board, whose load follows the IT load: fed through transformer 0A.
    const { marks: moved } = movedBelowOrFed(sideA, [at('mech-a'), at('tx-0a'), at('utility')]);
    const names = graph.components.filter((_, i) => moved[i]).map((c) => c.id);
    // On the loss of side A, utility 1 is lost and the generator feeds transformer 0A.
    expect(names.sort()).toEqual(['gen-a', 'mech-a', 'tx-0a', 'utility']);
    expect(sideA.fedBy[at('tx-0a')]).toBe(at('gen-a'));
    expect(normal.fedBy[at('tx-0a')]).toBe(at('utility'));
  });
});

describe('the arrays of normal operation, handed on to the check after next', () => {
  const same = (a: ReturnType<typeof check>, doc: ProjectDocument) => {
    const fresh = check(doc);
    expect(a.findings).toEqual(fresh.findings);
    expect(a.metrics).toEqual(fresh.metrics);
    expect(a.memo.normal.outW).toEqual(fresh.memo.normal.outW);
    expect(a.memo.normal.phaseW).toEqual(fresh.memo.normal.phaseW);
  };
  it('are written again by an editor’s checks, each from the last, two sets taking turns', () => {
    const doc = buildStressSite(300);
    const first = check(doc);
    const one = withDevices(doc, 10, 0);
    const two = withDevices(one, 200, 1);
    const three = withDevices(two, 10, 1);
    const c1 = check(one, first.memo);
    const c2 = check(two, c1.memo);
    const c3 = check(three, c2.memo);
    const c4 = check(doc, c3.memo);
    expect(c3.memo.normal.outW).toBe(c1.memo.normal.outW);
    expect(c3.memo.normal.phaseW).toBe(c1.memo.normal.phaseW);
    expect(c4.memo.normal.itW).toBe(c2.memo.normal.itW);
    expect(c3.memo.byComponent).toBe(c1.memo.byComponent);
    expect(c4.memo.byComponent).toBe(c2.memo.byComponent);
    expect(c2.memo.normal.outW).not.toBe(c1.memo.normal.outW);
    same(c3, three);
    same(c4, doc);
  });
  it('bring the capacity findings written into up to the last check’s, where its edit changed them', () => {
    // Rack 20's circuits' findings change (their phase currents), then an edit elsewhere writes
    // into the first check's list, then rack 20 is read again with the same figures: its circuits
    // take their findings from the last list, which must hold the first edit's.
    const doc = buildStressSite(300);
    const first = check(doc);
    const one = withDevices(doc, 20, 0);
    const two = withDevices(one, 200, 1);
    const three = { ...two, racks: two.racks.map((r, i) => (i === 20 ? { ...r } : r)) };
    const c1 = check(one, first.memo);
    const c2 = check(two, c1.memo);
    const c3 = check(three, c2.memo);
    expect(c2.memo.byComponent).toBe(first.memo.byComponent);
    same(c2, two);
    same(c3, three);
    same(check(withDevices(three, 200, 0), c3.memo), withDevices(three, 200, 0));
  });
  it('leave a memo whose arrays were taken serving no check, and are taken once when two checks follow from one memo', () => {
    const doc = buildStressSite(300);
    const first = check(doc);
    const one = withDevices(doc, 10, 0);
    const other = withDevices(doc, 250, 0);
    // Two checks from one memo: both hand on its normal operation's arrays.
    const b1 = check(one, first.memo);
    const b2 = check(other, first.memo);
    same(b2, other);
    // A check from the first takes them and writes into them: the first memo serves no check now.
    const c = check(withDevices(one, 20, 1), b1.memo);
    expect(c.memo.normal.outW).toBe(first.memo.normal.outW);
    expect(first.memo.taken.taken).toBe(true);
    same(c, withDevices(one, 20, 1));
    same(check(other, first.memo), other);
    // The other's spare is the same arrays, already taken: its next check writes into new ones.
    const d = check(withDevices(other, 30, 1), b2.memo);
    expect(d.memo.normal.outW).not.toBe(first.memo.normal.outW);
    same(d, withDevices(other, 30, 1));
    same(check(withDevices(one, 40, 0), c.memo), withDevices(one, 40, 0));
  });
});
