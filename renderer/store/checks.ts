/**
 * Findings and metrics for the current document. One checker follows the editor's document from
 * edit to edit and re-runs only what each edit touched (shared/checks/incremental.ts): on a
 * 10,000-rack campus moving a rack re-checks its hall, not the site.
 */
import { useMemo } from 'react';
import {
  catalogFor,
  createChecker,
  simulateFailure,
  type CheckResults,
  type FailureSimulation,
  type ProjectDocument,
} from '../../shared/index';
import { useEditor } from './editor';

const checker = createChecker();

export function checksFor(doc: ProjectDocument): CheckResults {
  return checker.check(doc);
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
