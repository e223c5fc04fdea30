/**
 * Edits of the cooling design, as undoable commands. Like the power edits, each is checked
 * against the file schema (the unit's own fields and the references it makes) before it is
 * offered, so an edit never produces a document that would not open again.
 */
import {
  COOLING_TEMPLATE_NAMES,
  containmentSchema,
  coolingUnitSchema,
  newCoolingUnit,
  settingsSchema,
  type Containment,
  type CoolingTemplate,
  type CoolingUnit,
  type Point2,
  type ProjectDocument,
  type Rotation,
  type Settings,
} from '../../shared/index';
import { freshId, freshName } from './commands';
import type { Command } from './history';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

const firstOf = (doc: ProjectDocument, kind: CoolingUnit['kind']) =>
  doc.cooling.find((u) => u.kind === kind)?.id ?? null;

/** Why a unit's references do not hold in `doc`, or null when they do. */
function referenceProblem(doc: ProjectDocument, unit: CoolingUnit): string | null {
  const kindOf = (id: string) => doc.cooling.find((u) => u.id === id && u.id !== unit.id)?.kind;
  if ('rejectionId' in unit && unit.rejectionId !== null && kindOf(unit.rejectionId) !== 'heat-rejection')
    return 'Heat goes to a chiller, dry cooler or cooling tower.';
  if (unit.kind === 'rear-door') {
    if (!doc.racks.some((r) => r.id === unit.rackId)) return 'That rack no longer exists.';
    if (doc.cooling.some((u) => u.kind === 'rear-door' && u.rackId === unit.rackId && u.id !== unit.id))
      return 'That rack already has a rear door.';
    if (unit.loopId !== null && !['cdu', 'heat-rejection'].includes(kindOf(unit.loopId) ?? ''))
      return 'A rear door takes its water from a CDU or heat rejection.';
  }
  if (unit.kind === 'heat-rejection' && unit.zoneId !== null && !doc.zones.some((z) => z.id === unit.zoneId))
    return 'That zone no longer exists.';
  if (unit.kind === 'air-handler' && unit.containmentId !== null) {
    const c = doc.containments.find((x) => x.id === unit.containmentId);
    if (!c || c.hallId !== unit.hallId) return 'A cooler serves a containment in its own hall.';
  }
  return null;
}

function validated(
  doc: ProjectDocument,
  unit: unknown,
): { ok: true; unit: CoolingUnit } | { ok: false; reason: string } {
  const parsed = validate(coolingUnitSchema, unit);
  if (!parsed.ok) return parsed;
  const problem = referenceProblem(doc, parsed.value);
  return problem ? { ok: false, reason: problem } : { ok: true, unit: parsed.value };
}

/**
 * Adds equipment from a template: placed units at `position` in `hallId`, a rear door on
 * `rackId`, heat rejection with no place. New units send their heat to the first heat rejection
 * (a rear door to the first CDU), which the user can change.
 */
export function addCoolingUnit(
  doc: ProjectDocument,
  template: CoolingTemplate,
  at: { hallId?: string; position?: Point2; rackId?: string },
): EditResult {
  const id = freshId(doc, template === 'rear-door' ? 'door' : template);
  const unit = newCoolingUnit(template, {
    id,
    name: freshName(
      doc.cooling.map((u) => u.name),
      COOLING_TEMPLATE_NAMES[template],
    ),
    hallId: at.hallId ?? doc.halls[0]?.id ?? '',
    position: at.position ?? { x: 0, y: 0 },
    rackId: at.rackId ?? '',
    rejectionId: firstOf(doc, 'heat-rejection'),
    loopId: firstOf(doc, 'cdu') ?? firstOf(doc, 'heat-rejection'),
  });
  if (unit.kind === 'rear-door' && !doc.racks.some((r) => r.id === unit.rackId))
    return { ok: false, reason: 'Select the rack the rear door hangs on.' };
  const checked = validated(doc, unit);
  if (!checked.ok) return checked;
  return {
    ok: true,
    id,
    command: { label: `Add ${unit.name}`, recipe: (d) => void d.cooling.push(checked.unit) },
  };
}

/** Changes fields of a unit; refused when the result would not validate. */
export function updateCoolingUnit(doc: ProjectDocument, id: string, patch: Record<string, unknown>): EditResult {
  const current = doc.cooling.find((u) => u.id === id);
  if (!current) return { ok: false, reason: 'That unit no longer exists.' };
  const checked = validated(doc, { ...current, ...patch, id, kind: current.kind });
  if (!checked.ok) return checked;
  return {
    ok: true,
    command: {
      label: `Edit ${current.name}`,
      recipe: (d) => {
        const i = d.cooling.findIndex((u) => u.id === id);
        if (i >= 0) d.cooling[i] = checked.unit;
      },
    },
  };
}

/** Moves (and optionally turns) a unit that stands in a hall. */
export function moveCoolingUnit(id: string, position: Point2, rotationDeg?: Rotation): Command {
  return {
    label: 'Move cooling unit',
    recipe: (d) => {
      const u = d.cooling.find((x) => x.id === id);
      if (!u || !('position' in u)) return;
      u.position = { x: position.x, y: position.y };
      if (rotationDeg !== undefined) u.rotationDeg = rotationDeg;
    },
  };
}

