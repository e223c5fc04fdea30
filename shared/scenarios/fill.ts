/**
 * Fill to capacity: place as many racks of one configuration as the power chain and the cooling
 * allow in the chosen rows, and say which limit stopped it (docs/engine/scenarios.md).
 *
 * Slots, in order: the rows' empty racks, then new positions that continue each row at both ends,
 * one rack width apart, inside the hall with an end clearance of the settings' minimum hot-aisle
 * width and clear of other racks and floor-standing cooling units; rows take turns so the load
 * spreads over their distribution. A new rack copies its row's reference rack (the last one with
 * a feed): orientation, feeds (a new circuit like each of the reference's, on the same board),
 * liquid loop, tenant and redundancy.
 *
 * The limit: the largest count k such that the checks raise no power or cooling error the design
 * did not already have (compared by finding key), found by bisection on k — adding load never
 * relieves a power or cooling limit, so the test is monotone in k. Security findings of the new
 * racks are not a capacity limit; the checks report them as usual.
 */
import { catalogFor, type CatalogView } from '../catalog';
import { runChecks } from '../checks';
import { rackBox } from '../checks/cooling/layout';
import type { Finding } from '../checks/types';
import { allEntityIds } from '../model/entities';
import { newRack } from '../model/factory';
import type { Circuit, ProjectDocument, Rack, RackConfig } from '../model/schema';
import { plural } from '../text';
import { applyScenario } from './apply';

export type FillLimit = 'power' | 'cooling' | 'space';

export interface FillResult {
  /** The document with `filled` slots used. */
  doc: ProjectDocument;
  /** Slots used: empty racks filled plus new racks placed. */
  filled: number;
  /** Slots the rows offered. */
  slots: number;
  /** What stopped the fill: the first new power or cooling error, or no room left in the rows. */
  limit: FillLimit;
  /** The error that one more rack would raise; null when space ran out first. */
  limitFinding: Finding | null;
  /** Racks placed or refilled. */
  rackIds: string[];
  notes: string[];
}

interface Slot {
  /** An empty rack to refill, or a new rack to place. */
  rack: Rack;
  circuits: Circuit[];
  isNew: boolean;
}

export function fillToCapacity(doc: ProjectDocument, rowIds: readonly string[], config: RackConfig): FillResult {
  const catalog = catalogFor(doc);
  const notes: string[] = [];
  const slots = planSlots(doc, rowIds, config, catalog, notes);
  const baseline = capacityErrors(doc);
  const newErrors = (k: number) =>
    [...capacityErrors(withSlots(doc, slots, k, config)).values()].filter((f) => !baseline.has(f.key));

  // Bisection for the largest k in [0, n] with no new error (k = 0 has none by definition).
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (newErrors(mid).length === 0) lo = mid;
    else hi = mid - 1;
  }
  const stop = lo < slots.length ? (newErrors(lo + 1)[0] ?? null) : null;
  if (baseline.size > 0)
    notes.push(
      `The design already had ${plural(baseline.size, 'power or cooling error')}; the fill stopped at the first new one.`,
    );
  return {
    doc: withSlots(doc, slots, lo, config),
    filled: lo,
    slots: slots.length,
    limit: stop === null ? 'space' : stop.rule.startsWith('power.') ? 'power' : 'cooling',
    limitFinding: stop,
    rackIds: slots.slice(0, lo).map((s) => s.rack.id),
    notes,
  };
}

function capacityErrors(doc: ProjectDocument): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of runChecks(doc).findings)
    if (f.severity === 'error' && (f.rule.startsWith('power.') || f.rule.startsWith('cooling.'))) out.set(f.key, f);
  return out;
}

