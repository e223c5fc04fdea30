/** Security findings: rule violations and placements turned into messages with their basis. */
import { pushTo } from '../../collections';
import type { ProjectDocument } from '../../model/schema';
import { plural } from '../../text';
import { finding, type Finding } from '../types';
import type { SecurityGraph } from './graph';
import type { Route } from './paths';
import type { PlantPlacement, RackPlacement, ZoneIndex } from './placement';
import type { GraphRule, Violation } from './rules';

interface RuleText {
  fix: string;
  formula: string;
  source: string;
}

const EN50600 = 'EN 50600-1 protection classes and EN 50600-2-5 shell principle (figures.md §4.2)';

export const RULES: Record<GraphRule | 'SEC-5', RuleText> = {
  'SEC-1': {
    fix: 'step up one class at a time: put a room of the class between (a vestibule, corridor or cage) on this way in',
    formula: '|class(a) − class(b)| ≤ 1 for every door that is not egress-only',
    source: `SEC-1; ${EN50600}; TÜV NORD TSI v4.3`,
  },
  'SEC-2': {
    fix: 'fit a card reader (or a guard post) that logs entries',
    formula: 'control ∈ {card, card + PIN, biometric, guard, mantrap} for every entry into class ≥ 2',
    source: 'SEC-2; NIST SP 800-53 Rev. 5 PE-3a/b; ISO/IEC 27001:2022 A.7.2',
  },
  'SEC-3': {
    fix: 'make this entry a mantrap (interlock it with the vestibule’s other door) or fit a two-factor reader',
    formula: 'entry into class 4: interlocked pair or mantrap portal (or card + PIN / biometric where allowed)',
    source: 'SEC-3; NIST SP 800-53 PE-3; TÜV NORD TSI v4.3 (figures.md §4.6)',
  },
  'SEC-4': {
    fix: 'point a camera at it, or declare the camera that covers it',
    formula: 'distance ≤ range, |bearing − direction| ≤ FOV / 2, no wall on the sight line',
    source: 'SEC-4; NIST SP 800-53 PE-6(1), PE-6(3); ISO/IEC 27001:2022 A.7.4',
  },
  'SEC-5': {
    fix: 'move it into a class-3 plant or electrical room',
    formula: 'class(zone of switchgear, UPS, cooling plant, meet-me room) ≥ 3',
    source: 'SEC-5; TÜV NORD TSI v4.3 level C; ISO/IEC 27001:2022 A.7.11',
  },
  'SEC-6': {
    fix: 'fit exit-only hardware, a door contact and a camera (local fire code decides the exit itself)',
    formula: 'exit from class 3/4 to a lower class: egress-only ∧ alarmed ∧ in a camera’s view',
    source: 'SEC-6; life-safety egress with NIST SP 800-53 PE-6(1)',
  },
  'SEC-7': {
    fix: 'route visitors and deliveries through a class-2/3 corridor or vestibule instead',
    formula: 'no door between a class-1/2 lobby or loading dock and class 4',
    source: 'SEC-7; corollary of SEC-1; NIST SP 800-53 PE-3c',
  },
  'SEC-9': {
    fix: 'add authenticated boundaries on this way in, or close it',
    formula: 'min over ways in of Σ authenticated doors ≥ required (0-1 breadth-first search)',
    source: 'SEC-9; derived from SEC-1 + SEC-2 (figures.md §4.6)',
  },
};

export function violationFindings(violations: readonly Violation[], doc: ProjectDocument, g: SecurityGraph): Finding[] {
  const doorNames = new Map(doc.doors.map((d) => [d.id, d.name]));
  return violations.map((v) => {
    const text = RULES[v.rule];
    const subject =
      v.rule === 'SEC-9' ? (g.zones.get(v.subject)?.name ?? v.subject) : (doorNames.get(v.subject) ?? v.subject);
    const route = v.route ? ` Way in: ${routeText(v.route, doorNames, g)}.` : '';
    return finding({
      rule: `security.${v.rule}`,
      severity: 'error',
      message: `${v.rule}: ${subject} ${v.reason}: ${text.fix}.${route}`,
      entities: [v.subject, ...(v.route ?? []).filter((s) => s !== '(outside)')],
      values: v.values,
      formula: text.formula,
      source: text.source,
      ...(v.route ? { path: v.route } : {}),
    });
  });
}

/** "outside → Site gate → Site compound → Loading door → Hall A". */
export function describeRoute(steps: readonly string[], doc: ProjectDocument, g: SecurityGraph): string {
  return routeText(steps, new Map(doc.doors.map((d) => [d.id, d.name])), g);
}

function routeText(steps: readonly string[], doorNames: Map<string, string>, g: SecurityGraph): string {
  return steps.map((s) => doorNames.get(s) ?? g.zones.get(s)?.name ?? s).join(' → ');
}

