/**
 * The feeders offered for racks' A and B sides: by the rack inspector, and for new racks in the
 * Place tab. A small site lists every PDU, UPS, switchboard (and utility); a campus has thousands
 * (the stress campus: 1,680 PDUs and 400 more), and lists of them would be rebuilt each time a
 * rack is selected or the document changes. There the list holds what serves the racks' own halls
 * — the feeders of their halls' circuits and everything upstream of those — and the feeders
 * already chosen; the rest stays one choice away.
 */
import type { PowerComponent, ProjectDocument } from '../../shared/index';

/** Up to this many feeders on the site, all are listed. */
export const ALL_FEEDERS_UP_TO = 60;

type Kind = PowerComponent['kind'];
const FEEDS: ReadonlySet<Kind> = new Set(['distribution', 'ups', 'switchgear', 'utility']);

export const isFeeder = (p: PowerComponent) => FEEDS.has(p.kind);

export interface FeederOptions {
  /** In the document's order. */
  listed: PowerComponent[];
  /** Feeders on the site in all. */
  total: number;
}

/**
 * Feeders (of `kinds`) to list for racks standing in `hallIds`, with the components `chosen`
 * (present choices) always among them.
 */
export function feederOptions(
  doc: Pick<ProjectDocument, 'power' | 'racks'>,
  hallIds: ReadonlySet<string>,
  powerById: ReadonlyMap<string, PowerComponent>,
  every: boolean,
  kinds: ReadonlySet<Kind> = FEEDS,
  chosen: readonly (string | null)[] = [],
): FeederOptions {
  const feeders = doc.power.filter((p) => kinds.has(p.kind));
  if (every || feeders.length <= ALL_FEEDERS_UP_TO) return { listed: feeders, total: feeders.length };
  const wanted = new Set<string>();
  for (const id of chosen) if (id !== null) wanted.add(id);
  const upward = (id: string | null) => {
    for (let p = id === null ? undefined : powerById.get(id); p && !wanted.has(p.id);) {
      if (kinds.has(p.kind)) wanted.add(p.id);
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
