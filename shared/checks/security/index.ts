/**
 * The security engine (docs/engine/security.md): the graph of zones and doors with its rules
 * SEC-1…SEC-9 (figures.md §4.6), where racks and plant stand in the zoning, tenant separation
 * and camera coverage. Data in, findings and metrics out.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
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
): { findings: Finding[]; placements: Map<string, RackPlacement> } {
  const placements = placeRacks(doc, catalog, zones);
  return { findings: modelled ? rackFindings(doc, placements, zones) : [], placements };
}

export { RULES, describeRoute } from './findings';
export { OUTSIDE, AUTHENTICATED, TWO_FACTOR } from './graph';
export type { DoorCoverage, SecurityGraph, ZoneNode, DoorEdge } from './graph';
export type { Route } from './paths';
export type { RackPlacement, PlantPlacement, ZoneIndex } from './placement';
export type { Violation, GraphRule } from './rules';
export { evaluateGraph } from './rules';
