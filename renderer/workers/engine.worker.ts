/**
 * The engine in a Web Worker: comparing scenarios and filling to capacity each run every check
 * several times, seconds on a large site, so they run here and the editor stays interactive.
 */
import { compareScenarios, fillToCapacity } from '../../shared/index';
import type { EngineReply, EngineRequest } from './engineProtocol';

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  let reply: EngineReply;
  try {
    reply =
      request.kind === 'compare'
        ? { id: request.id, ok: true, kind: 'compare', value: compareScenarios(request.doc, request.ids) }
        : {
            id: request.id,
            ok: true,
            kind: 'fill',
            value: fillToCapacity(request.doc, request.rowIds, request.config),
          };
  } catch (e) {
    reply = { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
