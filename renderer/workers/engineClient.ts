/** Runs heavy engine work in the engine worker, one promise per request. */
import type { FillResult, ProjectDocument, RackConfig, ScenarioSummary } from '../../shared/index';
import type { EngineReply, EngineRequest } from './engineProtocol';

type Pending = { resolve: (reply: EngineReply) => void };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function engine(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      pending.get(event.data.id)?.resolve(event.data);
      pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      // A worker that fails to load or crashes answers every open request with the reason.
      for (const [id, p] of pending) p.resolve({ id, ok: false, error: event.message || 'The engine worker stopped.' });
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

type Omitted<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(request: Omitted<EngineRequest>): Promise<EngineReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    engine().postMessage({ ...request, id } as EngineRequest);
  });
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export async function compareInWorker(
  doc: ProjectDocument,
  ids: (string | null)[],
): Promise<Outcome<ScenarioSummary[]>> {
  const reply = await ask({ kind: 'compare', doc, ids });
  if (!reply.ok) return reply;
  return reply.kind === 'compare' ? { ok: true, value: reply.value } : { ok: false, error: 'Unexpected reply.' };
}

export async function fillInWorker(
  doc: ProjectDocument,
  rowIds: string[],
  config: RackConfig,
): Promise<Outcome<FillResult>> {
  const reply = await ask({ kind: 'fill', doc, rowIds, config });
  if (!reply.ok) return reply;
  return reply.kind === 'fill' ? { ok: true, value: reply.value } : { ok: false, error: 'Unexpected reply.' };
}
