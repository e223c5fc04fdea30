/**
 * Runs the thermal simulation in the thermal worker. One run at a time: starting another cancels
 * the one in progress. Cancelling terminates the worker at once, wherever the solver is, and the
 * next run starts a fresh one (loading the worker's module again takes a few tens of ms, nothing
 * next to a run).
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

let worker: Worker | null = null;
let current: { id: number; finish: (run: ThermalRun) => void; onProgress: (p: ThermalProgress) => void } | null = null;
let nextId = 1;

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

function thermalWorker(): Worker {
  if (!worker) {
    const w = new Worker(new URL('./thermal.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ThermalReply>) => {
      const reply = event.data;
      if (!current || reply.id !== current.id) return;
      if (reply.kind === 'progress') current.onProgress(reply.progress);
      else current.finish(reply.run);
    };
    w.onerror = (event) => {
      // A worker that fails to load or crashes ends the run with the reason; the next run starts another.
      event.preventDefault();
      current?.finish({ ok: false, cancelled: false, error: event.message || 'The thermal worker stopped.' });
      stopWorker();
    };
    worker = w;
  }
  return worker;
}

export const runThermalInWorker: ThermalRunner = (doc, options, onProgress) => {
  if (current) {
    current.finish(CANCELLED);
    stopWorker();
  }
  const id = nextId++;
  let resolve!: (run: ThermalRun) => void;
  const done = new Promise<ThermalRun>((r) => (resolve = r));
  const run = {
    id,
    onProgress,
    finish: (outcome: ThermalRun) => {
      if (current === run) current = null;
      resolve(outcome);
    },
  };
  current = run;
  thermalWorker().postMessage({ id, doc, options } satisfies ThermalRequest);
  return {
    done,
    cancel: () => {
      if (current !== run) return;
      run.finish(CANCELLED);
      stopWorker();
    },
  };
};
