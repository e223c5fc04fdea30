/**
 * The host contract in a plain browser (web mode): the file picker to open, a download to save.
 * A browser cannot overwrite the file it opened, so every save is a download (`handle` is null).
 * The user catalog and autosave snapshots live in localStorage, the things the web mode keeps
 * between visits. localStorage rather than IndexedDB for snapshots: it is synchronous, so a
 * snapshot is whole or absent (no transaction to lose on a crash), it survives a reload, and it is
 * what the catalog already uses and tests already fake. Its price is the browser's quota (about
 * 5 MB per site in Chromium), so larger projects cannot be autosaved in web mode: the write fails
 * with a clear error. The desktop app has no such limit (its snapshots are files).
 *
 * Tabs of the app share that storage, so each tab holds a Web Lock named after its snapshot's id
 * for as long as it lives; the browser releases it when the tab closes or crashes. A snapshot whose
 * lock is held belongs to a tab still open and is not listed, so it is never taken for a crash's.
 *
 * A file dropped on the page is read like a picked one; unsaved changes make the browser ask
 * before the page is left (`beforeunload`). There is no recent-files list: a page is never given a
 * file's path, so it could not open one again by itself.
 */
import {
  EXPORT_TYPES,
  MAX_EXPORT_BYTES,
  MAX_PROJECT_BYTES,
  MAX_USER_CATALOG_BYTES,
  parseProject,
  PROJECT_EXTENSION,
  RECOVERY_ID_PATTERN,
  type DocumentState,
  type DroppedFile,
  type ExportRequest,
  type HallwrightApi,
  type HostResult,
  type MenuCommand,
  type OpenedFile,
  type RecoveryEntry,
  type RecoveryMeta,
  type RecoverySnapshot,
  type SavedFile,
} from '../../shared/index';

export const USER_CATALOG_KEY = 'hallwright.userCatalog';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.${PROJECT_EXTENSION},.json,application/json`;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

async function openProject(): Promise<HostResult<OpenedFile | null>> {
  const file = await pickFile();
  return file ? readProjectFile(file) : { ok: true, value: null };
}

/** A picked or dropped file's text, refused beyond the size any host opens; the caller parses it. */
async function readProjectFile(file: DroppedFile): Promise<HostResult<OpenedFile>> {
  if (file.size > MAX_PROJECT_BYTES) {
    return {
      ok: false,
      error: `${file.name} is ${(file.size / 1048576).toFixed(0)} MB; Hallwright opens project files up to ${mb(MAX_PROJECT_BYTES)}.`,
    };
  }
  try {
    return { ok: true, value: { name: file.name, handle: null, text: await file.text() } };
  } catch (e) {
    return { ok: false, error: `${file.name} could not be read: ${message(e)}` };
  }
}

/** A download name: no characters file systems refuse, never empty, ending in the extension. */
export function downloadName(name: string, extension: string, fallback: string): string {
  const base = name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || fallback;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportFile({ format, suggestedName, bytes }: ExportRequest): Promise<HostResult<SavedFile | null>> {
  if (bytes.byteLength > MAX_EXPORT_BYTES)
    return { ok: false, error: `The export is larger than ${mb(MAX_EXPORT_BYTES)} and was not saved.` };
  const type = EXPORT_TYPES[format];
  const name = downloadName(suggestedName, type.extension, 'export');
  // slice() gives the Blob its own copy, detached from whatever buffer the bytes were a view of.
  download(new Blob([bytes.slice()], { type: type.mime }), name);
  return { ok: true, value: { name, handle: null } };
}

async function loadUserCatalog(): Promise<HostResult<string | null>> {
  try {
    return { ok: true, value: localStorage.getItem(USER_CATALOG_KEY) };
  } catch (e) {
    return {
      ok: false,
      error: `The browser's storage is not available, so the user catalog cannot be read: ${message(e)}`,
    };
  }
}

async function saveUserCatalog(text: string): Promise<HostResult<null>> {
  const size = new TextEncoder().encode(text).byteLength;
  if (size > MAX_USER_CATALOG_BYTES)
    return { ok: false, error: `The user catalog is larger than ${mb(MAX_USER_CATALOG_BYTES)} and was not saved.` };
  try {
    localStorage.setItem(USER_CATALOG_KEY, text);
    return { ok: true, value: null };
  } catch (e) {
    // QuotaExceededError (a few MB per site) or storage disabled: the stored catalog is unchanged.
    return {
      ok: false,
      error: `The browser refused to store the user catalog (its storage for this site is full or disabled), so it was not saved: ${message(e)}`,
    };
  }
}

export const RECOVERY_KEY_PREFIX = 'hallwright.recovery.';

const storageError = (e: unknown): HostResult<never> => ({
  ok: false,
  error: `The browser's storage refused the autosave (full or disabled): ${message(e)}`,
});

export const SESSION_LOCK_PREFIX = 'hallwright.session.';

/** The Web Locks this tab holds, by snapshot id: granted once, held until the tab goes. */
const sessionLocks = new Map<string, Promise<void>>();

/**
 * Holds the lock of snapshot `id` for the rest of this tab's life. Where Web Locks are missing
 * (very old browsers, some embedded views) every snapshot is listed, as before tabs were told apart.
 */