/** Deletes units and every reference to them (loops, heat rejection, rear doors' water). */
export function deleteCoolingUnits(doc: ProjectDocument, ids: readonly string[]): EditResult {
  const set = new Set(ids.filter((id) => doc.cooling.some((u) => u.id === id)));
  if (set.size === 0) return { ok: false, reason: 'Nothing to delete.' };
  return {
    ok: true,
    command: {
      label: set.size === 1 ? 'Delete cooling unit' : `Delete ${set.size} cooling units`,
      recipe: (d) => {
        d.cooling = d.cooling.filter((u) => !set.has(u.id));
        for (const u of d.cooling) {
          if ('rejectionId' in u && u.rejectionId !== null && set.has(u.rejectionId)) u.rejectionId = null;
          if (u.kind === 'rear-door' && u.loopId !== null && set.has(u.loopId)) u.loopId = null;
        }
        for (const r of d.racks) if (r.liquidLoopId !== null && set.has(r.liquidLoopId)) r.liquidLoopId = null;
      },
    },
  };
}

/** Connects racks to a CDU or immersion tank (or, with null, disconnects them). */
export function setRackLiquidLoop(doc: ProjectDocument, rackIds: readonly string[], loopId: string | null): EditResult {
  if (loopId !== null) {
    const kind = doc.cooling.find((u) => u.id === loopId)?.kind;
    if (kind !== 'cdu' && kind !== 'immersion-tank')
      return { ok: false, reason: 'A rack’s liquid goes to a CDU or an immersion tank.' };
  }
  const set = new Set(rackIds);
  return {
    ok: true,
    command: {
      label: loopId === null ? 'Disconnect liquid loop' : 'Connect liquid loop',
      recipe: (d) => {
        for (const r of d.racks) if (set.has(r.id)) r.liquidLoopId = loopId;
      },
    },
  };
}

/** Default fractions for a new containment: a well-sealed aisle (figures.md §3.5; U). */
export const CONTAINMENT_DEFAULTS = { bypassFraction: 0.05, recirculationFraction: 0.03 };

/** Contains the aisle of the selected racks' rows: one row (against a wall) or two facing the aisle. */
export function addContainment(doc: ProjectDocument, rackIds: readonly string[], type: 'hot' | 'cold'): EditResult {
  const wanted = new Set(rackIds);
  const racks = doc.racks.filter((r) => wanted.has(r.id));
  const rowIds = [...new Set(racks.map((r) => r.rowId))];
  if (racks.length === 0 || rowIds.includes(null))
    return { ok: false, reason: 'Select racks that stand in rows: containment closes the aisle of a row pair.' };
  if (rowIds.length > 2) return { ok: false, reason: 'Select racks of one or two rows.' };
  const contained = new Set(doc.containments.flatMap((c) => c.rowIds));
  const taken = rowIds.find((r) => contained.has(r!));
  if (taken)
    return { ok: false, reason: `Row ${doc.rows.find((r) => r.id === taken)?.name ?? taken} is already contained.` };
  const hallId = racks[0]!.hallId;
  const id = freshId(doc, type === 'hot' ? 'hac' : 'cac');
  const names = rowIds.map((r) => doc.rows.find((x) => x.id === r)?.name ?? r).join(' / ');
  const parsed = containmentSchema.safeParse({
    id,
    hallId,
    name: `${type === 'hot' ? 'Hot' : 'Cold'} aisle ${names}`,
    type,
    rowIds,
    ...CONTAINMENT_DEFAULTS,
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'Invalid containment.' };
  return { ok: true, id, command: { label: `Contain ${names}`, recipe: (d) => void d.containments.push(parsed.data) } };
}

export function updateContainment(
  doc: ProjectDocument,
  id: string,
  patch: Partial<Pick<Containment, 'name' | 'type' | 'bypassFraction' | 'recirculationFraction'>>,
): EditResult {
  const current = doc.containments.find((c) => c.id === id);
  if (!current) return { ok: false, reason: 'That containment no longer exists.' };
  const parsed = validate(containmentSchema, { ...current, ...patch, id });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    command: {
      label: `Edit ${current.name}`,
      recipe: (d) => {
        const i = d.containments.findIndex((c) => c.id === id);
        if (i >= 0) d.containments[i] = parsed.value;
      },
    },
  };
}

export function deleteContainment(doc: ProjectDocument, id: string): EditResult {
  const current = doc.containments.find((c) => c.id === id);
  if (!current) return { ok: false, reason: 'That containment no longer exists.' };
  return {
    ok: true,
    command: {
      label: `Remove ${current.name}`,
      recipe: (d) => {
        d.containments = d.containments.filter((c) => c.id !== id);
        for (const u of d.cooling) if (u.kind === 'air-handler' && u.containmentId === id) u.containmentId = null;
      },
    },
  };
}

/** Changes cooling design rules; refused when the result would not validate. */
export function updateCoolingSettings(doc: ProjectDocument, patch: Partial<Settings['cooling']>): EditResult {
  const parsed = validate(settingsSchema.shape.cooling, { ...doc.settings.cooling, ...patch });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    command: { label: 'Cooling design rules', recipe: (d) => void (d.settings.cooling = parsed.value) },
  };
}
