/**
 * Fewest authenticated boundaries from outside to every zone (SEC-9), by 0-1 breadth-first
 * search: crossing a door with an authenticating control costs 1, any other door costs 0, and an
 * egress-only door can only be passed outward (from its higher-class side to its lower one). A
 * deque keeps the frontier in cost order, so each zone is settled at its least cost in O(V + E).
 * The route that achieves it is kept, door by door, to show where the protection is thin.
 */
import { AUTHENTICATED, OUTSIDE, sides, type DoorEdge, type SecurityGraph } from './graph';

export interface Route {
  /** Authenticated boundaries crossed. */
  cost: number;
  /** Zone, door, zone, … from OUTSIDE to the zone. */
  steps: string[];
}

/** Whether a door lets someone through from `from` to the other side. */
export function passable(g: SecurityGraph, d: DoorEdge, from: string): boolean {
  // Exit hardware only: from the higher-class side (between equal classes, from a to b as drawn).
  return !d.egressOnly || from === sides(g, d).hi;
}

export function routesFromOutside(g: SecurityGraph): Map<string, Route> {
  const adjacency = new Map<string, DoorEdge[]>();
  for (const d of g.doors)
    for (const z of [d.a, d.b]) {
      if (!adjacency.has(z)) adjacency.set(z, []);
      adjacency.get(z)!.push(d);
    }
  const cost = new Map<string, number>([[OUTSIDE, 0]]);
  const via = new Map<string, { door: string; from: string }>();
  const done = new Set<string>();
  const deque: string[] = [OUTSIDE];
  let head = 0;
  // A deque over an array: 0-cost moves go to the front (reusing spent slots), 1-cost to the back.
  while (head < deque.length) {
    const z = deque[head++]!;
    if (done.has(z)) continue;
    done.add(z);
    for (const d of adjacency.get(z) ?? []) {
      if (!passable(g, d, z)) continue;
      const next = d.a === z ? d.b : d.a;
      const w = AUTHENTICATED.has(d.control) ? 1 : 0;
      const c = cost.get(z)! + w;
      if (c >= (cost.get(next) ?? Infinity)) continue;
      cost.set(next, c);
      via.set(next, { door: d.id, from: z });
      if (w === 0 && head > 0) deque[--head] = next;
      else if (w === 0) deque.unshift(next);
      else deque.push(next);
    }
  }
  const routes = new Map<string, Route>();
  for (const [zone, c] of cost) {
    const steps = [zone];
    for (let at = zone; at !== OUTSIDE;) {
      const v = via.get(at)!;
      steps.unshift(v.from, v.door);
      at = v.from;
    }
    routes.set(zone, { cost: c, steps });
  }
  return routes;
}
