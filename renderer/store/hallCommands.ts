/**
 * Hall properties as undoable commands: name, code, building, size, floor kind and ratings; halls
 * added with their perimeter walls and deleted when empty. Every edited hall is checked against
 * its file schema first, so an edit never makes a document that would not open again.
 *
 * Resizing keeps the origin corner where it is and moves the far edges: wall ends, and doors,
 * that lie on the old far edges (x = width, y = depth) follow them, so the perimeter walls stay
 * the perimeter; walls as tall as the old ceiling take the new one. Anything that would then
 * stand outside the hall, or racks that would no longer fit under the ceiling, refuse the edit.
 */
import {
  catalogFor,
  DEFAULT_FLOOR,
  hallSchema,
  newHall,
  perimeterWalls,
  plural,
  projectSchema,
  rackBox,
  type Floor,
  type Hall,
  type Point2,
  type ProjectDocument,
} from '../../shared/index';
import { produce } from 'immer';
import { freshId } from './commands';
import type { Command } from './history';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

/**
 * A raised floor's height when one is first chosen, m: 600 mm is a common plenum for
 * underfloor air; the user enters the actual height.
 */
export const DEFAULT_RAISED_FLOOR_M = 0.6;
const EPS = 1e-6;
/** How many offending items a refusal names before it only counts the rest. */
const NAMED = 5;

export interface HallPatch {
  name?: string;
  code?: string;
  buildingId?: string | null;
  width?: number;
  depth?: number;
  height?: number;
  floorKind?: Floor['kind'];
  raisedHeightM?: number;
  uniformLoadKpa?: number;
  pointLoadKn?: number;
  /** True confirms the ratings shown are the building's; false puts back the TIA-942 defaults. */
  ratingDeclared?: boolean;
}

/** "A-01-03, A-01-04 and 3 more". */
function named(names: readonly string[]): string {
  const shown = names.slice(0, NAMED).join(', ');
  return names.length > NAMED ? `${shown} and ${names.length - NAMED} more` : shown;
}

/** Why `code` cannot be a hall's code (other than `selfId`'s), or null. */
function codeProblem(doc: ProjectDocument, code: string, selfId: string | null): string | null {
  if (!/^[A-Za-z0-9]{1,8}$/.test(code))
    return `Hall code "${code}": use 1 to 8 letters or digits, no spaces or dashes (it starts the hall's rack names, as A in A-03-12).`;
  const other = doc.halls.find((h) => h.id !== selfId && h.code.toUpperCase() === code.toUpperCase());
  return other ? `Hall code "${code}" is already used by ${other.name}: choose another.` : null;
}

/** The floor after a patch: choosing a slab drops the raised height, a rating typed in marks the ratings declared. */
function patchedFloor(floor: Floor, patch: HallPatch): Floor | string {
  const next: Floor = { ...floor };
  if (patch.floorKind !== undefined) {
    next.kind = patch.floorKind;
    if (patch.floorKind === 'slab') next.raisedHeightM = 0;
    else if (next.raisedHeightM === 0) next.raisedHeightM = DEFAULT_RAISED_FLOOR_M;
  }
  if (patch.raisedHeightM !== undefined) {
    if (next.kind === 'slab' && patch.raisedHeightM !== 0)
      return 'A slab has no raised-floor height: set the floor to "raised" first.';
    if (next.kind === 'raised' && !(patch.raisedHeightM > 0))
      return 'A raised floor stands above the slab: enter its height in metres (0.3 to 1.2 m is usual), or set the floor to "slab".';
    next.raisedHeightM = patch.raisedHeightM;
  }
  if (patch.ratingDeclared === false) {
    next.uniformLoadKpa = DEFAULT_FLOOR.uniformLoadKpa;
    next.pointLoadKn = DEFAULT_FLOOR.pointLoadKn;
    next.ratingDeclared = false;
  }
  if (patch.ratingDeclared === true) next.ratingDeclared = true;
  if (patch.uniformLoadKpa !== undefined) {
    next.uniformLoadKpa = patch.uniformLoadKpa;
    next.ratingDeclared = true;
  }
  if (patch.pointLoadKn !== undefined) {
    next.pointLoadKn = patch.pointLoadKn;
    next.ratingDeclared = true;
  }
  return next;
}

