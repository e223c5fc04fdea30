/**
 * Findings and metrics for the current document. One checker follows the editor's document from
 * edit to edit and re-runs only what each edit touched (shared/checks/incremental.ts): on a
 * 10,000-rack campus moving a rack re-checks its hall, not the site. On a large site the loads
 * (power proof, cooling balance) of an edit that changes them are worked out in a Worker
 * (renderer/workers/loadsClient.ts): until they come the results carry the latest loads, marked
 * `loadsPending`, and the status bar and findings panel say so.
 */
import { useMemo, useSyncExternalStore } from 'react';
import {
  catalogFor,
  createChecker,
  simulateFailure,
  type CheckResults,
  type FailureSimulation,
  type ProjectDocument,
} from '../../shared/index';
import { createWorkerLoads } from '../workers/loadsClient';
import type { LoadsReply } from '../workers/loadsProtocol';
import { useEditor } from './editor';

/** Bumped when loads arrive from the worker, so the views that read checks render again. */
let answers = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const loads = createWorkerLoads({
  start: ({ reply, crash }) => {
    if (typeof Worker === 'undefined') return null;
    const worker = new Worker(new URL('../workers/loads.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LoadsReply>) => reply(event.data);
    worker.onerror = crash;
    return { post: (request) => worker.postMessage(request) };
  },
  onAnswer: () => {
    answers++;
    listeners.forEach((l) => l());
  },
});
const checker = createChecker(loads);

export function checksFor(doc: ProjectDocument): CheckResults {
  return checker.check(doc);
}

export function useChecks(): CheckResults {
  useSyncExternalStore(subscribe, () => answers);
  return checksFor(useEditor((s) => s.doc));
}

/** Every check of `doc` with its own loads, waiting for the worker if need be (the report must not show stale ones). */
export async function completeChecksFor(doc: ProjectDocument): Promise<CheckResults> {
  let results = checksFor(doc);
  while (results.loadsPending) {
    await loads.settled();
    results = checksFor(doc);
  }
  return results;
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
