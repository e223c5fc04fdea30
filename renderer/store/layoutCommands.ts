/**
 * Layout edits over groups: lay rows and row pairs, move with conflict checks, rotate, align,
 * distribute, duplicate and array, paste, renumber, draw walls. Each is refused with a reason when
 * it would put a rack or cooling unit over another, across a wall or outside the hall
 * (shared/layout/obstacles.ts), and otherwise runs as one undoable command.
 */
import {
  alignGroup,
  catalogFor,
  conflictsOf,
  copyLayout,
  coolingUnitSize,
  distributeGroup,
  footprintRect,
  hallObstacles,
  idAllocator,
  indexObstacles,
  itemRect,
  layRows,
  moveRect,
  pasteLayout,
  rectsOverlap,
  plural,
  renumberRows,
  rotateGroup,
  unionRect,
  type AlignMode,
  type CatalogView,
  type Hall,
  type LayoutClipboard,
  type Placement,
  type PlanItem,
  type Point2,
  type ProjectDocument,
  type Rect,
  type RowSlot,
} from '../../shared/index';
import type { Command } from './history';

export type LayoutResult =
  { ok: true; command: Command; ids: string[]; notes: string[] } | { ok: false; reason: string };

const refuse = (reason: string): LayoutResult => ({ ok: false, reason });

/** Racks and floor-standing cooling units of `ids` as plan items, with the one hall they stand in. */
export function planItems(
  doc: ProjectDocument,
  catalog: CatalogView,
  ids: readonly string[],
): { hall: Hall; items: (PlanItem & { name: string })[] } | { hall: null; reason: string } {
  const set = new Set(ids);
  const items: (PlanItem & { name: string; hallId: string })[] = [];
  for (const r of doc.racks)
    if (set.has(r.id)) {
      const type = catalog.rackType(r.rackTypeId);
      items.push({ ...r, widthM: type?.widthM ?? 0.6, depthM: type?.depthM ?? 1.2 });
    }
  for (const u of doc.cooling)
    if (set.has(u.id) && 'position' in u) items.push({ ...u, ...coolingUnitSize(u), name: u.name, hallId: u.hallId });
  const hallIds = new Set(items.map((i) => i.hallId));
  if (items.length === 0) return { hall: null, reason: 'Select racks or floor-standing cooling units first.' };
  if (hallIds.size > 1) return { hall: null, reason: 'The selection spans several halls; select items of one hall.' };
  const hall = doc.halls.find((h) => h.id === items[0]!.hallId);
  return hall ? { hall, items } : { hall: null, reason: 'The selection stands in no hall.' };
}

/** The first few conflicts of footprints placed in `hall` (ignoring `exclude`), in words, or null. */
export function conflictText(
  doc: ProjectDocument,
  catalog: CatalogView,
  hall: Hall,
  placed: readonly { name: string; rect: Rect }[],
  exclude: ReadonlySet<string>,
): string | null {
  const index = indexObstacles(hall, hallObstacles(doc, catalog, hall.id, exclude));
  const messages: string[] = [];
  for (const p of placed) messages.push(...conflictsOf(p.name, p.rect, index).map((c) => c.message));
  // The placed items among themselves (a pasted group over a row being laid, say).
  const own = indexObstacles(
    hall,
    placed.map((p, i) => ({ id: String(i), name: p.name, kind: 'rack' as const, rect: p.rect })),
  );
  placed.forEach((p, i) => {
    for (const o of own.near(p.rect))
      if (Number(o.id) > i && rectsOverlap(p.rect, o.rect)) messages.push(`${p.name} would overlap ${o.name}`);
  });
  if (messages.length === 0) return null;
  const shown = messages.slice(0, 3).join('; ');
  return messages.length > 3 ? `${shown}; and ${messages.length - 3} more.` : `${shown}.`;
}

/** New rows of racks at `slots` (shared/layout/rows.ts), refused if any rack would conflict. */
export function layRowsCommand(
  doc: ProjectDocument,
  hallId: string,
  rackTypeId: string,
  slots: RowSlot[][],
  feeds: { a: string | null; b: string | null },
): LayoutResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  const catalog = catalogFor(doc);
  const type = catalog.rackType(rackTypeId);
  if (!hall || !type) return refuse('Unknown hall or rack type.');
  const laid = layRows(doc, hall, rackTypeId, slots, feeds);
  const conflict = conflictText(
    doc,
    catalog,
    hall,
    laid.racks.map((r) => ({ name: r.name, rect: footprintRect(r.position, type.widthM, type.depthM, r.rotationDeg) })),
    new Set(),
  );
  if (conflict) return refuse(`The row cannot go there: ${conflict}`);
  const rowNames = laid.rows.map((r) => r.name).join(' and ');
  return {
    ok: true,
    ids: [...laid.rows.map((r) => r.id), ...laid.racks.map((r) => r.id)],
    notes: [],
    command: {
      label: `Lay ${rowNames} (${plural(laid.racks.length, 'rack')})`,
      recipe: (d) => {
        d.rows.push(...laid.rows);
        d.racks.push(...laid.racks);
        d.power.push(...laid.circuits);
      },
    },
  };
}

