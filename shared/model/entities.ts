/** Every id-bearing collection of a document, in one place, so nothing enumerates them by hand. */
import type { ProjectDocument } from './schema';

export const ENTITY_COLLECTIONS = [
  'buildings',
  'halls',
  'walls',
  'doors',
  'rows',
  'racks',
  'power',
  'cooling',
  'containments',
  'zones',
  'tenants',
  'cameras',
  'customDevices',
  'scenarios',
  'tours',
] as const;

export function allEntityIds(doc: Pick<ProjectDocument, (typeof ENTITY_COLLECTIONS)[number]>): Set<string> {
  const ids = new Set<string>();
  for (const key of ENTITY_COLLECTIONS) for (const item of doc[key]) ids.add(item.id);
  return ids;
}

/**
 * Hands out ids of the form `prefix-n` (or `prefix` itself when `exact` and free) that no entity
 * of `doc` uses and that it has not handed out before, for edits that create many entities at once.
 */
export function idAllocator(
  doc: Pick<ProjectDocument, (typeof ENTITY_COLLECTIONS)[number]>,
): (prefix: string, exact?: boolean) => string {
  const used = allEntityIds(doc);
  const next = new Map<string, number>();
  return (prefix, exact = false) => {
    if (exact && !used.has(prefix)) {
      used.add(prefix);
      return prefix;
    }
    let n = next.get(prefix) ?? 1;
    while (used.has(`${prefix}-${n}`)) n++;
    next.set(prefix, n + 1);
    const id = `${prefix}-${n}`;
    used.add(id);
    return id;
  };
}
