/**
 * Edits of the power chain, as undoable commands. Each one is checked against the same schema
 * the file loader uses before it is offered, so an edit can never produce a document that would
 * not open again: a refused edit comes back with the reason.
 */
import {
  defaultRackCircuit,
  newComponent,
  powerComponentSchema,
  settingsSchema,
  type PowerComponent,
  type ProjectDocument,
  type Rack,
  type Settings,
} from '../../shared/index';
import { freshId, freshName } from './commands';
import type { Command } from './history';
import { validate } from './validate';

export type EditResult = { ok: true; command: Command; id?: string } | { ok: false; reason: string };

const KIND_NAMES: Record<PowerComponent['kind'], string> = {
  utility: 'Utility',
  generator: 'Generator',
  transformer: 'Transformer',
  switchgear: 'Switchboard',
  ups: 'UPS',
  distribution: 'PDU',
  circuit: 'Circuit',
  mechanical: 'Mechanical board',
};

/** Kinds that may feed other components (a circuit or mechanical board is a leaf; a generator backs up). */
export const CAN_HAVE_CHILDREN: ReadonlySet<PowerComponent['kind']> = new Set([
  'utility',
  'transformer',
  'switchgear',
  'ups',
  'distribution',
]);

/** Whether `candidate` is `id` or lies below it: connecting `id` under it would close a loop. */
function isSelfOrDescendant(doc: ProjectDocument, id: string, candidate: string): boolean {
  const byId = new Map(doc.power.map((p) => [p.id, p]));
  for (let at: string | null = candidate; at !== null; at = byId.get(at)?.parentId ?? null) {
    if (at === id) return true;
  }
  return false;
}

/** Adds a component of `kind` under `parentId` (or, for a generator, standing by for it). */
export function addComponent(doc: ProjectDocument, kind: PowerComponent['kind'], parentId: string | null): EditResult {
  const parent = parentId !== null ? doc.power.find((p) => p.id === parentId) : undefined;
  if (kind === 'generator' && !parent) return { ok: false, reason: 'Select the switchboard a generator backs up.' };
  if (kind !== 'generator' && kind !== 'utility' && parent && !CAN_HAVE_CHILDREN.has(parent.kind))
    return { ok: false, reason: `A ${parent.kind} cannot feed other components.` };
  const id = freshId(doc, kind === 'distribution' ? 'pdu' : kind);
  const component = newComponent(kind, {
    id,
    name: freshName(
      doc.power.map((p) => p.name),
      KIND_NAMES[kind],
    ),
    parentId,
    side: parent?.side ?? null,
  });
  const parsed = powerComponentSchema.safeParse(component);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'Invalid component.' };
  return {
    ok: true,
    id,
    command: { label: `Add ${component.name}`, recipe: (d) => void d.power.push(parsed.data) },
  };
}

/** Changes fields of a component; refused when the result would not validate. */
export function updateComponent(doc: ProjectDocument, id: string, patch: Record<string, unknown>): EditResult {
  const current = doc.power.find((p) => p.id === id);
  if (!current) return { ok: false, reason: 'That component no longer exists.' };
  const parsed = validate(powerComponentSchema, { ...current, ...patch, id, kind: current.kind });
  if (!parsed.ok) return parsed;
  const zoneId = 'zoneId' in parsed.value ? parsed.value.zoneId : null;
  if (zoneId !== null && !doc.zones.some((z) => z.id === zoneId))
    return { ok: false, reason: 'That zone no longer exists.' };
  if ('parentId' in patch) {
    const parentId = parsed.value.parentId;
    if (parentId !== null) {
      const parent = doc.power.find((p) => p.id === parentId);
      if (!parent || !CAN_HAVE_CHILDREN.has(parent.kind))
        return { ok: false, reason: 'That component cannot feed others.' };
      if (isSelfOrDescendant(doc, id, parentId))
        return { ok: false, reason: `${current.name} cannot be fed from itself or from below itself.` };
    }
  }
  return {
    ok: true,
    command: {
      label: `Edit ${current.name}`,
      recipe: (d) => {
        const i = d.power.findIndex((p) => p.id === id);
        if (i >= 0) d.power[i] = parsed.value;
      },
    },
  };
}

/** Connects a component under a new parent, or disconnects it (null). */
export function connectComponent(doc: ProjectDocument, id: string, parentId: string | null): EditResult {
  return updateComponent(doc, id, { parentId });
}

