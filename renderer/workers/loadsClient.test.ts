import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  catalogFor,
  checkLoads,
  createChecker,
  NO_LOADS_YET,
  runChecks,
  type ProjectDocument,
} from '../../shared/index';
import { commandFor, edit } from '../store/randomEdits.testing';
import { fresh } from '../store/storeTesting';
import { createWorkerLoads, editOf, type LoadsHandlers, type LoadsPort } from './loadsClient';
import type { LoadsReply, LoadsRequest } from './loadsProtocol';
import { createLoadsWorkerCore } from './loadsWorkerCore';

/**
 * The worker, in-process: requests and replies are structured-cloned as postMessage does, and
 * delivered only on `flush()`, as a worker's answers come later.
 */
function inProcessWorker() {
  const handle = createLoadsWorkerCore();
  const inbox: LoadsRequest[] = [];
  const sent: LoadsRequest[] = [];
  let fail: string | null = null;
  let handlers: LoadsHandlers | null = null;
  const start = (h: LoadsHandlers): LoadsPort => {
    handlers = h;
    return {
      post(request) {
        sent.push(request);
        inbox.push(structuredClone(request));
      },
    };
  };
  /** Answers what has been sent so far (what is sent while answering waits for the next flush). */
  const flush = () => {
    for (const request of inbox.splice(0)) {
      const reply: LoadsReply = fail ? { id: request.id, ok: false, error: fail } : handle(request);
      handlers!.reply(structuredClone(reply));
    }
  };
  return { start, sent, flush, crash: () => handlers!.crash(), failWith: (e: string | null) => (fail = e) };
}

const withoutLastDevice = (doc: ProjectDocument, i: number): ProjectDocument => ({
  ...doc,
  racks: doc.racks.map((r, k) => (k === i ? { ...r, devices: r.devices.slice(0, -1) } : r)),
});

/** The sample, with every rack taken as "a large site" (deferOverRacks 0). */
function setup() {
  const worker = inProcessWorker();
  const onAnswer = vi.fn();
  const source = createWorkerLoads({ start: worker.start, onAnswer, deferOverRacks: 0, later: (task) => task() });
  const checker = createChecker(source);
  const store = fresh();
  return { worker, onAnswer, source, checker, store };
}

