/**
 * Edits of the security design (zones, doors, cameras, tenants, rack classes) as undoable
 * commands. Each entity is checked against its file schema and its references before the edit
 * is offered, so an edit never produces a document that would not open again.
 */
import {
  cameraSchema,
  catalogFor,
  rackBox,
  doorSchema,
  newCamera,
  newDoor,
  newZone,
  plural,
  settingsSchema,
  tenantSchema,
  zoneSchema,
  type Camera,
  type Door,
  type Point2,
  type ProjectDocument,
  type ProtectionClass,
  type Settings,
  type Tenant,
  type Zone,
} from '../../shared/index';
import type { z } from 'zod';
import { freshId, freshName } from './commands';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

const hasZone = (doc: ProjectDocument, id: string | null) => id === null || doc.zones.some((z) => z.id === id);

/** Why a zone's references do not hold, or null. */
function zoneProblem(doc: ProjectDocument, zone: Zone): string | null {
  if (zone.hallId !== null && !doc.halls.some((h) => h.id === zone.hallId)) return 'That hall no longer exists.';
  if (zone.polygon !== null && zone.hallId === null) return 'A zone drawn as a polygon lies in a hall.';
  if (zone.parentId !== null) {
    if (!hasZone(doc, zone.parentId)) return 'That parent zone no longer exists.';
    // Walking up from the new parent must never meet the zone itself.
    const parents = new Map(doc.zones.map((z) => [z.id, z.parentId]));
    for (
      let p: string | null = zone.parentId, n = 0;
      p !== null && n <= doc.zones.length;
      p = parents.get(p) ?? null, n++
    )
      if (p === zone.id) return `${zone.name} cannot nest in itself or in a zone inside it.`;
  }
  return null;
}

function doorProblem(doc: ProjectDocument, door: Door): string | null {
  if (door.hallId !== null && !doc.halls.some((h) => h.id === door.hallId)) return 'That hall no longer exists.';
  if (!hasZone(doc, door.zoneA) || !hasZone(doc, door.zoneB)) return 'That zone no longer exists.';
  if (door.zoneA !== null && door.zoneA === door.zoneB) return 'A door joins two different zones.';
  if (door.interlockId !== null && (door.interlockId === door.id || !doc.doors.some((d) => d.id === door.interlockId)))
    return 'A door interlocks with another door.';
  return null;
}

type Named = { id: string; name: string };
type SecurityCollection = 'zones' | 'doors' | 'cameras' | 'tenants';

/**
 * Changes fields of one zone, door, camera or tenant: refused when the entity is gone, when the
 * result does not validate, or when `problem` finds a reference that does not hold.
 */
function updateIn<K extends SecurityCollection>(
  doc: ProjectDocument,
  key: K,
  what: string,
  schema: z.ZodType<ProjectDocument[K][number]>,
  id: string,
  patch: Partial<ProjectDocument[K][number]>,
  problem: (item: ProjectDocument[K][number]) => string | null = () => null,
): EditResult {
  const list = doc[key] as readonly Named[];
  const current = list.find((x) => x.id === id);
  if (!current) return { ok: false, reason: `That ${what} no longer exists.` };
  const parsed = validate(schema, { ...current, ...patch, id });
  if (!parsed.ok) return parsed;
  const refused = problem(parsed.value);
  if (refused) return { ok: false, reason: refused };
  return {
    ok: true,
    command: {
      label: `Edit ${current.name}`,
      recipe: (d) => {
        const items = d[key] as Named[];
        const i = items.findIndex((x) => x.id === id);
        if (i >= 0) items[i] = parsed.value;
      },
    },
  };
}

export const ZONE_KIND_NAMES: Record<Zone['kind'], string> = {
  site: 'Site compound',
  building: 'Building',
  lobby: 'Lobby',
  corridor: 'Corridor',
  office: 'Office',
  'loading-dock': 'Loading dock',
  vestibule: 'Vestibule',
  'data-hall': 'Data hall',
  cage: 'Cage',
  'meet-me-room': 'Meet-me room',
  'electrical-room': 'Electrical room',
  'plant-room': 'Plant room',
  other: 'Zone',
};

/**
 * Adds a zone: a room not drawn (no hall), a whole hall, or a polygon in a hall. It nests in the
 * innermost drawn zone of the hall when there is one (a cage in its hall), else in nothing.
 */
export function addZone(
  doc: ProjectDocument,
  fields: {
    kind: Zone['kind'];
    protectionClass: ProtectionClass;
    hallId?: string | null;
    polygon?: Point2[] | null;
    name?: string;
  },
): EditResult {
  const id = freshId(doc, 'zone');
  const hallId = fields.hallId ?? null;
  const polygon = fields.polygon ?? null;
  const parentId =
    polygon === null || hallId === null
      ? null
      : (doc.zones.find((z) => z.hallId === hallId && z.polygon === null)?.id ?? null);
  const candidate = newZone({
    id,
    name:
      fields.name ??
      freshName(
        doc.zones.map((z) => z.name),
        ZONE_KIND_NAMES[fields.kind],
      ),
    kind: fields.kind,
    protectionClass: fields.protectionClass,
    hallId,
    polygon,
    parentId,
  });
  const parsed = validate(zoneSchema, candidate);
  if (!parsed.ok) return parsed;
  const problem = zoneProblem(doc, parsed.value);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    id,
    command: { label: `Add ${parsed.value.name}`, recipe: (d) => void d.zones.push(parsed.value) },
  };
}

