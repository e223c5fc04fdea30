/**
 * The security graph: zones are nodes, doors are edges (docs/engine/security.md). Outside the
 * site is one more node, OUTSIDE, of protection class 0. What a door offers is resolved here once
 * from the document (its control, whether its interlocked partner makes it a mantrap, whether a
 * camera sees it), so that the rules read plain facts and can be tested on a graph alone, as
 * worked case 11 states it.
 */
import type { DoorControl, ProjectDocument, ZoneKind } from '../../model/schema';
import { groupBy } from '../../collections';
import { cameraSees } from './cctv';

export const OUTSIDE = '(outside)';

export interface ZoneNode {
  id: string;
  name: string;
  /** EN 50600-1 protection class; 0 outside the site. */
  cls: number;
  kind: ZoneKind | 'outside';
}

export interface DoorEdge {
  id: string;
  name: string;
  /** Node ids of its two sides (OUTSIDE for outside the site). */
  a: string;
  b: string;
  control: DoorControl;
  /** Part of an interlocked pair whose two doors share a zone: a mantrap vestibule. */
  interlocked: boolean;
  egressOnly: boolean;
  emergencyExit: boolean;
  alarmed: boolean;
  /** In some camera's view, drawn or declared. */
  cctv: boolean;
}

export interface SecurityGraph {
  zones: Map<string, ZoneNode>;
  doors: DoorEdge[];
}

/** Controls that identify who passes and log it (NIST SP 800-53 PE-3a/b): a key does neither. */
export const AUTHENTICATED: ReadonlySet<DoorControl> = new Set(['card', 'card-pin', 'biometric', 'guard', 'mantrap']);
/** Two factors at the reader: something held and something known or something one is. */
export const TWO_FACTOR: ReadonlySet<DoorControl> = new Set(['card-pin', 'biometric']);

export const classOf = (g: SecurityGraph, node: string): number => g.zones.get(node)?.cls ?? 0;

/** The higher- and lower-class sides of a door (for equal classes, a then b). */
export function sides(g: SecurityGraph, d: DoorEdge): { hi: string; lo: string } {
  return classOf(g, d.b) > classOf(g, d.a) ? { hi: d.b, lo: d.a } : { hi: d.a, lo: d.b };
}

export interface DoorCoverage {
  /** Cameras drawn in the plan that see the door. */
  cameras: string[];
  declared: boolean;
}

/** Which cameras see each door drawn in a hall (a door not drawn can only be declared covered). */
export function doorCoverage(doc: ProjectDocument): Map<string, DoorCoverage> {
  const walls = groupBy(doc.walls, (w) => w.hallId);
  const cameras = groupBy(doc.cameras, (c) => c.hallId);
  const out = new Map<string, DoorCoverage>();
  for (const d of doc.doors) {
    const seeing =
      d.hallId === null
        ? []
        : (cameras.get(d.hallId) ?? []).filter((c) => cameraSees(c, d.position, walls.get(d.hallId!) ?? []));
    out.set(d.id, { cameras: seeing.map((c) => c.id), declared: d.cctvDeclared });
  }
  return out;
}

/**
 * The graph of a document. Doors that join no zone on either side (not yet placed in the zoning)
 * are left out; the checks report them.
 */
export function buildSecurityGraph(doc: ProjectDocument, coverage = doorCoverage(doc)): SecurityGraph {
  const zones = new Map<string, ZoneNode>([[OUTSIDE, { id: OUTSIDE, name: 'outside', cls: 0, kind: 'outside' }]]);
  for (const z of doc.zones) zones.set(z.id, { id: z.id, name: z.name, cls: z.protectionClass, kind: z.kind });
  const byId = new Map(doc.doors.map((d) => [d.id, d]));
  const partners = new Map<string, Set<string>>();
  const link = (x: string, y: string) => {
    if (!partners.has(x)) partners.set(x, new Set());
    partners.get(x)!.add(y);
  };
  for (const d of doc.doors)
    if (d.interlockId !== null && byId.has(d.interlockId)) {
      link(d.id, d.interlockId);
      link(d.interlockId, d.id);
    }
  const node = (z: string | null) => z ?? OUTSIDE;
  const doors: DoorEdge[] = [];
  for (const d of doc.doors) {
    if (d.zoneA === null && d.zoneB === null) continue;
    const mine = [node(d.zoneA), node(d.zoneB)];
    // A mantrap's two doors both open onto its vestibule: they share a side.
    const interlocked = [...(partners.get(d.id) ?? [])].some((p) => {
      const o = byId.get(p)!;
      return mine.some((z) => z !== OUTSIDE && (node(o.zoneA) === z || node(o.zoneB) === z));
    });
    const cover = coverage.get(d.id);
    doors.push({
      id: d.id,
      name: d.name,
      a: mine[0]!,
      b: mine[1]!,
      control: d.control,
      interlocked,
      egressOnly: d.egressOnly,
      emergencyExit: d.emergencyExit,
      alarmed: d.alarmed,
      cctv: cover !== undefined && (cover.declared || cover.cameras.length > 0),
    });
  }
  return { zones, doors };
}