describe('loads worked out in the worker', () => {
  it('keeps a small site’s loads on the page and never starts the worker', () => {
    const start = vi.fn(() => null);
    const checker = createChecker(createWorkerLoads({ start, onAnswer: () => {}, deferOverRacks: 1_000 }));
    const doc = fresh().getState().doc;
    expect(checker.check(doc).loadsPending).toBe(false);
    expect(checker.check(withoutLastDevice(doc, 0)).loadsPending).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it('works out a large document’s first loads in the worker, showing none meanwhile, then sends only patches', () => {
    const { worker, onAnswer, checker, store } = setup();
    const first = store.getState().doc;
    const opening = checker.check(first);
    // No loads yet, and none of anything else's: nothing to show but that they are coming.
    expect(opening).toMatchObject({ loadsPending: true, loadsNotYet: true });
    expect(opening.power).toBe(NO_LOADS_YET.power);
    // The other checks' findings are there: everything but the loads'.
    const loadKeys = new Set(checkLoads(first, catalogFor(first)).findings.map((f) => f.key));
    expect(opening.findings).toEqual(runChecks(first).findings.filter((f) => !loadKeys.has(f.key)));
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ reset: true });
    worker.flush();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(checker.check(first)).toEqual(runChecks(first));

    const edited = withoutLastDevice(first, 0);
    const waiting = checker.check(edited);
    expect(waiting).toMatchObject({ loadsPending: true, loadsNotYet: false });
    expect(waiting.power).toEqual(runChecks(first).power);
    expect(worker.sent).toHaveLength(2);
    expect(worker.sent[1]).toMatchObject({ reset: false });
    // One rack changed: the patch carries it, not the document.
    expect(JSON.stringify(worker.sent[1]!.doc).length).toBeLessThan(JSON.stringify(first).length / 10);

    worker.flush();
    expect(onAnswer).toHaveBeenCalledTimes(2);
    const done = checker.check(edited);
    expect(done.loadsPending).toBe(false);
    expect(done).toEqual(runChecks(edited));
    // Parts the edit did not change are the page's own objects still.
    expect(done.power.levels).toBe(waiting.power.levels);
  });

  it('posts a whole document after the current task (the page draws the project first), an edit’s patch at once', () => {
    const worker = inProcessWorker();
    const tasks: (() => void)[] = [];
    const source = createWorkerLoads({
      start: worker.start,
      onAnswer: () => {},
      deferOverRacks: 0,
      later: (t) => tasks.push(t),
    });
    const checker = createChecker(source);
    const first = fresh().getState().doc;
    expect(checker.check(first).loadsNotYet).toBe(true);
    expect(worker.sent).toHaveLength(0);
    tasks.splice(0).forEach((t) => t());
    expect(worker.sent).toHaveLength(1);
    worker.flush();
    checker.check(withoutLastDevice(first, 0));
    expect(worker.sent).toHaveLength(2);
    expect(tasks).toHaveLength(0);
  });

  it('never shows another project’s loads: an opened document shows none until its own come, and is sent whole', () => {
    const { worker, checker, store } = setup();
    const first = store.getState().doc;
    checker.check(first);
    worker.flush();
    // An edit still in flight when another project is opened (a parsed file shares no part).
    const edited = withoutLastDevice(first, 0);
    expect(checker.check(edited).loadsPending).toBe(true);
    const opened = withoutLastDevice(structuredClone(first), 1);
    const shown = checker.check(opened);
    expect(shown).toMatchObject({ loadsPending: true, loadsNotYet: true });
    expect(shown.power).toBe(NO_LOADS_YET.power);
    // The put-away project's answer comes first and is not shown; the opened one is sent whole.
    worker.flush();
    expect(checker.check(opened).loadsNotYet).toBe(true);
    expect(worker.sent.at(-1)).toMatchObject({ reset: true });
    worker.flush();
    expect(checker.check(opened)).toEqual(runChecks(opened));
    const next = withoutLastDevice(opened, 2);
    const meanwhile = checker.check(next);
    expect(meanwhile).toMatchObject({ loadsPending: true, loadsNotYet: false });
    expect(meanwhile.power).toEqual(checkLoads(opened, catalogFor(opened)).power);
    expect(worker.sent.at(-1)).toMatchObject({ reset: false });
    worker.flush();
    expect(checker.check(next)).toEqual(runChecks(next));
  });

  it('takes an edit, however many edits on, for the same project, and a parsed copy for another', () => {
    const doc = fresh().getState().doc;
    const edited = withoutLastDevice(withoutLastDevice(doc, 0), 1);
    expect(editOf(edited, doc)).toBe(true);
    expect(editOf(doc, doc)).toBe(true);
    expect(editOf(structuredClone(doc), doc)).toBe(false);
  });

  it('sends only the newest document while one is in flight', () => {
    const { worker, checker, store } = setup();
    const first = store.getState().doc;
    checker.check(first);
    worker.flush();
    const a = withoutLastDevice(first, 0);
    const b = withoutLastDevice(a, 1);
    const c = withoutLastDevice(b, 2);
    checker.check(a);
    checker.check(b);
    checker.check(c);
    expect(worker.sent).toHaveLength(2);
    worker.flush();
    // a answered, c sent (b skipped); the page shows a's loads while c's are worked out.
    expect(worker.sent).toHaveLength(3);
    const meanwhile = checker.check(c);
    expect(meanwhile.loadsPending).toBe(true);
    expect(meanwhile.power).toEqual(checkLoads(a, catalogFor(a)).power);
    worker.flush();
    expect(checker.check(c)).toEqual(runChecks(c));
  });

  it('works the loads out on the page when the worker fails on them, and starts the worker over', () => {
    const { worker, checker, store, source } = setup();
    const first = store.getState().doc;
    checker.check(first);
    worker.flush();
    worker.failWith('out of memory');
    const a = withoutLastDevice(first, 0);
    checker.check(a);
    worker.flush();
    expect(checker.check(a)).toEqual(runChecks(a));
    worker.failWith(null);
    const b = withoutLastDevice(a, 1);
    checker.check(b);
    expect(worker.sent.at(-1)).toMatchObject({ reset: true });
    worker.flush();
    expect(checker.check(b)).toEqual(runChecks(b));
    let settled = false;
    void source.settled().then(() => (settled = true));
    return Promise.resolve().then(() => {
      expect(settled).toBe(true);
    });
  });

  it('works every load out on the page once the worker has crashed', () => {
    const { worker, checker, store, onAnswer } = setup();
    const first = store.getState().doc;
    checker.check(first);
    worker.flush();
    const a = withoutLastDevice(first, 0);
    expect(checker.check(a).loadsPending).toBe(true);
    worker.crash();
    expect(onAnswer).toHaveBeenCalled();
    expect(checker.check(a)).toEqual(runChecks(a));
    const b = withoutLastDevice(a, 1);
    expect(checker.check(b)).toEqual(runChecks(b));
  });

  it('ends, after random edits answered at random moments, on the full check of the last document', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 15 }), (steps) => {
        const { worker, checker, store } = setup();
        checker.check(store.getState().doc);
        for (const [e, answerNow] of steps) {
          const command = commandFor(store, e);
          if (command) store.getState().run(command);
          checker.check(store.getState().doc);
          if (answerNow) worker.flush();
        }
        const doc = store.getState().doc;
        while (checker.check(doc).loadsPending) worker.flush();
        expect(checker.check(doc)).toEqual(runChecks(doc));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