/** The document with the first k slots used, each rack filled with the configuration. */
function withSlots(doc: ProjectDocument, slots: readonly Slot[], k: number, config: RackConfig): ProjectDocument {
  const used = slots.slice(0, k);
  const refill = new Set(used.filter((s) => !s.isNew).map((s) => s.rack.id));
  const added = used.filter((s) => s.isNew);
  const staged: ProjectDocument = {
    ...doc,
    racks: [...doc.racks, ...added.map((s) => s.rack)],
    power: [...doc.power, ...added.flatMap((s) => s.circuits)],
  };
  const ids = [...refill, ...added.map((s) => s.rack.id)];
  if (ids.length === 0) return staged;
  return applyScenario(staged, {
    id: 'fill',
    name: 'fill',
    rules: [{ id: 'fill', scope: { kind: 'racks', ids }, match: 'any', action: { kind: 'replace', config } }],
  }).doc;
}

function planSlots(
  doc: ProjectDocument,
  rowIds: readonly string[],
  config: RackConfig,
  catalog: CatalogView,
  notes: string[],
): Slot[] {
  const ids = allEntityIds(doc);
  const fresh = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const perRow: Slot[][] = [];
  for (const rowId of rowIds) {
    const row = doc.rows.find((r) => r.id === rowId);
    if (!row) continue;
    const members = doc.racks.filter((r) => r.rowId === rowId);
    const reference = [...members].reverse().find((r) => r.feeds.a !== null || r.feeds.b !== null) ?? members.at(-1);
    if (!reference) {
      notes.push(`Row ${row.name} has no rack to continue: place its first rack by hand.`);
      continue;
    }
    const slots: Slot[] = members
      .filter((r) => r.devices.length === 0)
      .map((rack) => ({ rack, circuits: [], isNew: false }));
    const names = new RackNames(doc, members);
    for (const position of rowExtension(doc, reference, members, config, catalog)) {
      const name = names.next();
      const rackId = fresh(`rack-${name}`);
      const circuits: Circuit[] = [];
      const feeds = { a: null as string | null, b: null as string | null };
      for (const side of ['a', 'b'] as const) {
        const model = doc.power.find((p): p is Circuit => p.id === reference.feeds[side] && p.kind === 'circuit');
        if (!model) continue;
        const circuit: Circuit = {
          ...model,
          id: fresh(`ckt-${name}-${side}`),
          name: `${name} ${side.toUpperCase()}`,
          existing: false,
        };
        circuits.push(circuit);
        feeds[side] = circuit.id;
      }
      const rack = newRack({
        id: rackId,
        name,
        hallId: reference.hallId,
        rowId,
        rackTypeId: config.rackTypeId ?? reference.rackTypeId,
        position,
        rotationDeg: reference.rotationDeg,
        feeds,
        redundancy: reference.redundancy,
        liquidLoopId: reference.liquidLoopId,
        tenantId: reference.tenantId,
        requiredClass: reference.requiredClass,
      });
      slots.push({ rack, circuits, isNew: true });
    }
    perRow.push(slots);
  }
  // Rows take turns, so that a limit on one row's distribution does not stop the others early.
  const out: Slot[] = [];
  for (let i = 0; perRow.some((s) => i < s.length); i++)
    for (const s of perRow) {
      const slot = s[i];
      if (slot) out.push(slot);
    }
  return out;
}

/** Names that continue a row's numbering: A-02-12 → A-02-13, A-02-14, … (else "<row> fill 1", …). */
class RackNames {
  private readonly used: Set<string>;
  private readonly prefix: string;
  private n: number;
  private readonly width: number;

  constructor(doc: ProjectDocument, members: readonly Rack[]) {
    this.used = new Set(doc.racks.map((r) => r.name));
    const numbered = members.map((r) => /^(.*?)(\d+)$/.exec(r.name)).filter((m) => m !== null);
    const first = numbered[0];
    this.prefix = first ? first[1]! : `${members[0]?.name ?? 'Rack'} fill `;
    this.width = first ? first[2]!.length : 1;
    this.n = Math.max(0, ...numbered.filter((m) => m[1] === this.prefix).map((m) => Number(m[2])));
  }

