/**
 * The edits a user can make, as commands. Each is a pure recipe over the document draft; the
 * store runs them through history so every one can be undone.
 */
import {
  allEntityIds,
  catalogFor,
  defaultRackCircuit,
  firstFreeU,
  newRack,
  nextPlacementId,
  rackElevation,
  type Point2,
  type ProjectDocument,
} from '../../shared/index';
import type { Command } from './history';

/** A fresh id that no entity in the document uses. */
export function freshId(doc: ProjectDocument, prefix: string): string {
  const used = allEntityIds(doc);
  let n = doc.racks.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Document collections of whole entities that edits replace or append by id. */
type UpsertCollection = 'scenarios' | 'tours';

/** Replaces the entity of `key` that has `item`'s id, or appends `item` when there is none. */
export function upsert<K extends UpsertCollection>(key: K, item: ProjectDocument[K][number], label: string): Command {
  return {
    label,
    recipe: (d) => {
      const list = d[key] as { id: string }[];
      const i = list.findIndex((x) => x.id === item.id);
      if (i >= 0) list[i] = item;
      else list.push(item);
    },
  };
}

/** `base 1`, `base 2`, …: the first such name not in `names`. */
export function freshName(names: Iterable<string>, base: string): string {
  const used = new Set(names);
  let n = 1;
  while (used.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

function nextRackName(doc: ProjectDocument): string {
  const names = new Set(doc.racks.map((r) => r.name));
  let n = 1;
  while (names.has(`R-${String(n).padStart(3, '0')}`)) n++;
  return `R-${String(n).padStart(3, '0')}`;
}

/**
 * Where new racks plug in when the user has not chosen: the A and B distribution that fed the
 * last dual-fed rack placed, else the first PDU / RPP / busway labelled A and B, else nothing.
 */
export function defaultPlacementFeeds(doc: ProjectDocument): { a: string | null; b: string | null } {
  const parentOf = (circuitId: string | null) =>
    circuitId === null ? null : (doc.power.find((p) => p.id === circuitId)?.parentId ?? null);
  for (let i = doc.racks.length - 1; i >= 0; i--) {
    const r = doc.racks[i]!;
    const a = parentOf(r.feeds.a);
    const b = parentOf(r.feeds.b);
    if (a !== null && b !== null) return { a, b };
  }
  const first = (side: 'A' | 'B') => doc.power.find((p) => p.kind === 'distribution' && p.side === side)?.id ?? null;
  return { a: first('A'), b: first('B') };
}

/**
 * Places a rack with its own A and B circuits (415 V 3φ 63 A), declared 2N, as new AI racks
 * usually are, fed from `feeds` (the parents of its A and B circuits).
 */
export function placeRack(
  doc: ProjectDocument,
  hallId: string,
  rackTypeId: string,
  position: Point2,
  feeds: { a: string | null; b: string | null } = defaultPlacementFeeds(doc),
): { command: Command; rackId: string } {
  const rackId = freshId(doc, 'rack');
  const name = nextRackName(doc);
  const a = { ...defaultRackCircuit(`ckt-${rackId}-a`, `${name} A`, 'A'), parentId: feeds.a };
  const b = { ...defaultRackCircuit(`ckt-${rackId}-b`, `${name} B`, 'B'), parentId: feeds.b };
  const rack = newRack({
    id: rackId,
    name,
    hallId,
    rackTypeId,
    position,
    feeds: { a: a.id, b: b.id },
    redundancy: '2N',
  });
  return {
    rackId,
    command: {
      label: `Place rack ${name}`,
      recipe: (d) => {
        d.power.push(a, b);
        d.racks.push(rack);
      },
    },
  };
}

/** Deletes racks, the circuits that fed only them and their rear doors. */
export function deleteRacks(ids: readonly string[]): Command {
  const set = new Set(ids);
  return {
    label: ids.length === 1 ? 'Delete rack' : `Delete ${ids.length} racks`,
    recipe: (d) => {
      const removed = d.racks.filter((r) => set.has(r.id));
      d.racks = d.racks.filter((r) => !set.has(r.id));
      const stillUsed = new Set(d.racks.flatMap((r) => [r.feeds.a, r.feeds.b]));
      const orphans = new Set(
        removed.flatMap((r) => [r.feeds.a, r.feeds.b]).filter((c): c is string => c !== null && !stillUsed.has(c)),
      );
      d.power = d.power.filter((p) => !orphans.has(p.id));
      d.cooling = d.cooling.filter((u) => u.kind !== 'rear-door' || !set.has(u.rackId));
    },
  };
}

export type AddDeviceResult = { ok: true; command: Command } | { ok: false; reason: string };

/** Adds a catalog device at the lowest U where it fits (shared/layout/elevation.ts), or says why it fits nowhere. */
export function addDevice(doc: ProjectDocument, rackId: string, catalogId: string): AddDeviceResult {
  const rack = doc.racks.find((r) => r.id === rackId);
  const catalog = catalogFor(doc);
  const spec = catalog.device(catalogId);
  const elevation = rackElevation(doc, rackId, catalog);
  if (!rack || !spec || !elevation) return { ok: false, reason: 'Unknown rack or device.' };
  const free = firstFreeU(elevation, spec.uHeight);
  if (!free.ok)
    return { ok: false, reason: `${spec.name} (${spec.uHeight}U) does not fit in ${rack.name}: ${free.reason}.` };
  const placement = { id: nextPlacementId(rack), catalogId, uPosition: free.atU, feed: 'AB' as const, existing: false };
  return {
    ok: true,
    command: {
      label: `Add ${spec.name} to ${rack.name}`,
      recipe: (d) => {
        d.racks.find((r) => r.id === rackId)?.devices.push(placement);
      },
    },
  };
}

export function removeDevice(rackId: string, deviceId: string): Command {
  return {
    label: 'Remove device',
    recipe: (d) => {
      const rack = d.racks.find((r) => r.id === rackId);
      if (rack) rack.devices = rack.devices.filter((x) => x.id !== deviceId);
    },
  };
}

/** Which feed side a device's power supplies plug into. */
export function setDeviceFeed(rackId: string, deviceId: string, feed: 'AB' | 'A' | 'B'): Command {
  return {
    label: 'Device power supplies',
    recipe: (d) => {
      const device = d.racks.find((r) => r.id === rackId)?.devices.find((x) => x.id === deviceId);
      if (device) device.feed = feed;
    },
  };
}