/** A cage around racks: their footprints' bounding box grown by `marginM`, class 4, in their hall. */
export function cageAround(doc: ProjectDocument, rackIds: readonly string[], marginM = 0.6): EditResult {
  const wanted = new Set(rackIds);
  const racks = doc.racks.filter((r) => wanted.has(r.id));
  const halls = new Set(racks.map((r) => r.hallId));
  if (racks.length === 0 || halls.size !== 1) return { ok: false, reason: 'Select racks of one hall to cage.' };
  const hall = doc.halls.find((h) => h.id === racks[0]!.hallId)!;
  const catalog = catalogFor(doc);
  const boxes = racks.map((r) => rackBox(r, catalog));
  const clampX = (v: number) => Math.min(Math.max(v, 0), hall.width);
  const clampY = (v: number) => Math.min(Math.max(v, 0), hall.depth);
  const minX = clampX(Math.min(...boxes.map((b) => b.minX)) - marginM);
  const maxX = clampX(Math.max(...boxes.map((b) => b.maxX)) + marginM);
  const minY = clampY(Math.min(...boxes.map((b) => b.minY)) - marginM);
  const maxY = clampY(Math.max(...boxes.map((b) => b.maxY)) + marginM);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return addZone(doc, {
    kind: 'cage',
    protectionClass: 4,
    hallId: hall.id,
    polygon: [
      { x: round(minX), y: round(minY) },
      { x: round(maxX), y: round(minY) },
      { x: round(maxX), y: round(maxY) },
      { x: round(minX), y: round(maxY) },
    ],
  });
}

export function updateZone(doc: ProjectDocument, id: string, patch: Partial<Omit<Zone, 'id'>>): EditResult {
  return updateIn(doc, 'zones', 'zone', zoneSchema, id, patch, (z) => zoneProblem(doc, z));
}

/** Deletes zones; doors that opened onto them then open onto nothing, inner zones nest one level up. */
export function deleteZones(doc: ProjectDocument, ids: readonly string[]): EditResult {
  const set = new Set(ids.filter((id) => doc.zones.some((z) => z.id === id)));
  if (set.size === 0) return { ok: false, reason: 'Nothing to delete.' };
  const parentOf = new Map(doc.zones.map((z) => [z.id, z.parentId]));
  const survivor = (p: string | null): string | null => {
    while (p !== null && set.has(p)) p = parentOf.get(p) ?? null;
    return p;
  };
  return {
    ok: true,
    command: {
      label: set.size === 1 ? 'Delete zone' : `Delete ${set.size} zones`,
      recipe: (d) => {
        d.zones = d.zones.filter((z) => !set.has(z.id));
        for (const z of d.zones) z.parentId = survivor(z.parentId);
        for (const door of d.doors) {
          if (door.zoneA !== null && set.has(door.zoneA)) door.zoneA = null;
          if (door.zoneB !== null && set.has(door.zoneB)) door.zoneB = null;
        }
        for (const p of d.power)
          if ((p.kind === 'ups' || p.kind === 'switchgear') && p.zoneId !== null && set.has(p.zoneId)) p.zoneId = null;
        for (const u of d.cooling)
          if (u.kind === 'heat-rejection' && u.zoneId !== null && set.has(u.zoneId)) u.zoneId = null;
      },
    },
  };
}

/**
 * Adds a door: drawn at `position` in a hall (between the zone drawn there and outside, to be
 * edited), or between two rooms not drawn.
 */
export function addDoor(doc: ProjectDocument, fields: Partial<Door>): EditResult {
  const id = freshId(doc, 'door');
  const parsed = validate(
    doorSchema,
    newDoor({
      id,
      name: freshName(
        doc.doors.map((d) => d.name),
        'Door',
      ),
      control: 'card',
      ...fields,
    }),
  );
  if (!parsed.ok) return parsed;
  const problem = doorProblem(doc, parsed.value);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    id,
    command: { label: `Add ${parsed.value.name}`, recipe: (d) => void d.doors.push(parsed.value) },
  };
}

export function updateDoor(doc: ProjectDocument, id: string, patch: Partial<Omit<Door, 'id'>>): EditResult {
  return updateIn(doc, 'doors', 'door', doorSchema, id, patch, (d) => doorProblem(doc, d));
}

