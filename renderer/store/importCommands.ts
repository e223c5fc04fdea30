/**
 * A DXF floor plan (shared/import/dxf.ts) into the document as one undoable command: a new hall
 * sized to the plan with its walls, or the walls added to a hall the plan fits in. The hall and the
 * walls are checked against their file schemas first, so an import never makes a document that
 * would not open again.
 */
import { z } from 'zod';
import {
  DEFAULT_FLOOR,
  hallSchema,
  idAllocator,
  newHall,
  wallSchema,
  type DxfPlan,
  type Floor,
  type ProjectDocument,
  type Wall,
} from '../../shared/index';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

/** The document's wall limit (schema: walls at most 100,000). */
const MAX_WALLS = 100_000;
/** A plan this much larger than a hall still fits it: the plan is kept to 0.1 mm. */
const FIT_M = 1e-4;

export interface ImportedHallFields {
  name: string;
  code: string;
  /** Clear ceiling height, m. */
  height: number;
  /** Floor fields that differ from the default slab (DEFAULT_FLOOR). */
  floor?: Partial<Floor>;
  /** The building it stands in; none by default. */
  buildingId?: string | null;
}

const size = (w: number, d: number) =>
  `${w.toLocaleString('en-US', { maximumFractionDigits: 2 })} m × ${d.toLocaleString('en-US', { maximumFractionDigits: 2 })} m`;

/** The plan's walls in a hall, with fresh ids, checked against the wall schema; or why not. */
function wallsFor(
  doc: ProjectDocument,
  hallId: string,
  plan: DxfPlan,
  nextId: (prefix: string) => string,
): Wall[] | string {
  if (plan.walls.length === 0) return 'The plan has no walls: choose the layers that draw them.';
  const total = doc.walls.length + plan.walls.length;
  if (total > MAX_WALLS)
    return `The project would hold ${total.toLocaleString('en-US')} walls; a project holds at most ${MAX_WALLS.toLocaleString('en-US')}. Import fewer layers, or purge the drawing first.`;
  const walls = plan.walls.map(({ a, b }) => ({
    id: nextId(`${hallId}-wall`),
    hallId,
    a,
    b,
    thickness: plan.wallThicknessM,
    height: plan.wallHeightM,
  }));
  const parsed = validate(z.array(wallSchema), walls);
  return parsed.ok ? parsed.value : `Imported walls: ${parsed.reason}`;
}

/** A new hall as wide and deep as the plan, holding its walls; the result's `id` is the hall's. */
export function importPlanAsHall(doc: ProjectDocument, plan: DxfPlan, fields: ImportedHallFields): EditResult {
  const name = fields.name.trim();
  if (name === '') return { ok: false, reason: 'The new hall needs a name.' };
  const code = fields.code.trim().toUpperCase();
  const taken = doc.halls.find((h) => h.code.toUpperCase() === code);
  if (taken) return { ok: false, reason: `Hall code "${code}" is already used by ${taken.name}: choose another.` };
  const buildingId = fields.buildingId ?? null;
  if (buildingId !== null && !doc.buildings.some((b) => b.id === buildingId))
    return { ok: false, reason: 'That building no longer exists.' };
  if (!(plan.widthM > 0 && plan.depthM > 0))
    return {
      ok: false,
      reason: `The chosen lines lie on one line (${size(plan.widthM, plan.depthM)}): a hall needs a width and a depth. Choose the layers that draw its outline, or import into an existing hall.`,
    };

  const nextId = idAllocator(doc);
  const hall = validate(
    hallSchema,
    newHall({
      id: nextId('hall'),
      name,
      code,
      buildingId,
      width: plan.widthM,
      depth: plan.depthM,
      height: fields.height,
      floor: { ...DEFAULT_FLOOR, ...fields.floor },
    }),
  );
  if (!hall.ok) return { ok: false, reason: `New hall: ${hall.reason}` };
  const walls = wallsFor(doc, hall.value.id, plan, nextId);
  if (typeof walls === 'string') return { ok: false, reason: walls };
  return {
    ok: true,
    id: hall.value.id,
    command: {
      label: `Import ${name} from DXF`,
      recipe: (d) => {
        d.halls.push(hall.value);
        for (const w of walls) d.walls.push(w);
      },
    },
  };
}

/** The plan's walls added to a hall, its (0, 0) on the hall's; refused when the plan is larger than the hall. */
export function importPlanIntoHall(doc: ProjectDocument, hallId: string, plan: DxfPlan): EditResult {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return { ok: false, reason: 'That hall no longer exists.' };
  if (plan.widthM > hall.width + FIT_M || plan.depthM > hall.depth + FIT_M)
    return {
      ok: false,
      reason: `The plan is ${size(plan.widthM, plan.depthM)}, larger than ${hall.name} (${size(hall.width, hall.depth)}). Import it as a new hall, or enlarge ${hall.name} first.`,
    };
  const walls = wallsFor(doc, hall.id, plan, idAllocator(doc));
  if (typeof walls === 'string') return { ok: false, reason: walls };
  return {
    ok: true,
    id: hall.id,
    command: {
      label: `Import ${walls.length} walls into ${hall.name} from DXF`,
      recipe: (d) => {
        for (const w of walls) d.walls.push(w);
      },
    },
  };
}
