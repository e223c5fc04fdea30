/**
 * A door put where the user clicked: on the nearest of the hall's walls or of its drawn zones'
 * fences (within DOOR_REACH_M), between the zones on the two sides. A hall wall joins the hall's
 * whole-hall zone to outside; a zone's fence joins that zone to the zone it nests in. The user
 * edits the sides and the control afterwards.
 */
import type { Door, Hall, Point2, ProjectDocument, Zone } from '../../shared/index';
import { snapPoint, snapToEdge, type Edge } from './geometry';

const DOOR_REACH_M = 1.5;

type Side = { inner: string | null; outer: string | null };

export function doorAt(doc: ProjectDocument, hall: Hall, clicked: Point2): Partial<Door> | null {
  // Snapped first, so a door on a wall lands on the grid along it.
  const click = snapPoint(clicked, doc.settings.gridM);
  const hallZone: Zone | undefined = doc.zones.find((z) => z.hallId === hall.id && z.polygon === null);
  const edges: Edge<Side>[] = doc.walls
    .filter((w) => w.hallId === hall.id)
    .map((w) => ({ a: w.a, b: w.b, owner: { inner: hallZone?.id ?? null, outer: null } }));
  for (const z of doc.zones) {
    if (z.hallId !== hall.id || z.polygon === null) continue;
    const ring = z.polygon;
    ring.forEach((a, i) =>
      edges.push({ a, b: ring[(i + 1) % ring.length]!, owner: { inner: z.id, outer: z.parentId } }),
    );
  }
  const hit = snapToEdge(click, edges, DOOR_REACH_M);
  if (!hit) return null;
  return {
    hallId: hall.id,
    position: hit.point,
    rotationDeg: hit.rotationDeg,
    zoneA: hit.owner.outer,
    zoneB: hit.owner.inner,
  };
}
