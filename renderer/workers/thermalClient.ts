/**
 * Runs the thermal simulation in thermal workers, one worker per run in progress, so that two halls
 * can be solved at once (the store decides how many run together). A finished run's worker is kept
 * for the next; cancelling terminates the run's worker at once, wherever the solver is, and a later
 * run loads a fresh one (a few tens of ms, nothing next to a run).
 */
import type { ProjectDocument } from '../../shared/index';
import type { ThermalOptions, ThermalProgress, ThermalRun } from '../../shared/thermal/types';
import type { ThermalReply, ThermalRequest } from './thermalProtocol';

export interface ThermalHandle {
  /** Resolves once with the run's outcome; `{ ok: false, cancelled: true }` after `cancel()`. */
  done: Promise<ThermalRun>;
  cancel(): void;
}

/** How the store starts a run: the worker in the app, the engine on the same thread in unit tests. */
export type ThermalRunner = (
  doc: ProjectDocument,
  options: ThermalOptions,
  onProgress: (progress: ThermalProgress) => void,
) => ThermalHandle;

export const CANCELLED: ThermalRun = { ok: false, cancelled: true, error: 'The simulation was cancelled.' };

/** Workers kept loaded between runs: as many as the store runs at once (MAX_WORKERS in store/thermal.ts). */
const MAX_IDLE = 2;
const idle: Worker[] = [];
let nextId = 1;

/** A loaded worker for one run: an idle one, else a new one. */
function takeWorker(): Worker {
  return idle.pop() ?? new Worker(new URL('./thermal.worker.ts', import.meta.url), { type: 'module' });
}

export const runThermalInWorker: ThermalRunner = (doc, options, onProgress) => {
  const id = nextId++;
  const worker = takeWorker();
  let settled = false;
  let resolve!: (run: ThermalRun) => void;
  const done = new Promise<ThermalRun>((r) => (resolve = r));
  const finish = (outcome: ThermalRun, keepWorker: boolean) => {
    if (settled) return;
    settled = true;
    worker.onmessage = null;
    worker.onerror = null;
    if (keepWorker && idle.length < MAX_IDLE) idle.push(worker);
    else worker.terminate();
    resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<ThermalReply>) => {
    const reply = event.data;
    if (reply.id !== id) return;
    if (reply.kind === 'progress') onProgress(reply.progress);
    else finish(reply.run, true);
  };
  worker.onerror = (event) => {
    // A worker that fails to load or crashes ends the run with the reason; the next run starts another.
    event.preventDefault();
    finish({ ok: false, cancelled: false, error: event.message || 'The thermal worker stopped.' }, false);
  };
  worker.postMessage({ id, doc, options } satisfies ThermalRequest);
  // The solver never yields, so a message could not stop it: cancelling terminates its worker.
  return { done, cancel: () => finish(CANCELLED, false) };
};
