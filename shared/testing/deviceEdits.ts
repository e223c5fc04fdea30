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
 * The 60-rack site with what the others lack: two utility services (side A on one, B on the other),
 * a mechanical board carrying part of the facility load (the rest shared over the utilities by
 * their IT load), racks on side A alone, and no cooling design, so the cooling plant's power
 * follows the IT load (`coolingPowerRatio`) at every edit.
 */
export function twoUtilitiesAndABoard(): ProjectDocument {
  const doc = buildLargeSite(60);
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
  return {
    ...doc,
    cooling: [],
    racks: doc.racks.map((r, i) => (i % 3 === 0 ? { ...r, feeds: { a: r.feeds.a, b: null } } : r)),
    power: [
      ...doc.power.map((c) => (c.kind === 'transformer' && c.id === 'tx-0b' ? { ...c, parentId: 'utility-2' } : c)),
      { ...utility, id: 'utility-2', name: 'Utility 2' },
      board,
    ],
  };
}
