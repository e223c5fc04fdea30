/**
 * The feeders the rack inspector offers for a rack's A and B sides. A small site lists every PDU,
 * UPS, switchboard and utility; a campus has thousands (the stress campus: 1,680 PDUs and
 * 400 more), and two lists of them would be rebuilt each time a rack is selected. There the list
 * holds what serves the racks' own halls — the feeders of their halls' circuits and everything
 * upstream of those — and the racks' present feeders; the rest stays one choice away.
 */
import type { PowerComponent, ProjectDocument } from '../../shared/index';

/** Up to this many feeders on the site, all are listed. */
export const ALL_FEEDERS_UP_TO = 60;

const FEEDS: ReadonlySet<PowerComponent['kind']> = new Set(['distribution', 'ups', 'switchgear', 'utility']);

export const isFeeder = (p: PowerComponent) => FEEDS.has(p.kind);

export interface FeederOptions {
  /** In the document's order. */
  listed: PowerComponent[];
  /** Feeders on the site in all. */
  total: number;
}

const indexes = new WeakMap<readonly PowerComponent[], ReadonlyMap<string, PowerComponent>>();

/** Power components by id, built once per version of the document's power list (the inspector remounts per selection). */
export function powerById(power: readonly PowerComponent[]): ReadonlyMap<string, PowerComponent> {
  let index = indexes.get(power);
  if (!index) indexes.set(power, (index = new Map(power.map((p) => [p.id, p]))));
  return index;
}

/** Feeders to list for racks standing in `hallIds`. */
export function feederOptions(
  doc: Pick<ProjectDocument, 'power' | 'racks'>,
  hallIds: ReadonlySet<string>,
  powerById: ReadonlyMap<string, PowerComponent>,
  every: boolean,
): FeederOptions {
  const feeders = doc.power.filter(isFeeder);
  if (every || feeders.length <= ALL_FEEDERS_UP_TO) return { listed: feeders, total: feeders.length };
  const wanted = new Set<string>();
  const upward = (id: string | null) => {
    for (let p = id === null ? undefined : powerById.get(id); p && !wanted.has(p.id);) {
      if (isFeeder(p)) wanted.add(p.id);
      p = p.parentId === null ? undefined : powerById.get(p.parentId);
    }
  };
  for (const rack of doc.racks) {
    if (!hallIds.has(rack.hallId)) continue;
    upward(rack.feeds.a);
    upward(rack.feeds.b);
  }
  return { listed: feeders.filter((p) => wanted.has(p.id)), total: feeders.length };
}