  next(): string {
    let name: string;
    do name = `${this.prefix}${String(++this.n).padStart(this.width, '0')}`;
    while (this.used.has(name));
    this.used.add(name);
    return name;
  }
}

/**
 * Free positions continuing a row at both ends, nearest first, alternating ends. A position is
 * free when the new rack's footprint lies inside the hall with the end clearance and overlaps no
 * rack and no floor-standing cooling unit.
 */
function rowExtension(
  doc: ProjectDocument,
  reference: Rack,
  members: readonly Rack[],
  config: RackConfig,
  catalog: CatalogView,
): { x: number; y: number }[] {
  const hall = doc.halls.find((h) => h.id === reference.hallId);
  const type = catalog.rackType(config.rackTypeId ?? reference.rackTypeId);
  if (!hall || !type) return [];
  const alongX = reference.rotationDeg % 180 === 0;
  const pitch = type.widthM;
  const clearance = doc.settings.cooling.minHotAisleM;
  const obstacles = [
    ...doc.racks.filter((r) => r.hallId === hall.id).map((r) => rackBox(r, catalog)),
    ...doc.cooling.flatMap((u) =>
      (u.kind === 'air-handler' || u.kind === 'cdu' || u.kind === 'immersion-tank') && u.hallId === hall.id
        ? [footprint(u.position, u.widthM, u.depthM, u.rotationDeg)]
        : [],
    ),
  ];
  const along = (r: Rack) => (alongX ? r.position.x : r.position.y);
  const halfOf = (r: Rack) => (catalog.rackType(r.rackTypeId)?.widthM ?? pitch) / 2;
  const low = Math.min(...members.map((r) => along(r) - halfOf(r)));
  const high = Math.max(...members.map((r) => along(r) + halfOf(r)));
  const across = alongX ? reference.position.y : reference.position.x;
  const limit = alongX ? hall.width : hall.depth;
  const probe = (centre: number) => {
    const position = alongX ? { x: centre, y: across } : { x: across, y: centre };
    const box = rackBox({ ...reference, rackTypeId: type.id, position }, catalog);
    const inside =
      box.minX >= (alongX ? clearance : 0) - 1e-9 &&
      box.maxX <= hall.width - (alongX ? clearance : 0) + 1e-9 &&
      box.minY >= (alongX ? 0 : clearance) - 1e-9 &&
      box.maxY <= hall.depth - (alongX ? 0 : clearance) + 1e-9;
    const clear = obstacles.every((o) => !overlaps(o, box));
    return inside && clear ? position : null;
  };
  const up: { x: number; y: number }[] = [];
  for (let c = high + pitch / 2; c + pitch / 2 <= limit; c += pitch) {
    const p = probe(c);
    if (!p) break;
    up.push(p);
  }
  const down: { x: number; y: number }[] = [];
  for (let c = low - pitch / 2; c - pitch / 2 >= 0; c -= pitch) {
    const p = probe(c);
    if (!p) break;
    down.push(p);
  }
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < Math.max(up.length, down.length); i++) {
    if (up[i]) out.push(up[i]!);
    if (down[i]) out.push(down[i]!);
  }
  return out;
}

interface Rect {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function footprint(c: { x: number; y: number }, w: number, d: number, rotationDeg: number): Rect {
  const turned = rotationDeg % 180 !== 0;
  const ex = (turned ? d : w) / 2;
  const ey = (turned ? w : d) / 2;
  return { minX: c.x - ex, maxX: c.x + ex, minY: c.y - ey, maxY: c.y + ey };
}

/** Strict overlap: racks that touch side by side do not collide. */
function overlaps(a: Rect, b: Rect): boolean {
  const eps = 1e-6;
  return a.minX < b.maxX - eps && b.minX < a.maxX - eps && a.minY < b.maxY - eps && b.minY < a.maxY - eps;
}
