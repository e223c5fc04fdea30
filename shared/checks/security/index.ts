/**
 * The security engine (docs/engine/security.md): the graph of zones and doors with its rules
 * SEC-1…SEC-9 (figures.md §4.6), where racks and plant stand in the zoning, tenant separation
 * and camera coverage. Data in, findings and metrics out.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument, Rack } from '../../model/schema';
import type { Finding } from '../types';
import { buildSecurityGraph, doorCoverage, type DoorCoverage, type SecurityGraph } from './graph';
import { modelFindings, plantFindings, rackFindings, violationFindings } from './findings';
import { routesFromOutside, type Route } from './paths';
import {
  indexZones,
  placePlant,
  placeRacks,
  type PlantPlacement,
  type RackPlacement,
  type ZoneIndex,
} from './placement';
import { evaluateGraph, type Violation } from './rules';

export interface SecurityMetrics {
  /** Whether the document models any zones (without them nothing is checked). */
  modelled: boolean;
  graph: SecurityGraph;
  /** Cheapest way in from outside to every reachable zone. */
  routes: Map<string, Route>;
  racks: ReadonlyMap<string, RackPlacement>;
  plant: PlantPlacement[];
  coverage: Map<string, DoorCoverage>;
  violations: Violation[];
}

export function runSecurityChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
): { findings: Finding[]; metrics: SecurityMetrics } {
  const site = runSecuritySite(doc);
  const racks = runSecurityRacks(doc, catalog, site.zones, site.metrics.modelled);
  return { findings: [...site.findings, ...racks.findings], metrics: { ...site.metrics, racks: racks.placements } };
}

/** The zoning itself: the graph of zones and doors, routes, plant and the model's gaps. Racks play no part. */
export function runSecuritySite(doc: ProjectDocument): {
  findings: Finding[];
  metrics: Omit<SecurityMetrics, 'racks'>;
  zones: ZoneIndex;
} {
  const coverage = doorCoverage(doc);
  const graph = buildSecurityGraph(doc, coverage);
  const routes = routesFromOutside(graph);
  const zones = indexZones(doc.zones);
  const plant = placePlant(doc, zones);
  const modelled = doc.zones.length > 0;
  const violations = modelled ? evaluateGraph(graph, doc.settings.security, routes) : [];
  const metrics = { modelled, graph, routes, plant, coverage, violations };
  // Without zones there is nothing to prove: the security panel says so rather than a finding.
  if (!modelled) return { findings: [], metrics, zones };
  return {
    findings: [
      ...violationFindings(violations, doc, graph),
      ...plantFindings(plant, zones),
      ...modelFindings(doc, zones, graph, routes),
    ],
    metrics,
    zones,
  };
}

/**
 * Where racks stand in the zoning and what that breaks. A rack stands in a zone of its own hall,
 * and every finding groups racks by zone or hall, so a document of one hall gives that hall's
 * placements and findings.
 */
export function runSecurityRacks(
  doc: ProjectDocument,
  catalog: CatalogView,
  zones: ZoneIndex,
  modelled: boolean,
  last?: LastRackZoning | null,
): { findings: readonly Finding[]; placements: Map<string, RackPlacement> } {
  const placements = placeRacks(doc, catalog, zones);
  if (last && sameRackZoning(last, doc.racks, placements)) return { findings: last.findings, placements };
  return { findings: modelled ? rackFindings(doc, placements, zones) : [], placements };
}

/** The racks' zoning findings of a document of the same zones, with its racks and their placements. */
export interface LastRackZoning {
  racks: readonly Rack[];
  placements: ReadonlyMap<string, RackPlacement>;
  findings: readonly Finding[];
}

/**
 * Whether the racks' zoning findings read the same as `last`'s: racks that are the same objects at
 * the same places, or of the same id, hall, name and tenant placed alike (zone, edges straddled,
 * class needed) — all the findings read of a rack (findings.ts `rackFindings`). A device edit
 * rarely changes the class a rack needs.
 */
function sameRackZoning(last: LastRackZoning, racks: readonly Rack[], placements: ReadonlyMap<string, RackPlacement>) {
  if (last.racks.length !== racks.length) return false;
  for (let k = 0; k < racks.length; k++) {
    const x = last.racks[k]!;
    const y = racks[k]!;
    if (x === y) continue;
    if (x.id !== y.id || x.hallId !== y.hallId || x.name !== y.name || x.tenantId !== y.tenantId) return false;
    const p = last.placements.get(x.id)!;
    const q = placements.get(y.id)!;
    if (p === q) continue;
    if (p.zoneId !== q.zoneId || p.required !== q.required || p.straddles.length !== q.straddles.length) return false;
    for (let m = 0; m < p.straddles.length; m++) if (p.straddles[m] !== q.straddles[m]) return false;
  }
  return true;
}

export { RULES, describeRoute } from './findings';
export { OUTSIDE, AUTHENTICATED, TWO_FACTOR } from './graph';
export type { DoorCoverage, SecurityGraph, ZoneNode, DoorEdge } from './graph';
export type { Route } from './paths';
export type { RackPlacement, PlantPlacement, ZoneIndex } from './placement';
export type { Violation, GraphRule } from './rules';
export { evaluateGraph } from './rules';
