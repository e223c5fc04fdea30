/**
 * One hall's share of a document for the thermal simulation: everything `simulateThermal` reads to
 * solve that hall, and nothing of the other halls (docs/engine/thermal.md, "Halls are independent").
 *
 * Each hall is solved on its own grid whose outline is closed (walls, doors and the slab are not
 * openings in this model), so no air and no heat passes between halls. Its model (hallModel.ts)
 * reads the hall itself; the racks, air units, CDU and tank bodies, walls and containments standing
 * in it; for each of its racks, the rear door on it and the kind (CDU or immersion tank) of the
 * liquid loop it names, wherever that unit stands (its capacity is not read); and the settings and
 * custom catalog, which are the whole document's. So a hall's result is a function of this
 * sub-document alone: the app sends it to a worker instead of the whole campus, and an edit
 * re-runs only the halls whose sub-document changed (`hallInputsChanged`).
 */
import { sameItems } from '../collections';
import type { ProjectDocument } from '../model/schema';

/**
 * Top-level parts the simulation never reads (no module of shared/thermal, nor rackThermal or the
 * catalog, touches them; rows only name racks, which carry their rowId): empty in the sub-document.
 */
const UNREAD = [
  'buildings',
  'rows',
  'doors',
  'power',
  'zones',
  'tenants',
  'cameras',
  'quotes',
  'scenarios',
  'tours',
] as const satisfies readonly (keyof ProjectDocument)[];

/** Parts split by hall: each sub-document holds its hall's items, in document order. */
type Split = Pick<ProjectDocument, 'halls' | 'racks' | 'cooling' | 'walls' | 'containments'>;

const partitions = new WeakMap<ProjectDocument, Map<string, ProjectDocument>>();

/**
 * The sub-document of every hall with racks, by hall id, computed once per document object (edits
 * make new documents; one pass over the racks, units, walls and containments). Cooling units that
 * stand in no hall (heat rejection) are left out: no hall's model reads them.
 */
export function thermalHallDocuments(doc: ProjectDocument): ReadonlyMap<string, ProjectDocument> {
  const cached = partitions.get(doc);
  if (cached) return cached;
  const parts = new Map<string, Split>();
  for (const hall of doc.halls)
    parts.set(hall.id, { halls: [hall], racks: [], cooling: [], walls: [], containments: [] });
  // Rear doors stand on racks, not in halls: they go with their rack (few doors, so no map of every rack).
  const doorsByRack = new Map<string, ProjectDocument['cooling']>();
  for (const u of doc.cooling) {
    if (u.kind !== 'rear-door') continue;
    const list = doorsByRack.get(u.rackId);
    if (list) list.push(u);
    else doorsByRack.set(u.rackId, [u]);
  }
  for (const u of doc.cooling) if ('hallId' in u) parts.get(u.hallId)?.cooling.push(u);
  for (const r of doc.racks) {
    const part = parts.get(r.hallId);
    if (!part) continue;
    part.racks.push(r);
    const doors = doorsByRack.get(r.id);
    if (doors) part.cooling.push(...doors);
  }
  const units = new Map(doc.cooling.map((u) => [u.id, u]));
  for (const part of parts.values()) {
    // A rack's loop may stand in another hall: its kind decides where the rack's heat goes.
    const own = new Set(part.cooling.map((u) => u.id));
    for (const r of part.racks) {
      if (r.liquidLoopId === null || own.has(r.liquidLoopId)) continue;
      const loop = units.get(r.liquidLoopId);
      if (loop) {
        part.cooling.push(loop);
        own.add(loop.id);
      }
    }
  }
  for (const w of doc.walls) parts.get(w.hallId)?.walls.push(w);
  for (const c of doc.containments) parts.get(c.hallId)?.containments.push(c);
  const out = new Map<string, ProjectDocument>();
  const empty = Object.fromEntries(UNREAD.map((k) => [k, []])) as unknown as Pick<
    ProjectDocument,
    (typeof UNREAD)[number]
  >;
  for (const [hallId, part] of parts) if (part.racks.length > 0) out.set(hallId, { ...doc, ...empty, ...part });
  partitions.set(doc, out);
  return out;
}

/** Settings that only change how figures are shown, priced or snapped: the simulation reads none. */
const DISPLAY_SETTINGS = new Set<keyof ProjectDocument['settings']>([
  'units',
  'currency',
  'tariffPerKwh',
  'gridM',
  'security',
  'electricalCode',
]);

/**
 * Whether two sub-documents of the same hall (thermalHallDocuments) differ in anything the
 * simulation reads. Edits are immer patches, so untouched items keep their identity and comparing
 * them by reference is exact for edits. Parts not known to be unread count, including any part
 * added to the format later: such a change makes results stale, never wrong.
 */
export function hallInputsChanged(a: ProjectDocument, b: ProjectDocument): boolean {
  if (a === b) return false;
  for (const key of Object.keys(b) as (keyof ProjectDocument)[]) {
    if (key === 'name' || (UNREAD as readonly string[]).includes(key)) continue;
    if (key === 'settings') {
      if (a.settings === b.settings) continue;
      for (const s of Object.keys(b.settings) as (keyof ProjectDocument['settings'])[])
        if (!DISPLAY_SETTINGS.has(s) && a.settings[s] !== b.settings[s]) return true;
      continue;
    }
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y) ? !sameItems<unknown>(x, y) : x !== y) return true;
  }
  return false;
}
