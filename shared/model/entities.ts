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
