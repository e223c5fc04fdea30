/**
 * What the store's edit tests share: a fresh editor on the sample facility, the document it holds,
 * and the checks every edit test makes (an edit is offered, it runs, the file still opens).
 */
import { buildSampleFacility, parseProject, serializeProject } from '../../shared/index';
import { createEditorStore } from './documentStore';
import type { EditResult } from './powerCommands';

export const fresh = () => createEditorStore(buildSampleFacility(), { name: 'sample.hallwright', handle: null });
export type Store = ReturnType<typeof fresh>;

export const doc = (store: Store) => store.getState().doc;

/** The edit, which must have been offered. */
export function ok(result: EditResult) {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** Runs an edit that must have been offered. */
export function run(store: Store, result: EditResult) {
  const offered = ok(result);
  store.getState().run(offered.command);
  return offered;
}

/** Every edit must leave a document that opens again. */
export const reopens = (store: Store) => parseProject(serializeProject(doc(store))).ok;