export function plantFindings(plant: readonly PlantPlacement[], zones: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const text = RULES['SEC-5'];
  const unplaced = plant.filter((p) => p.zoneId === null);
  for (const p of plant) {
    const zone = p.zoneId === null ? undefined : zones.byId.get(p.zoneId);
    if (zone && zone.protectionClass < 3)
      out.push(
        finding({
          rule: 'security.SEC-5',
          severity: 'error',
          message: `SEC-5: ${p.name} (${p.what}) stands in ${zone.name}, class ${zone.protectionClass}: ${text.fix}.`,
          entities: [p.id, zone.id],
          values: { zoneClass: zone.protectionClass, required: 3 },
          formula: text.formula,
          source: text.source,
        }),
      );
  }
  for (const z of zones.byId.values())
    if (PLANT_ZONES.has(z.kind) && z.protectionClass < 3)
      out.push(
        finding({
          rule: 'security.SEC-5',
          severity: 'error',
          message: `SEC-5: ${z.name} is a ${z.kind} of class ${z.protectionClass}: raise it to class 3 or more.`,
          entities: [z.id],
          values: { zoneClass: z.protectionClass, required: 3 },
          formula: text.formula,
          source: text.source,
        }),
      );
  if (unplaced.length > 0)
    out.push(
      finding({
        rule: 'security.plant-unplaced',
        severity: 'warning',
        message: `${plural(unplaced.length, 'plant item')} ${unplaced.length === 1 ? 'stands' : 'stand'} in no zone (${names(unplaced)}): SEC-5 cannot be proven; say which room each stands in.`,
        entities: unplaced.map((p) => p.id),
        values: { items: unplaced.length },
        formula: text.formula,
        source: text.source,
      }),
    );
  return out;
}

const PLANT_ZONES = new Set(['meet-me-room', 'electrical-room', 'plant-room']);

/** Racks against their zones: outside any zone, straddling an edge, or in too weak a zone; tenants that must be apart. */
export function rackFindings(doc: ProjectDocument, placed: Map<string, RackPlacement>, zones: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const hallNames = new Map(doc.halls.map((h) => [h.id, h.name]));
  // Every rack is placed once; the three groupings (no zone by hall, straddled edges, too weak a
  // zone) are filled in the same pass, each in rack order.
  const unzoned = new Map<string, string[]>();
  const straddling = new Map<string, string[]>();
  const weak = new Map<string, string[]>();
  for (const r of doc.racks) {
    const p = placed.get(r.id)!;
    if (p.zoneId === null && p.straddles.length === 0) pushTo(unzoned, r.hallId, r.id);
    if (p.straddles.length > 0) pushTo(straddling, p.straddles.join(','), r.id);
    const zone = p.zoneId === null ? undefined : zones.byId.get(p.zoneId);
    if (zone && zone.protectionClass < p.required) pushTo(weak, `${zone.id}|${p.required}`, r.id);
  }
  // Rack names only for the findings that list them: a site that passes builds no map of every rack.
  let rackNames: Map<string, string> | null = null;
  const rackList = (ids: readonly string[]) => {
    rackNames ??= new Map(doc.racks.map((r) => [r.id, r.name]));
    const byId = rackNames;
    return names(
      ids.slice(0, NAMES_SHOWN).map((id) => ({ name: byId.get(id) ?? id })),
      ids.length,
    );
  };
  const basis = EN50600;
  for (const [hallId, ids] of unzoned)
    out.push(
      finding({
        rule: 'security.rack-unzoned',
        severity: 'error',
        message: `${plural(ids.length, 'rack')} in ${hallNames.get(hallId) ?? hallId} ${ids.length === 1 ? 'stands' : 'stand'} in no protection zone (${rackList(ids)}): draw the zone that holds them.`,
        entities: ids,
        values: { racks: ids.length },
        formula: 'every rack’s footprint lies inside a zone',
        source: basis,
      }),
    );
  for (const [key, ids] of straddling) {
    const zoneNames = key.split(',').map((z) => zones.byId.get(z)?.name ?? z);
    out.push(
      finding({
        rule: 'security.straddle',
        severity: 'error',
        message: `${plural(ids.length, 'rack')} ${ids.length === 1 ? 'straddles' : 'straddle'} the edge of ${zoneNames.join(' and ')} (${rackList(ids)}): move ${ids.length === 1 ? 'it' : 'them'} or the zone's edge so each rack stands wholly in one zone.`,
        entities: [...ids, ...key.split(',')],
        values: { racks: ids.length },
        formula: 'footprint corners all inside the zone polygon, or all outside it',
        source: basis,
      }),
    );
  }
  for (const [key, ids] of weak) {
    const [zoneId, required] = key.split('|') as [string, string];
    const zone = zones.byId.get(zoneId)!;
    out.push(
      finding({
        rule: 'security.rack-class',
        severity: 'error',
        message: `${plural(ids.length, 'rack')} ${ids.length === 1 ? 'needs' : 'need'} class ${required} but ${ids.length === 1 ? 'stands' : 'stand'} in ${zone.name}, class ${zone.protectionClass} (${rackList(ids)}): move ${ids.length === 1 ? 'it' : 'them'} into a class-${required} zone or raise the zone.`,
        entities: [...ids, zoneId],
        values: { racks: ids.length, required: Number(required), zoneClass: zone.protectionClass },
        formula: 'class(zone holding the rack) ≥ class the rack needs (its own, its tenant’s, or by content)',
        source: `${basis}; ISO/IEC 27001:2022 A.7.8`,
      }),
    );
  }
  out.push(...separationFindings(doc, placed, zones));
  return out;
}

