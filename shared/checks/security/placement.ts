/**
 * Where things stand in the zoning: each rack's zone (the innermost drawn zone that holds its
 * whole footprint), the class it needs, and where plant stands (SEC-5). Drawn zones lie in a
 * hall: the whole hall (no polygon) or a polygon of its plan. Nesting depth (the length of the
 * `parentId` chain) decides which of several zones holding a rack is the innermost.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument, ProtectionClass, Rack, Zone } from '../../model/schema';
import { groupBy } from '../../collections';
import { keptRackBoxes } from '../cooling/layout';
import { boxInPolygon, pointInPolygon, type PlanBox } from './plan';

export interface RackPlacement {
  /** Innermost zone holding the whole footprint, or null. */
  zoneId: string | null;
  /** Drawn zones whose edge cuts the footprint: the rack straddles them. */
  straddles: string[];
  required: ProtectionClass;
  /** Where the required class comes from. */
  requiredBy: 'rack' | 'tenant' | 'content';
}

export interface ZoneIndex {
  byId: Map<string, Zone>;
  depth: Map<string, number>;
  /** Zones drawn in each hall, innermost first. */
  drawnByHall: Map<string, Zone[]>;
}

export function indexZones(zones: readonly Zone[]): ZoneIndex {
  const byId = new Map(zones.map((z) => [z.id, z]));
  const depth = new Map<string, number>();
  const depthOf = (z: Zone): number => {
    let d = 0;
    // The schema refuses loops; the bound keeps a malformed chain from spinning.
    for (let p = z.parentId; p !== null && d < zones.length; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  for (const z of zones) depth.set(z.id, depthOf(z));
  const drawnByHall = groupBy(
    zones.filter((z) => z.hallId !== null),
    (z) => z.hallId!,
  );
  // Innermost first; among equals the lower class, so a tie never flatters the layout.
  for (const list of drawnByHall.values())
    list.sort((a, b) => depth.get(b.id)! - depth.get(a.id)! || a.protectionClass - b.protectionClass);
  return { byId, depth, drawnByHall };
}

/** The innermost zone of a hall holding a point, or null. */
export function zoneAtPoint(index: ZoneIndex, hallId: string, p: { x: number; y: number }): Zone | null {
  for (const z of index.drawnByHall.get(hallId) ?? []) if (z.polygon === null || pointInPolygon(p, z.polygon)) return z;
  return null;
}

function zoneOfBox(index: ZoneIndex, hallId: string, box: PlanBox): { zone: Zone | null; straddles: string[] } {
  const straddles: string[] = [];
  let zone: Zone | null = null;
  for (const z of index.drawnByHall.get(hallId) ?? []) {
    const fit = z.polygon === null ? 'inside' : boxInPolygon(box, z.polygon);
    if (fit === 'partial') straddles.push(z.id);
    else if (fit === 'inside' && zone === null) zone = z;
  }
  return { zone, straddles };
}

/**
 * The class a rack needs: its own, else its tenant's, else by what it holds: GPUs (servers or
 * ex-mining rigs) take `gpuRackClass`, miners `minerRackClass`, anything else `otherRackClass`.
 */
export function requiredClass(
  rack: Rack,
  doc: Pick<ProjectDocument, 'tenants' | 'settings'>,
  catalog: CatalogView,
  tenants = new Map(doc.tenants.map((t) => [t.id, t])),
): Pick<RackPlacement, 'required' | 'requiredBy'> {
  if (rack.requiredClass !== null) return { required: rack.requiredClass, requiredBy: 'rack' };
  const tenant = rack.tenantId === null ? undefined : tenants.get(rack.tenantId);
  if (tenant) return { required: tenant.requiredClass, requiredBy: 'tenant' };
  const rules = doc.settings.security;
  // What the rack holds, in one pass over its devices (this runs for every rack).
  let gpu = false;
  let miner = false;
  for (const d of rack.devices) {
    const category = catalog.device(d.catalogId)?.category;
    if (category === 'gpu-server' || category === 'gpu-rig') gpu = true;
    else if (category === 'miner') miner = true;
  }
  const required = gpu ? rules.gpuRackClass : miner ? rules.minerRackClass : rules.otherRackClass;
  return { required, requiredBy: 'content' };
}

/**
 * Each rack's placement as last worked out, per zone index, while what it reads besides the rack is
 * the same: the catalog (its footprint), the tenants and the security rules (its class). An edit of
 * one rack places its hall's few hundred racks again.
 */
const placedBefore = new WeakMap<
  ZoneIndex,
  {
    catalog: CatalogView;
    tenants: ProjectDocument['tenants'];
    rules: ProjectDocument['settings']['security'];
    racks: WeakMap<Rack, RackPlacement>;
  }
>();

export function placeRacks(doc: ProjectDocument, catalog: CatalogView, index: ZoneIndex): Map<string, RackPlacement> {
  let kept = placedBefore.get(index);
  if (!kept || kept.catalog !== catalog || kept.tenants !== doc.tenants || kept.rules !== doc.settings.security) {
    kept = { catalog, tenants: doc.tenants, rules: doc.settings.security, racks: new WeakMap() };
    placedBefore.set(index, kept);
  }
  let tenants: Map<string, ProjectDocument['tenants'][number]> | null = null;
  const boxOf = keptRackBoxes(catalog);
  const out = new Map<string, RackPlacement>();
  for (const rack of doc.racks) {
    let placed = kept.racks.get(rack);
    if (!placed) {
      const { zone, straddles } = zoneOfBox(index, rack.hallId, boxOf(rack));
      tenants ??= new Map(doc.tenants.map((t) => [t.id, t]));
      const { required, requiredBy } = requiredClass(rack, doc, catalog, tenants);
      // Written out rather than spread in: V8 copies a spread and then adds fields one by one,
      // several times slower on 10,000 racks.
      placed = { zoneId: zone?.id ?? null, straddles, required, requiredBy };
      kept.racks.set(rack, placed);
    }
    out.set(rack.id, placed);
  }
  return out;
}

/** Equipment SEC-5 wants in class ≥ 3: switchgear, UPSs, air handlers, fan walls, CDUs, heat rejection. */
export interface PlantPlacement {
  id: string;
  name: string;
  what: string;
  zoneId: string | null;
}

const HANDLER_WORDS = { crah: 'CRAH', crac: 'CRAC', inrow: 'in-row cooler' } as const;

export function placePlant(doc: ProjectDocument, index: ZoneIndex): PlantPlacement[] {
  const out: PlantPlacement[] = [];
  const wholeHall = (hallId: string) => index.drawnByHall.get(hallId)?.find((z) => z.polygon === null)?.id ?? null;
  for (const p of doc.power) {
    if (p.kind === 'switchgear') out.push({ id: p.id, name: p.name, what: 'switchgear', zoneId: p.zoneId });
    if (p.kind === 'ups')
      out.push({
        id: p.id,
        name: p.name,
        what: 'UPS',
        zoneId: p.zoneId ?? (p.hallId === null ? null : wholeHall(p.hallId)),
      });
  }
  for (const u of doc.cooling) {
    if (u.kind === 'heat-rejection') out.push({ id: u.id, name: u.name, what: u.type, zoneId: u.zoneId });
    if (u.kind === 'air-handler' || u.kind === 'fan-wall' || u.kind === 'cdu')
      out.push({
        id: u.id,
        name: u.name,
        what: u.kind === 'air-handler' ? HANDLER_WORDS[u.type] : u.kind === 'cdu' ? 'CDU' : 'fan wall',
        zoneId: zoneAtPoint(index, u.hallId, u.position)?.id ?? null,
      });
  }
  return out;
}