/** Sets positions and rotations of racks and floor cooling units, refused on a conflict. */
export function placementsCommand(doc: ProjectDocument, placements: readonly Placement[], label: string): LayoutResult {
  const catalog = catalogFor(doc);
  const found = planItems(
    doc,
    catalog,
    placements.map((p) => p.id),
  );
  if (found.hall === null) return refuse(found.reason);
  const byId = new Map(placements.map((p) => [p.id, p]));
  const moved = found.items.map((i) => ({ ...i, ...byId.get(i.id)! }));
  const unchanged = moved.every((m) => {
    const before = found.items.find((i) => i.id === m.id)!;
    return (
      before.position.x === m.position.x && before.position.y === m.position.y && before.rotationDeg === m.rotationDeg
    );
  });
  if (unchanged) return refuse('Nothing moves.');
  const conflict = conflictText(
    doc,
    catalog,
    found.hall,
    moved.map((m) => ({ name: m.name, rect: itemRect(m) })),
    new Set(byId.keys()),
  );
  if (conflict) return refuse(conflict);
  return {
    ok: true,
    ids: [...byId.keys()],
    notes: [],
    command: {
      label,
      recipe: (d) => {
        for (const item of [...d.racks, ...d.cooling]) {
          const p = byId.get(item.id);
          if (!p || !('position' in item)) continue;
          item.position = { x: p.position.x, y: p.position.y };
          item.rotationDeg = p.rotationDeg;
        }
      },
    },
  };
}

const groupLabel = (verb: string, n: number) => (n === 1 ? verb : `${verb} ${n} items`);

export function moveItems(doc: ProjectDocument, ids: readonly string[], dx: number, dy: number): LayoutResult {
  const found = planItems(doc, catalogFor(doc), ids);
  if (found.hall === null) return refuse(found.reason);
  const round = (v: number) => Number(v.toFixed(6));
  return placementsCommand(
    doc,
    found.items.map((i) => ({
      id: i.id,
      position: { x: round(i.position.x + dx), y: round(i.position.y + dy) },
      rotationDeg: i.rotationDeg,
    })),
    groupLabel('Move', found.items.length),
  );
}

export function rotateItems(doc: ProjectDocument, ids: readonly string[]): LayoutResult {
  const found = planItems(doc, catalogFor(doc), ids);
  if (found.hall === null) return refuse(found.reason);
  return placementsCommand(doc, rotateGroup(found.items), groupLabel('Rotate', found.items.length));
}

export function alignItems(doc: ProjectDocument, ids: readonly string[], mode: AlignMode): LayoutResult {
  const found = planItems(doc, catalogFor(doc), ids);
  if (found.hall === null) return refuse(found.reason);
  return placementsCommand(doc, alignGroup(found.items, mode), `Align ${found.items.length} items ${mode}`);
}

export function distributeItems(doc: ProjectDocument, ids: readonly string[], axis: 'x' | 'y'): LayoutResult {
  const found = planItems(doc, catalogFor(doc), ids);
  if (found.hall === null) return refuse(found.reason);
  if (found.items.length < 3) return refuse('Distributing needs three items at least.');
  return placementsCommand(
    doc,
    distributeGroup(found.items, axis),
    `Distribute ${found.items.length} items along ${axis}`,
  );
}

export function renumberCommand(doc: ProjectDocument, rowIds: readonly string[]): LayoutResult {
  const result = renumberRows(doc, rowIds);
  if (!result.ok) return refuse(result.reason);
  const { names } = result;
  if (names.size === 0) return refuse('Those rows hold no racks.');
  return {
    ok: true,
    ids: [...names.keys()],
    notes: [],
    command: {
      label: `Renumber ${plural(rowIds.length, 'row')}`,
      recipe: (d) => {
        const circuitNames = new Map<string, string>();
        for (const r of d.racks) {
          const name = names.get(r.id);
          if (!name) continue;
          r.name = name;
          if (r.feeds.a) circuitNames.set(r.feeds.a, `${name} A`);
          if (r.feeds.b) circuitNames.set(r.feeds.b, `${name} B`);
        }
        for (const p of d.power) {
          const name = circuitNames.get(p.id);
          if (name) p.name = name;
        }
      },
    },
  };
}

/**
 * Pastes the clipboard into `hallId`: where it was copied from when that is free (another hall,
 * another project, or after a cut), else the first free place stepping the group's own depth plus
 * an aisle across, then its width plus an aisle along.
 */