/** A point on the old far edges moves with them. */
function stretch(p: Point2, from: Hall, to: Hall): Point2 {
  return {
    x: Math.abs(p.x - from.width) < EPS ? to.width : p.x,
    y: Math.abs(p.y - from.depth) < EPS ? to.depth : p.y,
  };
}

/** What would stand outside the resized hall or not fit under its ceiling, by name; empty when all fits. */
function resizeProblems(doc: ProjectDocument, from: Hall, to: Hall): string[] {
  const catalog = catalogFor(doc);
  const inside = (x: number, y: number) => x >= -EPS && y >= -EPS && x <= to.width + EPS && y <= to.depth + EPS;
  const out: string[] = [];
  const outside: string[] = [];
  for (const r of doc.racks) {
    if (r.hallId !== from.id) continue;
    const b = rackBox(r, catalog);
    if (!inside(b.minX, b.minY) || !inside(b.maxX, b.maxY)) outside.push(`rack ${r.name}`);
  }
  for (const u of doc.cooling) {
    if (!('position' in u) || u.hallId !== from.id) continue;
    const { x, y } = u.position;
    const sized = 'depthM' in u;
    const turned = u.rotationDeg % 180 !== 0;
    const ex = sized ? (turned ? u.depthM : u.widthM) / 2 : 0;
    const ey = sized ? (turned ? u.widthM : u.depthM) / 2 : 0;
    if (!inside(x - ex, y - ey) || !inside(x + ex, y + ey)) outside.push(u.name);
  }
  for (const w of doc.walls) {
    if (w.hallId !== from.id) continue;
    const a = stretch(w.a, from, to);
    const b = stretch(w.b, from, to);
    if (!inside(a.x, a.y) || !inside(b.x, b.y)) outside.push(`wall ${w.id}`);
  }
  for (const d of doc.doors) {
    if (d.hallId !== from.id) continue;
    const p = stretch(d.position, from, to);
    if (!inside(p.x, p.y)) outside.push(`door ${d.name}`);
  }
  for (const c of doc.cameras)
    if (c.hallId === from.id && !inside(c.position.x, c.position.y)) outside.push(`camera ${c.name}`);
  for (const z of doc.zones)
    if (z.hallId === from.id && z.polygon?.some((p) => !inside(p.x, p.y))) outside.push(`zone ${z.name}`);
  if (outside.length > 0)
    out.push(
      `${named(outside)} would stand outside ${from.name} at ${to.width} × ${to.depth} m: move ${outside.length > 1 ? 'them' : 'it'} first`,
    );
  const tall: string[] = [];
  for (const r of doc.racks) {
    const type = r.hallId === from.id ? catalog.rackType(r.rackTypeId) : undefined;
    if (type && type.heightM + to.floor.raisedHeightM > to.height + EPS) tall.push(`${r.name} (${type.heightM} m)`);
  }
  if (tall.length > 0)
    out.push(
      `${named(tall)} would not fit under a ${to.height} m ceiling${to.floor.raisedHeightM > 0 ? ` on a ${to.floor.raisedHeightM} m raised floor` : ''}`,
    );
  return out;
}

