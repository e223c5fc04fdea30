/**
 * Edits made from the outliner, as undoable commands: buildings added, renamed and deleted, halls
 * moved between buildings, and halls, rows and buildings renamed. Each result is checked against
 * its file schema first, so an edit never makes a document that would not open again.
 */
import { buildingSchema, hallSchema, plural, rowSchema, type Building, type ProjectDocument } from '../../shared/index';
import type { z } from 'zod';
import { freshId, freshName } from './commands';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

type Renamable = 'buildings' | 'halls' | 'rows';

const WHAT: Record<Renamable, string> = { buildings: 'building', halls: 'hall', rows: 'row' };

/** Replaces the entity of `key` that has `item`'s id. */
function replace<K extends Renamable>(key: K, item: ProjectDocument[K][number], label: string): EditResult {
  return {
    ok: true,
    id: item.id,
    command: {
      label,
      recipe: (d) => {
        const list = d[key] as { id: string }[];
        const i = list.findIndex((x) => x.id === item.id);
        if (i >= 0) list[i] = item;
      },
    },
  };
}

/** Renames a building, hall or row; the name is trimmed and may not be blank. */
function rename<K extends Renamable>(
  doc: ProjectDocument,
  key: K,
  schema: z.ZodType<ProjectDocument[K][number]>,
  id: string,
  name: string,
): EditResult {
  const what = WHAT[key];
  const current = (doc[key] as readonly ProjectDocument[K][number][]).find((x) => x.id === id);
  if (!current) return { ok: false, reason: `That ${what} no longer exists.` };
  const trimmed = name.trim();
  if (trimmed === '')
    return { ok: false, reason: `A ${what} needs a name: type one, or press Esc to keep "${current.name}".` };
  if (trimmed === current.name) return { ok: false, reason: `${current.name} already has that name.` };
  const parsed = validate(schema, { ...current, name: trimmed });
  if (!parsed.ok) return parsed;
  return replace(key, parsed.value, `Rename ${current.name} to ${trimmed}`);
}

export const renameBuilding = (doc: ProjectDocument, id: string, name: string) =>
  rename(doc, 'buildings', buildingSchema, id, name);
export const renameHall = (doc: ProjectDocument, id: string, name: string) =>
  rename(doc, 'halls', hallSchema, id, name);
export const renameRow = (doc: ProjectDocument, id: string, name: string) => rename(doc, 'rows', rowSchema, id, name);

/** Adds an empty building named "Building n"; halls are moved into it afterwards. */
export function addBuilding(doc: ProjectDocument): EditResult {
  const name = freshName(
    doc.buildings.map((b) => b.name),
    'Building',
  );
  const building: Building = { id: freshId(doc, 'building'), name };
  return {
    ok: true,
    id: building.id,
    command: { label: `Add ${name}`, recipe: (d) => void d.buildings.push(building) },
  };
}

/** Deletes a building; refused while halls stand in it, so no hall is left pointing at nothing. */
export function deleteBuilding(doc: ProjectDocument, id: string): EditResult {
  const building = doc.buildings.find((b) => b.id === id);
  if (!building) return { ok: false, reason: 'That building no longer exists.' };
  const halls = doc.halls.filter((h) => h.buildingId === id);
  if (halls.length > 0)
    return {
      ok: false,
      reason:
        `${building.name} still holds ${plural(halls.length, 'hall')} (${halls.map((h) => h.name).join(', ')}): ` +
        'move them to another building or to "No building" first (right-click a hall, Move to building…).',
    };
  return {
    ok: true,
    command: {
      label: `Delete ${building.name}`,
      recipe: (d) => void (d.buildings = d.buildings.filter((b) => b.id !== id)),
    },
  };
}

/** Moves a hall into a building, or out of any (null). */
export function moveHallToBuilding(doc: ProjectDocument, hallId: string, buildingId: string | null): EditResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return { ok: false, reason: 'That hall no longer exists.' };
  const building = buildingId === null ? null : doc.buildings.find((b) => b.id === buildingId);
  if (building === undefined) return { ok: false, reason: 'That building no longer exists.' };
  if (hall.buildingId === buildingId)
    return { ok: false, reason: `${hall.name} is already ${building ? `in ${building.name}` : 'in no building'}.` };
  return replace(
    'halls',
    { ...hall, buildingId },
    building ? `Move ${hall.name} to ${building.name}` : `Move ${hall.name} out of its building`,
  );
}