export function deleteDoors(doc: ProjectDocument, ids: readonly string[]): EditResult {
  const set = new Set(ids.filter((id) => doc.doors.some((d) => d.id === id)));
  if (set.size === 0) return { ok: false, reason: 'Nothing to delete.' };
  return {
    ok: true,
    command: {
      label: set.size === 1 ? 'Delete door' : `Delete ${set.size} doors`,
      recipe: (d) => {
        d.doors = d.doors.filter((x) => !set.has(x.id));
        for (const x of d.doors) if (x.interlockId !== null && set.has(x.interlockId)) x.interlockId = null;
      },
    },
  };
}

/** Adds a camera looking towards the hall's centre. */
export function addCamera(doc: ProjectDocument, hallId: string, position: Point2): EditResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return { ok: false, reason: 'That hall no longer exists.' };
  const id = freshId(doc, 'cam');
  const towardsCentre = (Math.atan2(hall.depth / 2 - position.y, hall.width / 2 - position.x) * 180) / Math.PI;
  const parsed = validate(
    cameraSchema,
    newCamera({
      id,
      name: freshName(
        doc.cameras.map((c) => c.name),
        'CAM',
      ),
      hallId,
      position,
      directionDeg: Math.round(towardsCentre),
    }),
  );
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    id,
    command: { label: `Add ${parsed.value.name}`, recipe: (d) => void d.cameras.push(parsed.value) },
  };
}

export function updateCamera(doc: ProjectDocument, id: string, patch: Partial<Omit<Camera, 'id'>>): EditResult {
  return updateIn(doc, 'cameras', 'camera', cameraSchema, id, patch, (c) =>
    doc.halls.some((h) => h.id === c.hallId) ? null : 'That hall no longer exists.',
  );
}

export function deleteCameras(doc: ProjectDocument, ids: readonly string[]): EditResult {
  const set = new Set(ids.filter((id) => doc.cameras.some((c) => c.id === id)));
  if (set.size === 0) return { ok: false, reason: 'Nothing to delete.' };
  return {
    ok: true,
    command: {
      label: set.size === 1 ? 'Delete camera' : `Delete ${set.size} cameras`,
      recipe: (d) => void (d.cameras = d.cameras.filter((c) => !set.has(c.id))),
    },
  };
}

export function addTenant(doc: ProjectDocument, requiredClass: ProtectionClass = 4): EditResult {
  const id = freshId(doc, 'tenant');
  const parsed = validate(tenantSchema, {
    id,
    name: freshName(
      doc.tenants.map((t) => t.name),
      'Tenant',
    ),
    requiredClass,
    separate: false,
  });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    id,
    command: { label: `Add ${parsed.value.name}`, recipe: (d) => void d.tenants.push(parsed.value) },
  };
}

export function updateTenant(doc: ProjectDocument, id: string, patch: Partial<Omit<Tenant, 'id'>>): EditResult {
  return updateIn(doc, 'tenants', 'tenant', tenantSchema, id, patch);
}

export function deleteTenant(doc: ProjectDocument, id: string): EditResult {
  const current = doc.tenants.find((t) => t.id === id);
  if (!current) return { ok: false, reason: 'That tenant no longer exists.' };
  return {
    ok: true,
    command: {
      label: `Remove ${current.name}`,
      recipe: (d) => {
        d.tenants = d.tenants.filter((t) => t.id !== id);
        for (const r of d.racks) if (r.tenantId === id) r.tenantId = null;
      },
    },
  };
}

/** Gives racks a tenant and/or a class of their own (null clears it), in one undoable edit. */
export function assignRacks(
  doc: ProjectDocument,
  rackIds: readonly string[],
  patch: { tenantId?: string | null; requiredClass?: ProtectionClass | null },
): EditResult {
  const set = new Set(rackIds.filter((id) => doc.racks.some((r) => r.id === id)));
  if (set.size === 0) return { ok: false, reason: 'Select the racks first.' };
  if (patch.tenantId != null && !doc.tenants.some((t) => t.id === patch.tenantId))
    return { ok: false, reason: 'That tenant no longer exists.' };
  if (patch.requiredClass != null && !zoneSchema.shape.protectionClass.safeParse(patch.requiredClass).success)
    return { ok: false, reason: 'Protection classes run from 1 to 4.' };
  const what = patch.tenantId !== undefined ? 'tenant' : 'protection class';
  return {
    ok: true,
    command: {
      label: `Set ${what} of ${plural(set.size, 'rack')}`,
      recipe: (d) => {
        for (const r of d.racks) {
          if (!set.has(r.id)) continue;
          if (patch.tenantId !== undefined) r.tenantId = patch.tenantId;
          if (patch.requiredClass !== undefined) r.requiredClass = patch.requiredClass;
        }
      },
    },
  };
}

/** Changes the security rules; refused when the result would not validate. */
export function updateSecuritySettings(doc: ProjectDocument, patch: Partial<Settings['security']>): EditResult {
  const parsed = validate(settingsSchema.shape.security, { ...doc.settings.security, ...patch });
  if (!parsed.ok) return parsed;
  return { ok: true, command: { label: 'Security rules', recipe: (d) => void (d.settings.security = parsed.value) } };
}
