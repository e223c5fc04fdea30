/**
 * Edits of what racks hold, as the store makes them, and a site with what the synthetic sites lack,
 * for the tests of the power checks worked out from the check before an edit.
 */
import type { PowerComponent, ProjectDocument } from '../model/schema';
import { buildLargeSite } from './largeSite';

/** An edit that leaves every rack as it was (another part of the document changed). */
export const NOTHING = 3;

/** A rack's devices edited as the store edits them: one taken out, one added, or all taken out; or no rack touched. */
export function withDevices(doc: ProjectDocument, ri: number, how: number): ProjectDocument {
  if (how === NOTHING) return { ...doc, name: `${doc.name}.` };
  const rack = doc.racks[ri]!;
  const devices =
    how === 0 ? rack.devices.slice(0, -1) : how === 1 ? [...rack.devices, ...rack.devices.slice(0, 1)] : [];
  return { ...doc, racks: doc.racks.map((r, i) => (i === ri ? { ...r, devices } : r)) };
}

/**
 * The synthetic site (`buildLargeSite`) with what the others lack: two utility services (side A on
 * one, B on the other; or, `byBranch`, the transformer pairs of odd branches on the second), a
 * mechanical board carrying part of the facility load (the rest shared over the utilities by
 * their IT load), racks on side A alone, and no cooling design, so the cooling plant's power
 * follows the IT load (`coolingPowerRatio`) at every edit — or, with `designedCooling`, the site's
 * own, whose plant power stays the same.
 */
export function twoUtilitiesAndABoard(
  rackCount = 60,
  { designedCooling = false, byBranch = false } = {},
): ProjectDocument {
  const doc = buildLargeSite(rackCount);
  const utility = doc.power.find((c) => c.kind === 'utility')!;
  const board: PowerComponent = {
    kind: 'mechanical',
    id: 'mech-a',
    name: 'Mechanical A',
    side: null,
    existing: true,
    parentId: 'tx-0a',
    share: 0.4,
  };
  const onSecond = (c: PowerComponent) => (byBranch ? Number(/\d+/.exec(c.id)![0]) % 2 === 1 : c.side === 'B');
  return {
    ...doc,
    cooling: designedCooling ? doc.cooling : [],
    racks: doc.racks.map((r, i) => (i % 3 === 0 ? { ...r, feeds: { a: r.feeds.a, b: null } } : r)),
    power: [
      ...doc.power.map((c) => (c.kind === 'transformer' && onSecond(c) ? { ...c, parentId: 'utility-2' } : c)),
      { ...utility, id: 'utility-2', name: 'Utility 2' },
      board,
    ],
  };
}

/** `twoUtilitiesAndABoard` with utility services of `kva` each. */
export function tightUtilities(rackCount: number, kva: number): ProjectDocument {
  const doc = twoUtilitiesAndABoard(rackCount);
  return { ...doc, power: doc.power.map((c) => (c.kind === 'utility' ? { ...c, capacityKva: kva } : c)) };
}

/**
 * `tightUtilities` with the mechanical board carrying the whole facility load: none is shared over
 * the utilities, so each utility's figures in a failure stand alone (redundancy.ts
 * `againAtUtilities`).
 */
export function tightUtilitiesBoardCarriesAll(rackCount: number, kva: number): ProjectDocument {
  const doc = tightUtilities(rackCount, kva);
  return { ...doc, power: doc.power.map((c) => (c.kind === 'mechanical' ? { ...c, share: 1 } : c)) };
}

/**
 * `twoUtilitiesAndABoard` where the loss of side A takes utility 1 but not transformer 0A, which
 * a generator then feeds (with the mechanical board below it), and where sources and UPSs are
 * declared 2N+1: the scenarios that lose a side and one more source or UPS module are claimed,
 * and racks fed from side A alone are dark in those that lose side A.
 */
export function generatorOnSideLoss(rackCount: number): ProjectDocument {
  const doc = twoUtilitiesAndABoard(rackCount);
  const generator: PowerComponent = {
    kind: 'generator',
    id: 'gen-a',
    name: 'Generator A',
    side: null,
    existing: true,
    parentId: null,
    ratingKw: 2_500,
    voltageV: 415,
    backsUpId: 'tx-0a',
  };
  return {
    ...doc,
    settings: { ...doc.settings, redundancy: { ...doc.settings.redundancy, source: '2N+1', ups: '2N+1' } },
    power: [
      ...doc.power.map((c): PowerComponent => {
        if (c.kind === 'utility' && c.id === 'utility') return { ...c, side: 'A' };
        return c.kind === 'transformer' && c.id === 'tx-0a' ? { ...c, side: null } : c;
      }),
      generator,
    ],
  };
}

/**
 * The synthetic site with side B's UPSs less efficient (92 % against 96 %), levels declared N+1
 * (no side lost is claimed) and one utility of `kva`: a failure that moves a branch onto side B
 * loads the utility most, so at 16,273 kVA for 300 racks (99 % on the loss of transformer 0A)
 * every configuration's headroom is limited at the utility in a single failure.
 */
export function utilityLimitedInFailures(rackCount: number, kva: number): ProjectDocument {
  const doc = buildLargeSite(rackCount);
  return {
    ...doc,
    settings: {
      ...doc.settings,
      redundancy: { source: 'N', transformer: 'N+1', switchgear: 'N', ups: 'N+1', distribution: 'N+1' },
    },
    racks: doc.racks.map((r) => ({ ...r, redundancy: 'N' })),
    power: doc.power.map((c): PowerComponent => {
      if (c.kind === 'ups' && c.side === 'B') return { ...c, efficiencyPct: 92 };
      return c.kind === 'utility' ? { ...c, capacityKva: kva } : c;
    }),
  };
}
