/**
 * What the loads worker does with each request, apart from the messaging (so it runs in tests
 * without a Worker): bring its document up to date from the patch, check the loads
 * (shared/checks/loadChecks.ts, the engine's own function) and answer with the change to its
 * previous result.
 */
import {
  catalogFor,
  createLoadChecker,
  type CatalogView,
  type LoadResult,
  type ProjectDocument,
} from '../../shared/index';
import { apply, diff } from './patch';
import type { LoadsReply, LoadsRequest } from './loadsProtocol';
import { loadsIdentity } from './loadsIdentity';

export function createLoadsWorkerCore(): (request: LoadsRequest) => LoadsReply {
  let doc: ProjectDocument | null = null;
  let result: LoadResult | null = null;
  let catalog: { of: ProjectDocument['customDevices']; view: CatalogView } | null = null;
  // Patches keep the objects an edit left alone, so each check reuses what it can of the last.
  let checkLoads = createLoadChecker();
  const forget = () => {
    doc = null;
    result = null;
    checkLoads = createLoadChecker();
  };
  return (request) => {
    try {
      if (request.reset) forget();
      doc = apply<ProjectDocument>(doc, request.doc);
      if (catalog?.of !== doc.customDevices) catalog = { of: doc.customDevices, view: catalogFor(doc) };
      const next = checkLoads(doc, catalog.view);
      const loads = diff(result, next, loadsIdentity);
      result = next;
      return { id: request.id, ok: true, loads };
    } catch (e) {
      // A mirror that no longer fits is dropped: the page sends the whole document next time.
      forget();
      return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