/** Changes one hall's properties in one undoable step; refused, with the reason, when the result would not hold. */
export function updateHall(doc: ProjectDocument, id: string, patch: HallPatch): EditResult {
  const current = doc.halls.find((h) => h.id === id);
  if (!current) return { ok: false, reason: 'That hall no longer exists.' };
  const name = patch.name?.trim();
  if (name === '')
    return { ok: false, reason: `A hall needs a name: type one, or press Esc to keep "${current.name}".` };
  const code = patch.code?.trim().toUpperCase();
  if (code !== undefined) {
    const problem = codeProblem(doc, code, id);
    if (problem) return { ok: false, reason: problem };
  }
  if (
    patch.buildingId !== undefined &&
    patch.buildingId !== null &&
    !doc.buildings.some((b) => b.id === patch.buildingId)
  )
    return { ok: false, reason: 'That building no longer exists.' };
  const floor = patchedFloor(current.floor, patch);
  if (typeof floor === 'string') return { ok: false, reason: floor };
  const parsed = validate(hallSchema, {
    ...current,
    ...(name !== undefined ? { name } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(patch.buildingId !== undefined ? { buildingId: patch.buildingId } : {}),
    ...(patch.width !== undefined ? { width: patch.width } : {}),
    ...(patch.depth !== undefined ? { depth: patch.depth } : {}),
    ...(patch.height !== undefined ? { height: patch.height } : {}),
    floor,
  });
  if (!parsed.ok) return { ok: false, reason: `${current.name}: ${parsed.reason}` };
  const next = parsed.value;
  if (JSON.stringify(next) === JSON.stringify(current))
    return { ok: false, reason: `${current.name} already has that value.` };
  const resized =
    next.width !== current.width ||
    next.depth !== current.depth ||
    next.height !== current.height ||
    next.floor.raisedHeightM !== current.floor.raisedHeightM;
  if (resized) {
    const problems = resizeProblems(doc, current, next);
    if (problems.length > 0) return { ok: false, reason: `Cannot resize ${current.name}: ${problems.join('; ')}.` };
  }
  const oldPrefix = `${current.code}-`;
  const renameRacks = next.code !== current.code;
  return {
    ok: true,
    id,
    command: {
      label: `Edit ${next.name}`,
      recipe: (d) => {
        const i = d.halls.findIndex((h) => h.id === id);
        if (i < 0) return;
        d.halls[i] = next;
        if (renameRacks)
          // Automatic names (Hall-Row-Position, A-03-12) follow the hall's new code; names typed by hand stay.
          for (const r of d.racks)
            if (r.hallId === id && /^[A-Za-z0-9]+-\d+-\d+$/.test(r.name) && r.name.startsWith(oldPrefix))
              r.name = `${next.code}-${r.name.slice(oldPrefix.length)}`;
        if (!resized) return;
        for (const w of d.walls) {
          if (w.hallId !== id) continue;
          w.a = stretch(w.a, current, next);
          w.b = stretch(w.b, current, next);
          if (Math.abs(w.height - current.height) < EPS) w.height = next.height;
        }
        for (const door of d.doors) if (door.hallId === id) door.position = stretch(door.position, current, next);
      },
    },
  };
}

/** The first code of A…Z, then H1, H2…, that no hall uses. */
export function freeHallCode(doc: ProjectDocument): string {
  const used = new Set(doc.halls.map((h) => h.code.toUpperCase()));
  for (let c = 65; c <= 90; c++) if (!used.has(String.fromCharCode(c))) return String.fromCharCode(c);
  let n = 1;
  while (used.has(`H${n}`)) n++;
  return `H${n}`;
}

export interface NewHallFields {
  name: string;
  code: string;
  buildingId: string | null;
  width: number;
  depth: number;
  height: number;
  floorKind: Floor['kind'];
  raisedHeightM: number;
  /** The building's ratings, or null to assume the TIA-942 defaults (marked undeclared). */
  uniformLoadKpa: number | null;
  pointLoadKn: number | null;
}

/** Fields of a new hall as the New hall dialog first shows them. */
export function newHallDefaults(doc: ProjectDocument, buildingId: string | null): NewHallFields {
  const code = freeHallCode(doc);
  return {
    name: `Hall ${code}`,
    code,
    buildingId,
    width: 30,
    depth: 15,
    height: 5,
    floorKind: 'slab',
    raisedHeightM: 0,
    uniformLoadKpa: null,
    pointLoadKn: null,
  };
}

/** Adds a hall with its four perimeter walls; the result's `id` is the new hall's. */
export function addHall(doc: ProjectDocument, fields: NewHallFields): EditResult {
  const name = fields.name.trim();
  if (name === '') return { ok: false, reason: 'A hall needs a name.' };
  const code = fields.code.trim().toUpperCase();
  const problem = codeProblem(doc, code, null);
  if (problem) return { ok: false, reason: problem };
  if (fields.buildingId !== null && !doc.buildings.some((b) => b.id === fields.buildingId))
    return { ok: false, reason: 'That building no longer exists.' };
  const raised = fields.floorKind === 'raised';
  if (raised && !(fields.raisedHeightM > 0))
    return {
      ok: false,
      reason: 'A raised floor stands above the slab: enter its height in metres (0.3 to 1.2 m is usual).',
    };
  const declared = fields.uniformLoadKpa !== null || fields.pointLoadKn !== null;
  const floor: Floor = {
    kind: fields.floorKind,
    raisedHeightM: raised ? fields.raisedHeightM : 0,
    uniformLoadKpa: fields.uniformLoadKpa ?? DEFAULT_FLOOR.uniformLoadKpa,
    pointLoadKn: fields.pointLoadKn ?? DEFAULT_FLOOR.pointLoadKn,
    ratingDeclared: declared,
  };
  const parsed = validate(
    hallSchema,
    newHall({
      id: freshId(doc, 'hall'),
      name,
      code,
      buildingId: fields.buildingId,
      width: fields.width,
      depth: fields.depth,
      height: fields.height,
      floor,
    }),
  );
  if (!parsed.ok) return { ok: false, reason: `New hall: ${parsed.reason}` };
  const hall = parsed.value;
  const taken = new Set([...doc.walls.map((w) => w.id)]);
  const walls = perimeterWalls(hall).map((w, i) => (taken.has(w.id) ? { ...w, id: freshId(doc, `wall-${i}`) } : w));
  return {
    ok: true,
    id: hall.id,
    command: {
      label: `Add ${hall.name}`,
      recipe: (d) => {
        d.halls.push(hall);
        d.walls.push(...walls);
      },
    },
  };
}

/**
 * Deletes a hall that holds no racks, cooling units or doors, with its walls, rows, containments
 * and cameras. Zones drawn in it stay in the security graph as rooms that are not drawn, and UPSs
 * standing in it move to a separate electrical room, so no reference is left dangling.
 */
export function deleteHall(doc: ProjectDocument, id: string): EditResult {
  const hall = doc.halls.find((h) => h.id === id);
  if (!hall) return { ok: false, reason: 'That hall no longer exists.' };
  if (doc.halls.length === 1)
    return { ok: false, reason: `${hall.name} is the project's only hall: add another first.` };
  const racks = doc.racks.filter((r) => r.hallId === id).length;
  const cooling = doc.cooling.filter((u) => 'hallId' in u && u.hallId === id).length;
  const doors = doc.doors.filter((d) => d.hallId === id).length;
  const held = [
    racks > 0 ? plural(racks, 'rack') : null,
    cooling > 0 ? plural(cooling, 'cooling unit') : null,
    doors > 0 ? plural(doors, 'door') : null,
  ].filter((x): x is string => x !== null);
  if (held.length > 0) {
    const list = held.length > 1 ? `${held.slice(0, -1).join(', ')} and ${held.at(-1)}` : held[0];
    return {
      ok: false,
      reason: `${hall.name} still holds ${list}: move ${racks + cooling + doors > 1 ? 'them' : 'it'} to another hall or delete ${racks + cooling + doors > 1 ? 'them' : 'it'} first.`,
    };
  }
  const rowIds = new Set(doc.rows.filter((r) => r.hallId === id).map((r) => r.id));
  const scoped = doc.scenarios.filter((s) =>
    s.rules.some(
      (rule) =>
        (rule.scope.kind === 'halls' && rule.scope.ids.includes(id)) ||
        (rule.scope.kind === 'rows' && rule.scope.ids.some((r) => rowIds.has(r))),
    ),
  );
  if (scoped.length > 0)
    return {
      ok: false,
      reason: `Scenario ${named(scoped.map((s) => `"${s.name}"`))} has a rule scoped to ${hall.name} or its rows: change that rule first.`,
    };
  const command: Command = {
    label: `Delete ${hall.name}`,
    recipe: (d) => {
      d.halls = d.halls.filter((h) => h.id !== id);
      d.walls = d.walls.filter((w) => w.hallId !== id);
      d.rows = d.rows.filter((r) => r.hallId !== id);
      d.containments = d.containments.filter((c) => c.hallId !== id);
      d.cameras = d.cameras.filter((c) => c.hallId !== id);
      for (const z of d.zones)
        if (z.hallId === id) {
          z.hallId = null;
          z.polygon = null;
        }
      for (const p of d.power) if (p.kind === 'ups' && p.hallId === id) p.hallId = null;
      for (const t of d.tours)
        for (const stop of t.stops)
          if (stop.highlight.kind === 'rows') {
            const ids = stop.highlight.ids.filter((r) => !rowIds.has(r));
            stop.highlight = ids.length > 0 ? { kind: 'rows', ids } : { kind: 'none' };
          }
    },
  };
  // The safety net behind the rules above: the document must still open.
  const check = projectSchema.safeParse(produce(doc, command.recipe));
  if (!check.success)
    return {
      ok: false,
      reason: `${hall.name} cannot be deleted: ${check.error.issues[0]?.message ?? 'the project would not open'}.`,
    };
  return { ok: true, command };
}
