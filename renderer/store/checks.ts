/** Findings and metrics for the current document, computed once per document version. */
import { useMemo } from 'react';
import {
  catalogFor,
  runChecks,
  simulateFailure,
  type CheckResults,
  type FailureSimulation,
  type ProjectDocument,
} from '../../shared/index';
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

/** The failure being simulated, run through the engine for the current document; null when none. */
export function useSimulation(): FailureSimulation | null {
  const doc = useEditor((s) => s.doc);
  const request = useEditor((s) => s.simulation);
  return useMemo(
    () =>
      request
        ? simulateFailure(
            doc,
            catalogFor(doc),
            request.failedIds,
            new Map(Object.entries(request.modules)),
            request.label,
          )
        : null,
    [doc, request],
  );
}