export function pasteCommand(
  doc: ProjectDocument,
  clip: LayoutClipboard,
  hallId: string,
  label = 'Paste',
): LayoutResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return refuse('Unknown hall.');
  const catalog = catalogFor(doc);
  const rects = clip.racks.map((r) => {
    const type = catalog.rackType(r.rackTypeId);
    return { name: r.name, rect: footprintRect(r.position, type?.widthM ?? 0.6, type?.depthM ?? 1.2, r.rotationDeg) };
  });
  const box = unionRect(rects.map((r) => r.rect));
  if (!box) return refuse('The clipboard is empty.');
  const aisle = doc.settings.cooling.minColdAisleM;
  const stepY = box.maxY - box.minY + aisle;
  const stepX = box.maxX - box.minX + aisle;
  const offsets: Point2[] = [{ x: 0, y: 0 }];
  for (let k = 1; k <= 20; k++)
    offsets.push({ x: 0, y: k * stepY }, { x: 0, y: -k * stepY }, { x: k * stepX, y: 0 }, { x: -k * stepX, y: 0 });
  const offset = offsets.find(
    (o) =>
      conflictText(
        doc,
        catalog,
        hall,
        rects.map((r) => ({ name: r.name, rect: moveRect(r.rect, o.x, o.y) })),
        new Set(),
      ) === null,
  );
  if (!offset) return refuse(`There is no free place in ${hall.name} for ${plural(clip.racks.length, 'rack')}.`);
  const pasted = pasteLayout(doc, clip, hall, offset);
  return {
    ok: true,
    ids: pasted.racks.map((r) => r.id),
    notes: pasted.notes,
    command: {
      label: `${label} ${plural(pasted.racks.length, 'rack')}`,
      recipe: (d) => {
        d.rows.push(...pasted.rows);
        d.racks.push(...pasted.racks);
        d.power.push(...pasted.circuits);
        d.customDevices.push(...pasted.customDevices);
      },
    },
  };
}

/** A copy of the selected racks beside them (the first free place), as one edit. */
export function duplicateItems(doc: ProjectDocument, ids: readonly string[]): LayoutResult {
  const clip = copyLayout(doc, ids);
  const hallId = doc.racks.find((r) => ids.includes(r.id))?.hallId;
  if (!clip || !hallId) return refuse('Select racks to duplicate.');
  return pasteCommand(doc, clip, hallId, 'Duplicate');
}

/** `count` copies of the selected racks, each `step` further on (a CAD linear array), as one edit. */
export function arrayItems(doc: ProjectDocument, ids: readonly string[], count: number, step: Point2): LayoutResult {
  if (!Number.isInteger(count) || count < 1 || count > 200) return refuse('Make between 1 and 200 copies.');
  if (step.x === 0 && step.y === 0) return refuse('The copies need a spacing.');
  const clip = copyLayout(doc, ids);
  const hall = doc.halls.find((h) => h.id === doc.racks.find((r) => ids.includes(r.id))?.hallId);
  if (!clip || !hall) return refuse('Select racks to array.');
  const catalog = catalogFor(doc);
  const rackRects = (c: LayoutClipboard, k: number) =>
    c.racks.map((r) => {
      const type = catalog.rackType(r.rackTypeId);
      const rect = footprintRect(r.position, type?.widthM ?? 0.6, type?.depthM ?? 1.2, r.rotationDeg);
      return { name: `${r.name} copy ${k}`, rect: moveRect(rect, step.x * k, step.y * k) };
    });
  const all = Array.from({ length: count }, (_, i) => rackRects(clip, i + 1)).flat();
  const conflict = conflictText(doc, catalog, hall, all, new Set());
  if (conflict) return refuse(`The array does not fit: ${conflict}`);
  // Paste copy by copy into a working document so ids, row numbers and names stay unique.
  let working = doc;
  const pastes: ReturnType<typeof pasteLayout>[] = [];
  for (let k = 1; k <= count; k++) {
    const pasted = pasteLayout(working, clip, hall, { x: step.x * k, y: step.y * k });
    pastes.push(pasted);
    working = {
      ...working,
      rows: [...working.rows, ...pasted.rows],
      racks: [...working.racks, ...pasted.racks],
      power: [...working.power, ...pasted.circuits],
      customDevices: [...working.customDevices, ...pasted.customDevices],
    };
  }
  return {
    ok: true,
    ids: pastes.flatMap((p) => p.racks.map((r) => r.id)),
    notes: [...new Set(pastes.flatMap((p) => p.notes))],
    command: {
      label: `Array ${plural(count, 'copy')}`,
      recipe: (d) => {
        for (const p of pastes) {
          d.rows.push(...p.rows);
          d.racks.push(...p.racks);
          d.power.push(...p.circuits);
          d.customDevices.push(...p.customDevices);
        }
      },
    },
  };
}