function holdSessionLock(id: string): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve();
  let held = sessionLocks.get(id);
  if (!held) {
    held = new Promise<void>((granted) => {
      locks
        .request(SESSION_LOCK_PREFIX + id, () => {
          granted();
          // Never settles: the lock is released only when the tab closes or crashes.
          return new Promise<never>(() => undefined);
        })
        .catch(() => granted());
    });
    sessionLocks.set(id, held);
  }
  return held;
}

/** Snapshot ids whose tab is still open (its lock is held); empty where Web Locks are missing. */
async function liveSessions(): Promise<Set<string>> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(
      held
        .map((lock) => lock.name ?? '')
        .filter((name) => name.startsWith(SESSION_LOCK_PREFIX))
        .map((name) => name.slice(SESSION_LOCK_PREFIX.length)),
    );
  } catch {
    return new Set();
  }
}

async function writeRecovery(id: string, text: string, meta: RecoveryMeta): Promise<HostResult<null>> {
  if (!RECOVERY_ID_PATTERN.test(id)) return { ok: false, error: 'Invalid recovery id.' };
  // Held before the snapshot exists, so no other tab ever sees it unowned while this one lives.
  await holdSessionLock(id);
  try {
    localStorage.setItem(RECOVERY_KEY_PREFIX + id, JSON.stringify({ ...meta, text }));
    return { ok: true, value: null };
  } catch (e) {
    return storageError(e);
  }
}

/** One stored snapshot, checked as the desktop host checks its files: shape, then a valid project. */
function readStored(id: string): HostResult<RecoverySnapshot> {
  try {
    const raw = localStorage.getItem(RECOVERY_KEY_PREFIX + id);
    if (raw === null) return { ok: false, error: 'There is no such snapshot.' };
    const value: unknown = JSON.parse(raw);
    const { fileName, savedAt, text } = (value ?? {}) as Record<string, unknown>;
    if (typeof fileName !== 'string' || typeof savedAt !== 'string' || typeof text !== 'string')
      return { ok: false, error: 'The snapshot is not a Hallwright recovery snapshot.' };
    const project = parseProject(text);
    if (!project.ok) return { ok: false, error: `The snapshot's project is not valid: ${project.error}` };
    return { ok: true, value: { id, fileName, savedAt, text } };
  } catch (e) {
    return { ok: false, error: `The snapshot could not be read: ${message(e)}` };
  }
}

async function listRecoveries(): Promise<HostResult<RecoveryEntry[]>> {
  const live = await liveSessions();
  try {
    const entries: RecoveryEntry[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(RECOVERY_KEY_PREFIX)) continue;
      const id = key.slice(RECOVERY_KEY_PREFIX.length);
      if (live.has(id)) continue;
      const read = readStored(id);
      entries.push(
        read.ok
          ? { id, fileName: read.value.fileName, savedAt: read.value.savedAt, error: null }
          : { id, fileName: id, savedAt: new Date(0).toISOString(), error: read.error },
      );
    }
    return { ok: true, value: entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
  } catch (e) {
    return { ok: false, error: `The browser's storage is not available: ${message(e)}` };
  }
}

async function discardRecovery(id: string): Promise<HostResult<null>> {
  try {
    localStorage.removeItem(RECOVERY_KEY_PREFIX + id);
    return { ok: true, value: null };
  } catch (e) {
    return storageError(e);
  }
}

/** Asks the browser to confirm leaving the page; registered only while there are unsaved changes. */
function confirmLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium and Safari ask only when returnValue is set; the text itself is never shown.
  event.returnValue = '';
}

let leavingGuarded = false;

function reportDocumentState({ dirty }: DocumentState): void {
  if (dirty === leavingGuarded) return;
  leavingGuarded = dirty;
  if (dirty) window.addEventListener('beforeunload', confirmLeaving);
  else window.removeEventListener('beforeunload', confirmLeaving);
}

export const webHost: HallwrightApi = {
  host: 'web',
  openProject,
  async saveProject({ suggestedName, text }) {
    const name = downloadName(suggestedName, PROJECT_EXTENSION, 'project');
    download(new Blob([text], { type: 'application/json' }), name);
    return { ok: true, value: { name, handle: null } };
  },
  exportFile,
  loadUserCatalog,
  saveUserCatalog,
  writeRecovery,
  listRecoveries,
  readRecovery: async (id) =>
    RECOVERY_ID_PATTERN.test(id) ? readStored(id) : { ok: false, error: 'Invalid recovery id.' },
  discardRecovery,
  onMenuCommand(_listener: (command: MenuCommand) => void) {
    // A browser has no native menu: the in-app menu bar calls the same actions directly.
    return () => undefined;
  },
  openDroppedFile: readProjectFile,
  reportDocumentState,
  onOpenRequest(_listener: (result: HostResult<OpenedFile>) => void) {
    // Nothing opens files on a page's behalf: no command line, no recent list, no file association.
    return () => undefined;
  },
  onSaveBeforeClose(_listener: () => Promise<boolean>) {
    // A browser never lets a page hold a close for a save; beforeunload asks instead.
    return () => undefined;
  },
};
