/**
 * The editor's source of loads (shared/checks/incremental.ts `LoadSource`): on a site of more
 * than DEFER_LOADS_OVER_RACKS racks, the loads (power proof, cooling balance) of the document as
 * opened and of every edit that changes them are worked out in the loads worker, and the editor
 * shows the latest loads it has, marked pending, until they come; on a smaller site at once. On
 * the 10,000-rack stress campus a device edit held the page for about a second, and opening it
 * for over one; an edit now costs the page a patch of the document out and a patch of the results
 * back, and opening it a copy of the document out (docs/performance.md).
 *
 * Requests are coalesced: one in flight, and only the newest document waiting behind it, so a
 * burst of edits costs one run after the current one, not one per edit.
 *
 * The latest loads stand in only for an edit of the document they belong to (`editOf`). A large
 * project just opened (from a file, made new or recovered) has none to stand in: until its first
 * loads come it shows none (NO_LOADS_YET, `CheckResults.loadsNotYet`), never another project's,
 * and the worker is sent it whole.
 */
import {
  checkLoads,
  NO_LOADS_YET,
  type CatalogView,
  type LoadResult,
  type LoadSource,
  type ProjectDocument,
} from '../../shared/index';
import { apply, diff } from './patch';
import type { LoadsReply, LoadsRequest } from './loadsProtocol';

/** Above this many racks an edit's loads are worked out in the worker (≈ 0.1 s per 1,000 racks on this machine). */
export const DEFER_LOADS_OVER_RACKS = 1_500;

/** The part of a Worker the client uses, so tests can hand it one that runs in-process. */
export interface LoadsPort {
  post(request: LoadsRequest): void;
}

/** What the worker's messages and failure are handed to. */
export interface LoadsHandlers {
  reply(reply: LoadsReply): void;
  /** The worker could not load, or died. */
  crash(): void;
}

export interface WorkerLoads extends LoadSource {
  /** Resolves once no document is waiting for its loads. */
  settled(): Promise<void>;
}

interface Options {
  /** Starts the worker; null when there is none (the loads are then worked out at once). */
  start: (handlers: LoadsHandlers) => LoadsPort | null;
  /** Called when loads arrive: the editor checks its document again. */
  onAnswer: () => void;
  deferOverRacks?: number;
  /** Runs `task` after the current one (setTimeout); tests run it at once. */
  later?: (task: () => void) => void;
}

/**
 * Whether `doc` is `of` or an edit of it, however many edits on: an edit replaces the parts of the
 * document it changes and keeps the others (the store's commands share what they do not touch),
 * so the two share a part; a document parsed from a file or built anew shares none.
 */
export function editOf(doc: ProjectDocument, of: ProjectDocument): boolean {
  if (doc === of) return true;
  for (const key of Object.keys(doc) as (keyof ProjectDocument)[]) {
    const part = doc[key];
    if (typeof part === 'object' && part !== null && part === of[key]) return true;
  }
  return false;
}

export function createWorkerLoads({
  start,
  onAnswer,
  deferOverRacks = DEFER_LOADS_OVER_RACKS,
  later = (task) => setTimeout(task),
}: Options): WorkerLoads {
  const answered = new WeakMap<ProjectDocument, LoadResult>();
  /** The newest loads the page has, and the document they are of. */
  let latest: { loads: LoadResult; doc: ProjectDocument } | null = null;
  /** The document the editor last asked about: an answer for another project is not the newest. */
  let asked: ProjectDocument | null = null;
  let port: LoadsPort | null | undefined;
  /** What the worker holds: the last document sent and the result its patches are against. */
  let sentDoc: ProjectDocument | null = null;
  let mirror: LoadResult | null = null;
  let nextId = 1;
  let inflight: { id: number; doc: ProjectDocument; catalog: CatalogView } | null = null;
  let queued: { doc: ProjectDocument; catalog: CatalogView } | null = null;
  let waiters: (() => void)[] = [];

  const here = (doc: ProjectDocument, catalog: CatalogView): LoadResult => {
    const loads = checkLoads(doc, catalog);
    answered.set(doc, loads);
    latest = { loads, doc };
    return loads;
  };

  const idle = () => {
    if (inflight || queued) return;
    const done = waiters;
    waiters = [];
    done.forEach((w) => w());
  };

  /** Drops the worker's mirrors: the next request sends the whole document. */
  const forget = () => {
    sentDoc = null;
    mirror = null;
  };

  const send = (doc: ProjectDocument, catalog: CatalogView) => {
    const id = nextId++;
    // Another project is sent whole: a patch between unrelated documents would compare them in full.
    if (sentDoc !== null && !editOf(doc, sentDoc)) forget();
    // A reset worker starts without a result (forget() dropped the mirror): the next patch of loads is against nothing.
    const reset = sentDoc === null;
    const patch = diff(sentDoc, doc);
    sentDoc = doc;
    inflight = { id, doc, catalog };
    const target = port!;
    // A whole document (a project just opened) costs the page a structured clone of it (150–200 ms
    // on the campus): posted after the current task, so the page draws the project first.
    if (reset) later(() => target.post({ id, doc: patch, reset }));
    else target.post({ id, doc: patch, reset });
  };

  const reply = (data: LoadsReply) => {
    if (!inflight || data.id !== inflight.id) return;
    const { doc, catalog } = inflight;
    inflight = null;
    if (data.ok) {
      mirror = apply<LoadResult>(mirror, data.loads);
      answered.set(doc, mirror);
      // An answer for a document the editor has since put away (another was opened) is not the newest.
      if (asked === null || editOf(doc, asked)) latest = { loads: mirror, doc };
    } else {
      // The worker failed on this document: its loads are worked out here, and the worker starts over.
      forget();
      here(doc, catalog);
    }
    if (queued) {
      send(queued.doc, queued.catalog);
      queued = null;
    }
    onAnswer();
    idle();
  };

  const crash = () => {
    // A worker that cannot load or died: every load from now on is worked out here.
    port = null;
    const waiting = [inflight, queued].filter((x) => x !== null);
    inflight = queued = null;
    forget();
    for (const w of waiting) here(w.doc, w.catalog);
    if (waiting.length > 0) onAnswer();
    idle();
  };

  const worker = (): LoadsPort | null => {
    if (port === undefined) port = start({ reply, crash });
    return port;
  };

  return {
    loadsOf(doc, catalog) {
      const known = answered.get(doc);
      if (known) return { loads: known, pending: false };
      asked = doc;
      if (doc.racks.length <= deferOverRacks || !worker()) return { loads: here(doc, catalog), pending: false };
      if (inflight?.doc !== doc && queued?.doc !== doc) {
        if (inflight) queued = { doc, catalog };
        else send(doc, catalog);
      }
      const standIn = latest !== null && editOf(doc, latest.doc) ? latest.loads : NO_LOADS_YET;
      return { loads: standIn, pending: true };
    },
    settled() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        idle();
      });
    },
  };
}
