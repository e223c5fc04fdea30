import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseProject, serializeProject, type HostResult, type RecoveryMeta } from '../../shared/index';
import { fresh, type Store } from '../store/storeTesting';
import { AUTOSAVE_INTERVAL_MS, startAutosave, type Autosave } from './autosave';

/** A host whose recovery store is a map; `failing` makes writes fail like a full disk. */
function fakeHost() {
  const stored = new Map<string, { text: string; meta: RecoveryMeta }>();
  const calls: string[] = [];
  let failing = false;
  return {
    stored,
    calls,
    fail: (on: boolean) => (failing = on),
    writeRecovery: async (id: string, text: string, meta: RecoveryMeta): Promise<HostResult<null>> => {
      calls.push(`write ${id}`);
      if (failing) return { ok: false, error: 'disk full' };
      stored.set(id, { text, meta });
      return { ok: true, value: null };
    },
    discardRecovery: async (id: string): Promise<HostResult<null>> => {
      calls.push(`discard ${id}`);
      stored.delete(id);
      return { ok: true, value: null };
    },
  };
}

let store: Store;
let host: ReturnType<typeof fakeHost>;
let autosave: Autosave;
const edit = (name: string) => store.setState({ doc: { ...store.getState().doc, name } });
/** Advances fake time and lets the host's promises settle. */
const wait = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
  store = fresh();
  host = fakeHost();
  autosave = startAutosave({ host, store, sessionId: 'session-1', now: () => new Date('2026-12-05T12:00:00Z') });
});

afterEach(() => {
  autosave.stop();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('writes nothing while the document is clean', async () => {
    await wait(3 * AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toEqual([]);
  });

  it('snapshots a dirty document every 30 s, and only when it changed', async () => {
    edit('Edited');
    await wait(AUTOSAVE_INTERVAL_MS - 1);
    expect(host.calls).toEqual([]);
    await wait(1);
    expect(host.calls).toEqual(['write session-1']);
    const snapshot = host.stored.get('session-1')!;
    expect(snapshot.meta).toEqual({ fileName: 'sample.hallwright', savedAt: '2026-12-05T12:00:00.000Z' });
    const parsed = parseProject(snapshot.text);
    expect(parsed.ok && parsed.doc.name).toBe('Edited');
    // Unchanged since: no rewrite. Changed again: the next tick writes it.
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toHaveLength(1);
    edit('Edited twice');
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toEqual(['write session-1', 'write session-1']);
  });

  it('discards the snapshot once the work is saved', async () => {
    edit('Edited');
    await wait(AUTOSAVE_INTERVAL_MS);
    store.getState().markSaved({ name: 'site.hallwright', handle: '/x/site.hallwright' });
    await wait(0);
    expect(host.calls.at(-1)).toBe('discard session-1');
    expect(host.stored.size).toBe(0);
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toHaveLength(2);
  });

  it('discards it when another document is opened or the edits are undone to the saved state', async () => {
    edit('Edited');
    await wait(AUTOSAVE_INTERVAL_MS);
    store.setState({ doc: store.getState().savedDoc });
    await wait(0);
    expect(host.stored.size).toBe(0);
    edit('Edited again');
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.stored.size).toBe(1);
    const other = store.getState().savedDoc;
    store.getState().load(other, { name: 'other.hallwright', handle: null });
    await wait(0);
    expect(host.stored.size).toBe(0);
  });

  it('does not discard for a clean document that never had a snapshot', async () => {
    edit('Edited');
    store.setState({ doc: store.getState().savedDoc });
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toEqual([]);
  });

  it('reports a failing autosave once, not every 30 s, and retries', async () => {
    host.fail(true);
    edit('Edited');
    await wait(3 * AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toEqual(['write session-1', 'write session-1', 'write session-1']);
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'Autosave failed: disk full', details: [] });
    store.getState().notify(null);
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(store.getState().notice).toBeNull();
    host.fail(false);
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.stored.size).toBe(1);
  });

  it('writes, after each of the editor’s own edits, the text of the document as it is then', async () => {
    // Undoable commands (immer): the text kept for what an edit left alone must never go stale.
    const steps: ((d: ReturnType<Store['getState']>['doc']) => void)[] = [
      (d) => void (d.racks[0]!.name = 'First "rack"'),
      (d) => void d.racks[1]!.devices.pop(),
      (d) => void d.racks.splice(2, 1),
      (d) => void (d.power[0]!.name = 'Utility, renamed'),
    ];
    for (const [k, recipe] of steps.entries()) {
      store.getState().run({ label: `Edit ${k}`, recipe });
      await wait(AUTOSAVE_INTERVAL_MS);
      expect(host.stored.get('session-1')!.text).toBe(serializeProject(store.getState().doc));
    }
    store.getState().undo();
    await wait(AUTOSAVE_INTERVAL_MS);
    expect(host.stored.get('session-1')!.text).toBe(serializeProject(store.getState().doc));
  });

  it('stops writing once stopped', async () => {
    autosave.stop();
    edit('Edited');
    await wait(2 * AUTOSAVE_INTERVAL_MS);
    expect(host.calls).toEqual([]);
  });
});
