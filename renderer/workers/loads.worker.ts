/**
 * The loads of a large site — the power chain with its redundancy proof, the cooling balance —
 * worked out off the page's thread: on the 10,000-rack campus they take about a second, which
 * would freeze the editor on every device or feed edit (renderer/store/checks.ts).
 */
import { createLoadsWorkerCore } from './loadsWorkerCore';
import type { LoadsRequest } from './loadsProtocol';

const handle = createLoadsWorkerCore();

self.onmessage = (event: MessageEvent<LoadsRequest>) => {
  self.postMessage(handle(event.data));
};