/**
 * Deletes components. Their children stay, disconnected (the user reconnects them); racks lose
 * the deleted circuits; generators standing by for a deleted component go with it.
 */
export function deleteComponents(doc: ProjectDocument, ids: readonly string[]): EditResult {
  const gone = new Set(ids);
  for (const p of doc.power) if (p.kind === 'generator' && gone.has(p.backsUpId)) gone.add(p.id);
  if (![...gone].some((id) => doc.power.some((p) => p.id === id))) return { ok: false, reason: 'Nothing to delete.' };
  return {
    ok: true,
    command: {
      label: gone.size === 1 ? 'Delete component' : `Delete ${gone.size} components`,
      recipe: (d) => {
        d.power = d.power.filter((p) => !gone.has(p.id));
        for (const p of d.power) if (p.parentId !== null && gone.has(p.parentId)) p.parentId = null;
        for (const r of d.racks) {
          if (r.feeds.a !== null && gone.has(r.feeds.a)) r.feeds.a = null;
          if (r.feeds.b !== null && gone.has(r.feeds.b)) r.feeds.b = null;
        }
      },
    },
  };
}

/**
 * Feeds racks from a pair of distribution components: each rack's A circuit goes under `a`, its
 * B circuit under `b`, creating 415 V 3φ 63 A circuits where a side has none. Either side may be
 * null to leave it as it is.
 */
export function assignCircuits(
  doc: ProjectDocument,
  rackIds: readonly string[],
  pair: { a: string | null; b: string | null },
): EditResult {
  const wanted = new Set(rackIds);
  const racks = doc.racks.filter((r) => wanted.has(r.id));
  if (racks.length === 0) return { ok: false, reason: 'Select racks first.' };
  for (const id of [pair.a, pair.b]) {
    if (id === null) continue;
    const p = doc.power.find((c) => c.id === id);
    if (!p || !CAN_HAVE_CHILDREN.has(p.kind))
      return { ok: false, reason: 'Choose a component that can feed circuits.' };
  }
  if (pair.a === null && pair.b === null) return { ok: false, reason: 'Choose a feed for side A or side B.' };
  const used = new Set(doc.power.map((p) => p.id));
  const plan = racks.map((rack) => {
    const sides = (['a', 'b'] as const).map((s) => {
      const parent = pair[s];
      if (parent === null) return null;
      const existing = rack.feeds[s];
      if (existing !== null) return { side: s, circuitId: existing, parent, create: false };
      let circuitId = `ckt-${rack.id}-${s}`;
      for (let n = 2; used.has(circuitId); n++) circuitId = `ckt-${rack.id}-${s}${n}`;
      used.add(circuitId);
      return { side: s, circuitId, parent, create: true };
    });
    return { rack, sides: sides.filter((x) => x !== null) };
  });
  return {
    ok: true,
    command: {
      label: racks.length === 1 ? `Feed ${racks[0]!.name}` : `Feed ${racks.length} racks`,
      recipe: (d) => {
        for (const { rack, sides } of plan) {
          const target = d.racks.find((r) => r.id === rack.id);
          if (!target) continue;
          for (const s of sides) {
            if (s.create) {
              const side = s.side === 'a' ? 'A' : 'B';
              d.power.push({ ...defaultRackCircuit(s.circuitId, `${rack.name} ${side}`, side), parentId: s.parent });
              target.feeds[s.side] = s.circuitId;
            } else {
              const c = d.power.find((p) => p.id === s.circuitId);
              if (c) c.parentId = s.parent;
            }
          }
        }
      },
    },
  };
}

/** Sets a rack's declared redundancy and whether its load is interruptible. */
export function setRackPower(
  rackIds: readonly string[],
  patch: Partial<Pick<Rack, 'redundancy' | 'interruptible'>>,
): Command {
  const set = new Set(rackIds);
  return {
    label: 'Rack power settings',
    recipe: (d) => {
      for (const r of d.racks) if (set.has(r.id)) Object.assign(r, patch);
    },
  };
}

/** Changes design settings; refused when the result would not validate. */
export function updateSettings(doc: ProjectDocument, patch: Partial<Settings>): EditResult {
  const parsed = validate(settingsSchema, { ...doc.settings, ...patch });
  if (!parsed.ok) return parsed;
  return { ok: true, command: { label: 'Design settings', recipe: (d) => void (d.settings = parsed.value) } };
}