function separationFindings(doc: ProjectDocument, placed: Map<string, RackPlacement>, zones: ZoneIndex): Finding[] {
  // Only a tenant marked separate can be breached: without one, no zone needs its racks sorted.
  if (!doc.tenants.some((t) => t.separate)) return [];
  const tenants = new Map(doc.tenants.map((t) => [t.id, t]));
  const byZone = new Map<string, Map<string | null, string[]>>();
  for (const r of doc.racks) {
    const zoneId = placed.get(r.id)!.zoneId;
    if (zoneId === null) continue;
    if (!byZone.has(zoneId)) byZone.set(zoneId, new Map());
    const m = byZone.get(zoneId)!;
    if (!m.has(r.tenantId)) m.set(r.tenantId, []);
    m.get(r.tenantId)!.push(r.id);
  }
  const out: Finding[] = [];
  for (const [zoneId, m] of byZone) {
    if (m.size < 2) continue;
    const strict = [...m.keys()].filter((t): t is string => t !== null && tenants.get(t)?.separate === true);
    if (strict.length === 0) continue;
    const who = [...m.keys()].map((t) => (t === null ? 'the site’s own racks' : (tenants.get(t)?.name ?? t)));
    out.push(
      finding({
        rule: 'security.tenant-separation',
        severity: 'error',
        message: `${zones.byId.get(zoneId)?.name ?? zoneId} holds racks of ${who.join(', ')}, and ${strict.map((t) => tenants.get(t)!.name).join(', ')} must be kept apart: put a cage (a zone of its own with a controlled door) around them.`,
        entities: [zoneId, ...strict, ...strict.flatMap((t) => m.get(t)!)],
        values: { tenants: m.size },
        formula: 'a tenant marked separate shares no zone with racks of anyone else',
        source: 'ISO/IEC 27001:2022 A.7.3 (securing rooms and facilities); NIST SP 800-53 PE-2(1)',
      }),
    );
  }
  return out;
}

/** Modelling gaps that keep a proof from holding: zones nested downward, doors joining nothing, rooms with no way in. */
export function modelFindings(
  doc: ProjectDocument,
  zones: ZoneIndex,
  g: SecurityGraph,
  routes: Map<string, Route>,
): Finding[] {
  const out: Finding[] = [];
  for (const z of doc.zones) {
    const parent = z.parentId === null ? undefined : zones.byId.get(z.parentId);
    if (parent && z.protectionClass < parent.protectionClass)
      out.push(
        finding({
          rule: 'security.zone-nesting',
          severity: 'warning',
          message: `${z.name} (class ${z.protectionClass}) nests in ${parent.name} (class ${parent.protectionClass}): inner zones protect at least as much as the zones around them.`,
          entities: [z.id, parent.id],
          values: { zoneClass: z.protectionClass, parentClass: parent.protectionClass },
          formula: 'class(zone) ≥ class(parent zone)',
          source: EN50600,
        }),
      );
    if (!routes.has(z.id))
      out.push(
        finding({
          rule: 'security.unreachable',
          severity: 'warning',
          message: `${z.name} has no modelled way in from outside: add the doors that lead to it, or the depth of its protection cannot be proven.`,
          entities: [z.id],
          values: {},
          formula: 'zone reachable from outside through modelled doors',
          source: RULES['SEC-9'].source,
        }),
      );
  }
  const edges = new Map(g.doors.map((d) => [d.id, d]));
  const byId = new Map(doc.doors.map((d) => [d.id, d]));
  for (const d of doc.doors) {
    if (!edges.has(d.id))
      out.push(
        finding({
          rule: 'security.door-unzoned',
          severity: 'warning',
          message: `${d.name} joins no zone: say which zones it connects (or outside), so the checks can see it.`,
          entities: [d.id],
          values: {},
          formula: 'every door names the zones on its two sides',
          source: RULES['SEC-2'].source,
        }),
      );
    const partner = d.interlockId === null ? undefined : byId.get(d.interlockId);
    const edge = edges.get(d.id);
    if (partner && edge && !edge.interlocked)
      out.push(
        finding({
          rule: 'security.interlock',
          severity: 'warning',
          message: `${d.name} is interlocked with ${partner.name}, but they open onto no common room: an interlocked pair is a mantrap only around a vestibule.`,
          entities: [d.id, partner.id],
          values: {},
          formula: 'interlocked doors share a zone (the vestibule)',
          source: RULES['SEC-3'].source,
        }),
      );
  }
  return out;
}

const NAMES_SHOWN = 5;

/** Up to five names, then how many more of `total` (the items may stop at the five shown). */
function names(items: readonly { name: string }[], total = items.length): string {
  const shown = items.slice(0, NAMES_SHOWN).map((i) => i.name);
  return total > NAMES_SHOWN ? `${shown.join(', ')} and ${total - NAMES_SHOWN} more` : shown.join(', ');
}
