/** Findings and metrics for the current document, computed once per document version. */
import { runChecks, type CheckResults, type ProjectDocument } from '../../shared/index';
import { useEditor } from './editor';

const cache = new WeakMap<ProjectDocument, CheckResults>();

export function checksFor(doc: ProjectDocument): CheckResults {
  let results = cache.get(doc);
  if (!results) {
    results = runChecks(doc);
    cache.set(doc, results);
  }
  return results;
}

export function useChecks(): CheckResults {
  return checksFor(useEditor((s) => s.doc));
}
