/**
 * The thermal simulation in its own Web Worker (apart from the engine worker, so a long solve never
 * queues a scenario comparison behind it). It reports progress at most every PROGRESS_MS or each
 * percent, and hands the fields back as transferables: a fine run of the sample is megabytes of
 * Float32Array that a copy would duplicate.
 */
import { simulateThermal } from '../../shared/thermal/index';
import type { ThermalReply, ThermalRequest } from './thermalProtocol';

/** Progress messages are throttled to this interval, ms (the bar moves in whole percent anyway). */
const PROGRESS_MS = 100;

self.onmessage = (event: MessageEvent<ThermalRequest>) => {
  const { id, doc, options } = event.data;
  let lastAt = 0;
  let lastFraction = -1;
  let lastPhase = '';
  const post = (reply: ThermalReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });
  let reply: ThermalReply;
  try {
    const run = simulateThermal(doc, options, (progress) => {
      const now = performance.now();
      if (progress.phase !== lastPhase || progress.fraction - lastFraction >= 0.01 || now - lastAt >= PROGRESS_MS) {
        lastAt = now;
        lastFraction = progress.fraction;
        lastPhase = progress.phase;
        post({ id, kind: 'progress', progress });
      }
    });
    reply = { id, kind: 'done', run };
  } catch (e) {
    reply = {
      id,
      kind: 'done',
      run: { ok: false, cancelled: false, error: e instanceof Error ? e.message : String(e) },
    };
  }
  const buffers = new Set<ArrayBufferLike>();
  if (reply.kind === 'done' && reply.run.ok)
    for (const f of reply.run.result.fields) {
      buffers.add(f.temperatureC.buffer);
      buffers.add(f.velocity.buffer);
      buffers.add(f.solid.buffer);
    }
  post(
    reply,
    [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
  );
};
