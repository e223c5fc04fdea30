/**
 * The graph rules of figures.md §4.6, evaluated on zones and doors alone (docs/engine/security.md
 * has each rule with its basis):
 * - SEC-1 nesting: a door joins classes at most one apart, unless egress-only (EN 50600 shell principle).
 * - SEC-2 reader: a door into a higher class ≥ 2 authenticates and logs (NIST PE-3a/b, ISO A.7.2).
 * - SEC-3 class-4 entry: through a mantrap, or two-factor where the settings allow (PE-3, TSI).
 * - SEC-4 CCTV: access-controlled and exterior doors are in a camera's view (PE-6(1)/(3), ISO A.7.4).
 * - SEC-6 emergency exits: from class 3/4 to a lower class only egress-only, alarmed and watched.
 * - SEC-7 visitor doors: no lobby or loading dock of class 1–2 shares a door with class 4.
 * - SEC-9 depth: at least `minBoundariesClass4` authenticated boundaries from outside to class 4.
 * SEC-5 (where plant stands) and SEC-8 (pipes over electrical) are not graph rules: SEC-5 is in
 * placement.ts, SEC-8 needs pipe routes the model does not hold.
 */
import type { Settings } from '../../model/schema';
import { AUTHENTICATED, OUTSIDE, TWO_FACTOR, classOf, sides, type DoorEdge, type SecurityGraph } from './graph';
import { routesFromOutside, type Route } from './paths';

export type SecurityRules = Settings['security'];
export type GraphRule = 'SEC-1' | 'SEC-2' | 'SEC-3' | 'SEC-4' | 'SEC-6' | 'SEC-7' | 'SEC-9';

export interface Violation {
  rule: GraphRule;
  /** The door (or, for SEC-9, the zone) it is about. */
  subject: string;
  /** What is wrong, in words a security reviewer uses. */
  reason: string;
  /** Classes on the two sides (doors) or the boundaries found and required (SEC-9). */
  values: Record<string, number>;
  /** The cheapest way in that shows it: zone, door, zone, … from outside. */
  route?: string[];
}

const VISITOR_KINDS = new Set(['lobby', 'loading-dock']);

export function evaluateGraph(g: SecurityGraph, rules: SecurityRules, routes = routesFromOutside(g)): Violation[] {
  const out: Violation[] = [];
  const name = (z: string) => g.zones.get(z)?.name ?? z;
  // The cheapest way to the lower side, then through the door: the route a SEC-1 break opens.
  const through = (d: DoorEdge, lo: string, hi: string): string[] | undefined => {
    const r = routes.get(lo);
    return r ? [...r.steps, d.id, hi] : undefined;
  };
  for (const d of g.doors) {
    const { hi, lo } = sides(g, d);
    const chi = classOf(g, hi);
    const clo = classOf(g, lo);
    const values = { highClass: chi, lowClass: clo };
    const entry = !d.egressOnly && chi > clo;
    const add = (rule: GraphRule, reason: string, route?: string[]) =>
      out.push({ rule, subject: d.id, reason, values, ...(route ? { route } : {}) });

    if (!d.egressOnly && chi - clo > 1)
      add('SEC-1', `joins class ${clo} (${name(lo)}) straight to class ${chi} (${name(hi)})`, through(d, lo, hi));
    if (entry && chi >= 2 && !AUTHENTICATED.has(d.control))
      add('SEC-2', `lets anyone into class ${chi} (${name(hi)}) with ${controlWords(d)}`);
    if (entry && chi === 4 && !strongEnough(d, rules.class4Entry))
      add('SEC-3', `enters class 4 (${name(hi)}) with ${controlWords(d)}, not ${entryWords(rules.class4Entry)}`);
    const exitRule = (d.emergencyExit || d.egressOnly) && chi >= 3 && clo < chi;
    if (exitRule) {
      const missing = [
        !d.egressOnly && 'opens from outside (not egress-only)',
        !d.alarmed && 'has no door contact (not alarmed)',
        rules.cctvRequired && !d.cctv && 'is in no camera’s view',
      ].filter((m): m is string => m !== false);
      if (missing.length > 0) add('SEC-6', `exit from class ${chi} ${missing.join(', ')}`);
    } else if (rules.cctvRequired && !d.cctv && (AUTHENTICATED.has(d.control) || d.a === OUTSIDE || d.b === OUTSIDE))
      add(
        'SEC-4',
        AUTHENTICATED.has(d.control)
          ? 'access-controlled door in no camera’s view'
          : 'exterior opening in no camera’s view',
      );
    if (!d.egressOnly && chi === 4 && VISITOR_KINDS.has(g.zones.get(lo)?.kind ?? '') && clo <= 2)
      add('SEC-7', `opens from ${name(lo)} (a ${g.zones.get(lo)!.kind}) into class 4`);
  }
  for (const z of g.zones.values()) {
    if (z.cls !== 4) continue;
    const r: Route | undefined = routes.get(z.id);
    if (r && r.cost < rules.minBoundariesClass4)
      out.push({
        rule: 'SEC-9',
        subject: z.id,
        reason: `has only ${r.cost} authenticated boundar${r.cost === 1 ? 'y' : 'ies'} on its weakest way in, ${rules.minBoundariesClass4} required`,
        values: { boundaries: r.cost, required: rules.minBoundariesClass4 },
        route: r.steps,
      });
  }
  return out;
}

function strongEnough(d: DoorEdge, need: SecurityRules['class4Entry']): boolean {
  const mantrap = d.control === 'mantrap' || (d.interlocked && AUTHENTICATED.has(d.control));
  if (need === 'reader') return true;
  if (need === 'mantrap') return mantrap;
  return mantrap || TWO_FACTOR.has(d.control);
}

const CONTROL_WORDS: Record<DoorEdge['control'], string> = {
  none: 'no control',
  key: 'a key only',
  card: 'a card reader',
  'card-pin': 'card + PIN',
  biometric: 'a biometric reader',
  guard: 'a guard post',
  mantrap: 'a mantrap portal',
};

export function controlWords(d: Pick<DoorEdge, 'control'>): string {
  return CONTROL_WORDS[d.control];
}

function entryWords(need: SecurityRules['class4Entry']): string {
  return need === 'mantrap' ? 'a mantrap' : 'a mantrap or two-factor control';
}
