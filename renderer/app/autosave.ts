/**
 * Autosave for crash recovery: every 30 s, while the document has unsaved changes, a snapshot goes
 * to the host's recovery store under this session's id; once the document is clean again (saved,
 * another one opened, or edits undone back to the saved state) the snapshot is discarded. So a
 * snapshot found at start-up was left by a session that ended with unsaved work (a crash, or a
 * window closed without saving), and the app offers it back (RecoveryPrompt.tsx).
 */
import type { HallwrightApi } from '../../shared/index';
import { projectText } from './projectText';
import type { EditorState } from '../store/documentStore';

/** Autosave period, ms: at most 30 s of work lost to a crash (issue 10). */
export const AUTOSAVE_INTERVAL_MS = 30_000;

/** The part of a zustand store the autosave uses, so tests pass their own store. */
interface Store {
  getState(): EditorState;
  subscribe(listener: (state: EditorState, previous: EditorState) => void): () => void;
}

export interface AutosaveOptions {
  host: Pick<HallwrightApi, 'writeRecovery' | 'discardRecovery'>;
  store: Store;
  /** This session's snapshot id. */
  sessionId: string;
  intervalMs?: number;
  now?: () => Date;
}

export interface Autosave {
  /** Writes a snapshot now if the document has unsaved changes not yet in one. */
  snapshotNow(): Promise<void>;
  stop(): void;
}

const isDirty = (s: EditorState) => s.doc !== s.savedDoc;

export function startAutosave({
  host,
  store,
  sessionId,
  intervalMs = AUTOSAVE_INTERVAL_MS,
  now = () => new Date(),
}: AutosaveOptions): Autosave {
  /** The document in the stored snapshot; null when there is none. */
  let snapshotDoc: EditorState['doc'] | null = null;
  let failureShown = false;
  /** Writes and discards run one after another, so a late write never lands after the discard meant to follow it. */
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>) => (queue = queue.then(step, step));

  const snapshotNow = () =>
    enqueue(async () => {
      const state = store.getState();
      if (!isDirty(state) || state.doc === snapshotDoc) return;
      const { doc, file } = state;
      const result = await host.writeRecovery(sessionId, projectText(doc), {
        fileName: file.name,
        savedAt: now().toISOString(),
      });
      if (result.ok) {
        snapshotDoc = doc;
        failureShown = false;
      } else if (!failureShown) {
        // Once per run of failures: a full disk or browser quota should not raise a notice every 30 s.
        failureShown = true;
        state.notify({ kind: 'error', text: `Autosave failed: ${result.error}`, details: [] });
      }
    });

  const discard = () =>
    enqueue(async () => {
      if (snapshotDoc === null || isDirty(store.getState())) return;
      const result = await host.discardRecovery(sessionId);
      if (result.ok) snapshotDoc = null;
    });

  const timer = setInterval(() => void snapshotNow(), intervalMs);
  const unsubscribe = store.subscribe((state, previous) => {
    if (!isDirty(state) && isDirty(previous)) void discard();
  });
  return {
    snapshotNow,
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