/** Walls along the corners drawn (closed back to the first for a room), in one edit. */
export function addWalls(
  doc: ProjectDocument,
  hallId: string,
  points: readonly Point2[],
  closed: boolean,
  thickness: number,
): LayoutResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return refuse('Unknown hall.');
  if (points.length < (closed ? 3 : 2))
    return refuse(closed ? 'A room needs three corners at least.' : 'A wall needs two ends.');
  const outside = points.find((p) => p.x < 0 || p.y < 0 || p.x > hall.width || p.y > hall.depth);
  if (outside) return refuse(`The corner at (${outside.x}, ${outside.y}) lies outside ${hall.name}.`);
  if (!(thickness > 0 && thickness <= 10)) return refuse('A wall is more than 0 and at most 10 m thick.');
  const nextId = idAllocator(doc);
  const ends = closed ? [...points, points[0]!] : [...points];
  const walls = ends.slice(1).flatMap((b, i) => {
    const a = ends[i]!;
    return a.x === b.x && a.y === b.y
      ? []
      : [{ id: nextId(`${hall.id}-wall`), hallId, a: { ...a }, b: { ...b }, thickness, height: hall.height }];
  });
  return {
    ok: true,
    ids: walls.map((w) => w.id),
    notes: [],
    command: {
      label: closed ? `Draw a room (${plural(walls.length, 'wall')})` : `Draw ${plural(walls.length, 'wall')}`,
      recipe: (d) => {
        d.walls.push(...walls);
      },
    },
  };
}

/** The racks of the rows among `ids`, plus the racks already among them: what a row selection moves. */
export function racksOfSelection(doc: ProjectDocument, ids: readonly string[]): string[] {
  const rows = new Set(ids.filter((id) => doc.rows.some((r) => r.id === id)));
  const set = new Set(ids);
  return doc.racks.filter((r) => set.has(r.id) || (r.rowId !== null && rows.has(r.rowId))).map((r) => r.id);
}

/**
 * Multi-edit of racks' shared layout fields: rack type (refused when a rack's devices would not
 * fit its U height, or the new footprint would conflict), row (of the racks' own hall), frame
 * already on site.
 */
export function setRacksLayout(
  doc: ProjectDocument,
  ids: readonly string[],
  patch: { rackTypeId?: string; rowId?: string | null; existing?: boolean },
): LayoutResult {
  const set = new Set(ids);
  const racks = doc.racks.filter((r) => set.has(r.id));
  if (racks.length === 0) return refuse('Select racks first.');
  const catalog = catalogFor(doc);
  if (patch.rackTypeId !== undefined) {
    const type = catalog.rackType(patch.rackTypeId);
    if (!type) return refuse(`Unknown rack type "${patch.rackTypeId}".`);
    const tooTall = racks.find((r) =>
      r.devices.some((d) => d.uPosition + (catalog.device(d.catalogId)?.uHeight ?? 1) - 1 > type.uHeight),
    );
    if (tooTall) return refuse(`${tooTall.name}'s devices reach above U${type.uHeight} of a ${type.name}.`);
    const byHall = new Map<string, typeof racks>();
    for (const r of racks) byHall.set(r.hallId, [...(byHall.get(r.hallId) ?? []), r]);
    for (const [hallId, list] of byHall) {
      const hall = doc.halls.find((h) => h.id === hallId);
      if (!hall) continue;
      const placed = list.map((r) => ({
        name: r.name,
        rect: footprintRect(r.position, type.widthM, type.depthM, r.rotationDeg),
      }));
      const conflict = conflictText(doc, catalog, hall, placed, set);
      if (conflict) return refuse(`Not with that footprint: ${conflict}`);
    }
  }
  if (patch.rowId !== undefined && patch.rowId !== null) {
    const row = doc.rows.find((r) => r.id === patch.rowId);
    if (!row) return refuse('Unknown row.');
    const elsewhere = racks.find((r) => r.hallId !== row.hallId);
    if (elsewhere) return refuse(`${elsewhere.name} stands in another hall than ${row.name}.`);
  }
  return {
    ok: true,
    ids: racks.map((r) => r.id),
    notes: [],
    command: {
      label: racks.length === 1 ? `Edit ${racks[0]!.name}` : `Edit ${racks.length} racks`,
      recipe: (d) => {
        for (const r of d.racks) {
          if (!set.has(r.id)) continue;
          if (patch.rackTypeId !== undefined) r.rackTypeId = patch.rackTypeId;
          if (patch.rowId !== undefined) r.rowId = patch.rowId;
          if (patch.existing !== undefined) r.existing = patch.existing;
        }
      },
    },
  };
}
