/**
 * Edits of the project's own devices (`customDevices`) as undoable commands, and the one pure
 * change to the user catalog (the devices a user keeps across projects). Every device is checked
 * with `customDeviceSchema`, the schema a project file and the user catalog both use, so an edit
 * never makes a document that would not open, nor a catalog entry a project would refuse.
 */
import {
  allEntityIds,
  BUILTIN_DEVICES,
  customDeviceSchema,
  plural,
  type CustomDevice,
  type ProjectDocument,
  type UserCatalog,
  type UserQuote,
} from '../../shared/index';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

/** What the user types for a device: everything but the id, which the project gives it. */
export type CustomDeviceFields = Omit<CustomDevice, 'id'>;

const SLUG_MAX = 60;

/** "Acme HGX-9 (liquid)" → "acme-hgx-9-liquid": lower-case ASCII letters and digits joined by dashes. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return s || 'device';
}

/**
 * `custom-<slug of the name>` (no built-in id starts with `custom-`), numbered when taken by any
 * entity of the document or by an id in `avoid`. The panel passes the user catalog's ids there,
 * so saving a new device to "my catalog" never replaces a different device that shares its name.
 */
export function customDeviceId(doc: ProjectDocument, name: string, avoid: Iterable<string> = []): string {
  const used = allEntityIds(doc);
  for (const id of avoid) used.add(id);
  const base = `custom-${slug(name)}`;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export function addCustomDevice(
  doc: ProjectDocument,
  fields: CustomDeviceFields,
  avoid: Iterable<string> = [],
): EditResult {
  const id = customDeviceId(doc, fields.name, avoid);
  const parsed = validate(customDeviceSchema, { ...fields, id });
  if (!parsed.ok) return parsed;
  const device = parsed.value;
  return {
    ok: true,
    id,
    command: { label: `Add ${device.name}`, recipe: (d) => void d.customDevices.push(device) },
  };
}

export function updateCustomDevice(doc: ProjectDocument, id: string, patch: Partial<CustomDeviceFields>): EditResult {
  const current = doc.customDevices.find((c) => c.id === id);
  if (!current) return { ok: false, reason: 'That device is no longer in the project.' };
  const parsed = validate(customDeviceSchema, { ...current, ...patch, id });
  if (!parsed.ok) return parsed;
  const device = parsed.value;
  return {
    ok: true,
    command: {
      label: `Edit ${current.name}`,
      recipe: (d) => {
        const i = d.customDevices.findIndex((c) => c.id === id);
        if (i >= 0) d.customDevices[i] = device;
      },
    },
  };
}

/**
 * Removes a custom device, refused while a rack holds it or a scenario fills racks with it: the
 * file would then name a device that no longer exists and would not open.
 */
export function deleteCustomDevice(doc: ProjectDocument, id: string): EditResult {
  const current = doc.customDevices.find((c) => c.id === id);
  if (!current) return { ok: false, reason: 'That device is no longer in the project.' };
  const racks = doc.racks.filter((r) => r.devices.some((d) => d.catalogId === id)).length;
  if (racks > 0)
    return {
      ok: false,
      reason: `${current.name} is in ${plural(racks, 'rack')}; take it out of ${racks === 1 ? 'that rack' : 'them'} before deleting it.`,
    };
  const scenarios = doc.scenarios.filter((s) =>
    s.rules.some((r) => r.action.kind === 'replace' && r.action.config.devices.some((d) => d.catalogId === id)),
  );
  if (scenarios.length > 0)
    return {
      ok: false,
      reason: `${current.name} is used by ${plural(scenarios.length, 'scenario')} (${scenarios.map((s) => s.name).join(', ')}); change their rules before deleting it.`,
    };
  return {
    ok: true,
    command: {
      label: `Delete ${current.name}`,
      recipe: (d) => void (d.customDevices = d.customDevices.filter((c) => c.id !== id)),
    },
  };
}

/** Key-order-independent form of a device, so two copies compare equal however they were built. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

export function sameDevice(a: CustomDevice, b: CustomDevice): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Copies devices of the user catalog into the project, so the project carries them and opens on
 * any machine. A device already there with the same content is skipped; one whose id the project
 * already uses for something else (another device, any entity, a built-in device) is refused.
 */
export function importFromUserCatalog(
  doc: ProjectDocument,
  catalog: UserCatalog,
  deviceIds: readonly string[],
): EditResult {
  const ids = allEntityIds(doc);
  const added: CustomDevice[] = [];
  for (const id of new Set(deviceIds)) {
    const entry = catalog.devices.find((c) => c.id === id);
    if (!entry) return { ok: false, reason: `"${id}" is not in your catalog.` };
    const parsed = validate(customDeviceSchema, entry);
    if (!parsed.ok) return { ok: false, reason: `${entry.name}: ${parsed.reason}` };
    const existing = doc.customDevices.find((c) => c.id === id);
    if (existing) {
      if (sameDevice(existing, parsed.value)) continue;
      return {
        ok: false,
        reason: `The project already has a different device with the id "${id}" (${existing.name}); edit or delete one of them first.`,
      };
    }
    if (ids.has(id) || BUILTIN_DEVICES.some((b) => b.id === id))
      return { ok: false, reason: `The id "${id}" of ${entry.name} is already used in the project.` };
    added.push(parsed.value);
  }
  if (added.length === 0)
    return {
      ok: false,
      reason:
        deviceIds.length === 1 ? 'That device is already in the project.' : 'Those devices are already in the project.',
    };
  const first = added[0]!;
  return {
    ok: true,
    id: first.id,
    command: {
      label: added.length === 1 ? `Add ${first.name} from my catalog` : `Add ${added.length} devices from my catalog`,
      recipe: (d) => void d.customDevices.push(...added),
    },
  };
}

/** The user catalog with `device` added, or replacing the entry with its id (where it was, to keep the list stable). */
export function mergeIntoUserCatalog(catalog: UserCatalog, device: CustomDevice): UserCatalog {
  const i = catalog.devices.findIndex((c) => c.id === device.id);
  const devices = i < 0 ? [...catalog.devices, device] : catalog.devices.map((c, j) => (j === i ? device : c));
  return { ...catalog, devices };
}

/** The user catalog without the device `id`. */
export function removeFromUserCatalog(catalog: UserCatalog, id: string): UserCatalog {
  return { ...catalog, devices: catalog.devices.filter((c) => c.id !== id) };
}

/**
 * The user catalog with the project's quotes kept for other projects, in the project's currency;
 * a kept quote for the same item and currency is replaced by the project's.
 */
export function keepQuotes(catalog: UserCatalog, doc: ProjectDocument): UserCatalog {
  const currency = doc.settings.currency;
  const incoming: UserQuote[] = doc.quotes.map((q) => ({ ...q, currency }));
  const replaced = new Set(incoming.map((q) => q.itemKey));
  return { ...catalog, quotes: [...catalog.quotes.filter((q) => !replaced.has(q.itemKey)), ...incoming] };
}

export function removeQuoteFromUserCatalog(catalog: UserCatalog, itemKey: string): UserCatalog {
  return { ...catalog, quotes: catalog.quotes.filter((q) => q.itemKey !== itemKey) };
}

/**
 * Takes the kept quotes in the project's currency for the items the project has no quote for: a
 * project's own quotes are never overwritten, and a quote in another currency is never converted.
 */
export function takeKeptQuotes(doc: ProjectDocument, catalog: UserCatalog): EditResult {
  const quoted = new Set(doc.quotes.map((q) => q.itemKey));
  const taken = catalog.quotes
    .filter((q) => q.currency === doc.settings.currency && !quoted.has(q.itemKey))
    .map(({ currency: _currency, ...quote }) => quote);
  if (taken.length === 0)
    return { ok: false, reason: `Your catalog has no ${doc.settings.currency} quote this project lacks.` };
  return {
    ok: true,
    command: {
      label: `Use ${plural(taken.length, 'quote')} from my catalog`,
      recipe: (d) => void d.quotes.push(...taken),
    },
  };
}
