/**
 * Starts the autosave (autosave.ts) and, at start-up, offers back the work a previous session left
 * unsaved: "Recover unsaved work from <time>?" with Recover or Discard, newest first. A recovered
 * document opens unsaved (dirty, under its original file name, no file handle), so the user
 * chooses where to save it.
 */
import { useEffect, useState } from 'react';
import { parseProject, type RecoveryEntry } from '../../shared/index';
import { host } from '../platform/host';
import { useEditor } from '../store/editor';
import { AUTOSAVE_INTERVAL_MS, startAutosave, type Autosave } from './autosave';
import { confirmReplace } from './fileActions';

/** This window's snapshot id: new on every start, so every snapshot listed at start-up is another session's. */
const SESSION_ID = crypto.randomUUID();

/**
 * The autosave period: 30 s, or `?autosaveMs=` (at least 100 ms) so end-to-end tests need not wait
 * 30 s. It only changes how often a snapshot is taken, nothing the user's files depend on.
 */
function intervalMs(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('autosaveMs'));
  return Number.isFinite(asked) && asked >= 100 ? asked : AUTOSAVE_INTERVAL_MS;
}

let autosave: Autosave | null = null;

export function RecoveryPrompt() {
  const [entries, setEntries] = useState<RecoveryEntry[]>([]);
  /** Whether the start-up listing has answered (a hidden marker says so, for tests to wait on rather than sleep). */
  const [listed, setListed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    autosave = startAutosave({ host, store: useEditor, sessionId: SESSION_ID, intervalMs: intervalMs() });
    let live = true;
    void host.listRecoveries().then((result) => {
      if (!live) return;
      setListed(true);
      if (result.ok) setEntries(result.value.filter((e) => e.id !== SESSION_ID));
      else useEditor.getState().notify({ kind: 'error', text: result.error, details: [] });
    });
    return () => {
      live = false;
      autosave?.stop();
      autosave = null;
    };
  }, []);

  const entry = entries[0];
  if (!entry) return listed ? <span hidden data-testid="recovery-listed" /> : null;
  const done = () => setEntries((list) => list.filter((e) => e.id !== entry.id));

  async function discard() {
    setBusy(true);
    const result = await host.discardRecovery(entry!.id);
    setBusy(false);
    if (!result.ok) useEditor.getState().notify({ kind: 'error', text: result.error, details: [] });
    done();
  }

  async function recover() {
    if (!(await confirmReplace(`recovering ${entry!.fileName}`))) return;
    const { notify, load } = useEditor.getState();
    setBusy(true);
    const read = await host.readRecovery(entry!.id);
    setBusy(false);
    const parsed = read.ok ? parseProject(read.value.text) : null;
    if (!read.ok || !parsed?.ok) {
      const error = !read.ok ? read.error : parsed && !parsed.ok ? parsed.error : '';
      notify({ kind: 'error', text: `Could not recover: ${error}`, details: [] });
      return done();
    }
    load(parsed.doc, { name: read.value.fileName, handle: null });
    // Unsaved: the saved state is some other document (a copy), so Save asks where and the title shows it dirty.
    useEditor.setState({ savedDoc: { ...parsed.doc } });
    // The work is now this session's: snapshot it under our id before dropping the old snapshot.
    await autosave?.snapshotNow();
    await host.discardRecovery(entry!.id);
    notify({ kind: 'info', text: `Recovered ${read.value.fileName}; it is not saved yet.`, details: [] });
    done();
  }

  const time = new Date(entry.savedAt).toLocaleString();
  return (
    <div className="notice info" role="alertdialog" aria-label="Recover unsaved work" data-testid="recovery-prompt">
      <div>
        {entry.error === null ? (
          <p>
            Recover unsaved work from {time}? ({entry.fileName})
          </p>
        ) : (
          <p>
            Unsaved work from {time} cannot be recovered: {entry.error}
          </p>
        )}
      </div>
      {entry.error === null ? (
        <button disabled={busy} onClick={() => void recover()}>
          Recover
        </button>
      ) : null}
      <button disabled={busy} onClick={() => void discard()}>
        Discard
      </button>
    </div>
  );
}
