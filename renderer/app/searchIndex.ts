/**
 * Find by name: every named entity a user looks for (racks, rows, halls, buildings, power
 * components, cooling units, zones, doors, cameras) in one flat index built once per document,
 * then matched case-insensitively and ranked, best first. A query scans the index once and keeps
 * only the best `limit` matches, so 10,000 racks answer within a keystroke.
 */
import type { PowerComponent, ProjectDocument } from '../../shared/index';

export interface SearchEntry {
  id: string;
  name: string;
  /** What it is, as the result list says it: "Rack", "UPS", "Zone". */
  kind: string;
  /** The hall a pick makes active; null for what stands outside the halls. */
  hallId: string | null;
  /** Where it is: "Hall A · Row 02". */
  where: string;
  /** `name` in lower case, matched against. */
  lower: string;
}

const POWER_KIND: Record<PowerComponent['kind'], string> = {
  utility: 'Utility',
  generator: 'Generator',
  transformer: 'Transformer',
  switchgear: 'Switchboard',
  ups: 'UPS',
  distribution: 'Distribution',
  circuit: 'Circuit',
  mechanical: 'Facility load',
};

export function buildSearchIndex(doc: ProjectDocument): SearchEntry[] {
  const hallName = new Map(doc.halls.map((h) => [h.id, h.name]));
  const buildingName = new Map(doc.buildings.map((b) => [b.id, b.name]));
  const rowName = new Map(doc.rows.map((r) => [r.id, r.name]));
  const rackHall = new Map(doc.racks.map((r) => [r.id, r.hallId]));
  const out: SearchEntry[] = [];
  const add = (id: string, name: string, kind: string, hallId: string | null, where: string) =>
    out.push({ id, name, kind, hallId, where, lower: name.toLowerCase() });
  const inHall = (hallId: string | null) => (hallId === null ? 'outside the halls' : (hallName.get(hallId) ?? ''));

  for (const b of doc.buildings) add(b.id, b.name, 'Building', null, 'site');
  for (const h of doc.halls)
    add(h.id, h.name, 'Hall', h.id, h.buildingId === null ? 'no building' : (buildingName.get(h.buildingId) ?? ''));
  for (const r of doc.rows) add(r.id, r.name, 'Row', r.hallId, inHall(r.hallId));
  for (const r of doc.racks) {
    const row = r.rowId === null ? undefined : rowName.get(r.rowId);
    add(r.id, r.name, 'Rack', r.hallId, row ? `${inHall(r.hallId)} · ${row}` : inHall(r.hallId));
  }
  // A rack circuit is found where its rack stands.
  const circuitRack = new Map<string, (typeof doc.racks)[number]>();
  for (const r of doc.racks) for (const c of [r.feeds.a, r.feeds.b]) if (c !== null) circuitRack.set(c, r);
  for (const p of doc.power) {
    const rack = circuitRack.get(p.id);
    const hallId = rack ? rack.hallId : p.kind === 'ups' ? p.hallId : null;
    const where = rack ? `${inHall(hallId)} · feeds ${rack.name}` : hallId === null ? 'power chain' : inHall(hallId);
    add(p.id, p.name, POWER_KIND[p.kind], hallId, where);
  }
  for (const u of doc.cooling) {
    const hallId = 'hallId' in u ? u.hallId : u.kind === 'rear-door' ? (rackHall.get(u.rackId) ?? null) : null;
    add(u.id, u.name, 'Cooling', hallId, inHall(hallId));
  }
  for (const z of doc.zones) add(z.id, z.name, 'Zone', z.hallId, inHall(z.hallId));
  for (const d of doc.doors) add(d.id, d.name, 'Door', d.hallId, inHall(d.hallId));
  for (const c of doc.cameras) add(c.id, c.name, 'Camera', c.hallId, inHall(c.hallId));
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * How well `lower` matches: 0 the whole name, 1 its start, 2 the start of a word in it, 3 anywhere
 * in it, 4 every word of the query somewhere in it; null for no match.
 */
export function matchTier(lower: string, query: string, words: readonly string[]): number | null {
  const at = lower.indexOf(query);
  if (at === 0) return lower.length === query.length ? 0 : 1;
  if (at > 0) {
    // A word starts after anything that is not a letter or digit: "row 02", "a-03-12", "(dgx".
    for (let i = at; i > 0; i = lower.indexOf(query, i + 1)) if (!WORD_CHAR.test(lower[i - 1]!)) return 2;
    return 3;
  }
  return words.length > 1 && words.every((w) => lower.includes(w)) ? 4 : null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

interface Hit {
  entry: SearchEntry;
  tier: number;
}

// Better tier first, then the shorter name (the closer match), then natural order ("R-2" < "R-10").
const better = (a: Hit, b: Hit) =>
  a.tier - b.tier || a.entry.name.length - b.entry.name.length || collator.compare(a.entry.name, b.entry.name);

/** The best `limit` entries for `text`, best first, and how many matched in all. */
export function searchEntities(
  index: readonly SearchEntry[],
  text: string,
  limit = 50,
): { results: SearchEntry[]; total: number } {
  const query = text.trim().toLowerCase();
  if (query === '') return { results: [], total: 0 };
  const words = query.split(/\s+/);
  const best: Hit[] = [];
  let total = 0;
  for (const entry of index) {
    const tier = matchTier(entry.lower, query, words);
    if (tier === null) continue;
    total++;
    const hit = { entry, tier };
    if (best.length === limit && better(hit, best[limit - 1]!) >= 0) continue;
    // Binary insertion keeps `best` sorted without sorting every match.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(best[mid]!, hit) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, hit);
    if (best.length > limit) best.pop();
  }
  return { results: best.map((h) => h.entry), total };
}
