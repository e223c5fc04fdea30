/** IPC handlers: dialogs and file I/O for the renderer, with senders and arguments checked. */
import { app, BrowserWindow, dialog, ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { basename } from 'node:path';
import {
  EXPORT_TYPES,
  IPC,
  PROJECT_EXTENSION,
  type HostResult,
  type OpenedFile,
  type RecoveryEntry,
  type RecoverySnapshot,
  type SavedFile,
} from '../../shared/index';
import { atomicWriteFile } from './atomicWrite';
import {
  isTrustedSenderUrl,
  parseDocumentState,
  parseDroppedPath,
  parseExportRequest,
  parseRecoveryId,
  parseRecoveryWrite,
  parseSaveReply,
  parseSaveRequest,
  parseUserCatalogText,
  PathRegistry,
} from './ipcValidation';
import { readProjectFile, saveProjectFile } from './projectFiles';
import type { RecentFiles } from './recentFiles';
import {
  discardRecovery,
  listRecoveries,
  readRecovery,
  recoveryFolder,
  RecoveryOwners,
  writeRecovery,
} from './recovery';
import { readUserCatalog, userCatalogPath, writeUserCatalog } from './userCatalogFile';
import { windowSession } from './window';

const FILTERS = [
  { name: 'Hallwright project', extensions: [PROJECT_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
];

const UNTRUSTED = { ok: false, error: 'Refused: untrusted sender.' } as const;

/** An IPC event's origin: invoke and send events alike. */
interface IpcEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

function trusted(event: IpcEvent): BrowserWindow | null {
  const win = BrowserWindow.fromWebContents(event.sender);
  return win && isTrustedSenderUrl(event.senderFrame?.url) ? win : null;
}

const withExtension = (name: string, extension: string) =>
  name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;

/** What the rest of the main process asks of the file handling. */
export interface DesktopFiles {
  /**
   * Opens a project main was asked for (File › Open Recent, the command line, a file association)
   * in `win`: read and checked as a dialog's choice is, then handed to the renderer, which asks
   * about unsaved changes before loading it.
   */
  openInWindow(win: BrowserWindow, path: string): void;
  /** A window's page ended; when it closed cleanly, its autosave snapshots are no longer needed. */
  sessionEnded(webContentsId: number, closed: boolean): void;
}

export function registerIpc(recent: RecentFiles): DesktopFiles {
  const paths = new PathRegistry();
  const owners = new RecoveryOwners();
  const recovery = () => recoveryFolder(app.getPath('userData'));

  const remember = (path: string) => {
    recent.add(path);
    app.addRecentDocument(path);
  };

  /** The one way a project is read for the renderer, whoever chose it: checked, approved for Save, remembered. */
  const openPath = (path: string): HostResult<OpenedFile> => {
    const read = readProjectFile(path);
    if (!read.ok) {
      // A file that vanished leaves the recent list (reading it prunes it).
      recent.list();
      return { ok: false, error: read.error };
    }
    paths.approve(path);
    remember(path);
    return { ok: true, value: { name: basename(path), handle: path, text: read.text } };
  };

  ipcMain.handle(IPC.open, async (event): Promise<HostResult<OpenedFile | null>> => {
    const win = trusted(event);
    if (!win) return UNTRUSTED;
    const choice = await dialog.showOpenDialog(win, { properties: ['openFile'], filters: FILTERS });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { ok: true, value: null };
    return openPath(path);
  });

  ipcMain.handle(IPC.openDropped, (event, raw: unknown): HostResult<OpenedFile> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseDroppedPath(raw);
    return parsed.ok ? openPath(parsed.path) : parsed;
  });

  ipcMain.handle(IPC.save, async (event, raw: unknown): Promise<HostResult<SavedFile | null>> => {
    const win = trusted(event);
    if (!win) return UNTRUSTED;
    const parsed = parseSaveRequest(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { handle, suggestedName, text } = parsed.request;
    let path = handle;
    if (path === null) {
      const choice = await dialog.showSaveDialog(win, {
        defaultPath: withExtension(suggestedName, PROJECT_EXTENSION),
        filters: FILTERS,
      });
      if (choice.canceled || !choice.filePath) return { ok: true, value: null };
      path = choice.filePath;
      paths.approve(path);
    } else if (!paths.has(path)) {
      return { ok: false, error: 'Refused: that file was not chosen through a dialog.' };
    }
    const written = saveProjectFile(path, text);
    if (!written.ok) return { ok: false, error: written.error };
    remember(path);
    return { ok: true, value: { name: basename(path), handle: path } };
  });

  // An export is written only where the user chose in this dialog; its path never reaches the renderer.
  ipcMain.handle(IPC.exportFile, async (event, raw: unknown): Promise<HostResult<SavedFile | null>> => {
    const win = trusted(event);
    if (!win) return UNTRUSTED;
    const parsed = parseExportRequest(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { format, suggestedName, bytes } = parsed.request;
    const type = EXPORT_TYPES[format];
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: withExtension(suggestedName, type.extension),
      filters: [{ name: type.label, extensions: [type.extension] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, value: null };
    const written = atomicWriteFile(choice.filePath, bytes, { keepBackup: false });
    return written.ok ? { ok: true, value: { name: basename(choice.filePath), handle: null } } : written;
  });

  ipcMain.handle(IPC.loadUserCatalog, (event): HostResult<string | null> => {
    if (!trusted(event)) return UNTRUSTED;
    return readUserCatalog(userCatalogPath(app.getPath('userData')));
  });

  ipcMain.handle(IPC.saveUserCatalog, (event, raw: unknown): HostResult<null> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseUserCatalogText(raw);
    if (!parsed.ok) return parsed;
    return writeUserCatalog(userCatalogPath(app.getPath('userData')), parsed.text);
  });

  // Autosave snapshots: the folder is fixed by the main process; the renderer names a snapshot only
  // by its checked id. Each id written is recorded as its page's, so no other window or later page
  // of this run takes it for a crash's (RecoveryOwners).
  ipcMain.handle(IPC.writeRecovery, (event, ...args: unknown[]): HostResult<null> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseRecoveryWrite(args);
    if (!parsed.ok) return parsed;
    owners.claim(event.sender.id, parsed.id);
    return writeRecovery(recovery(), parsed.id, parsed.text, parsed.meta);
  });

  ipcMain.handle(IPC.listRecoveries, (event): HostResult<RecoveryEntry[]> => {
    if (!trusted(event)) return UNTRUSTED;
    return listRecoveries(recovery(), (id) => owners.isLive(id));
  });

  ipcMain.handle(IPC.readRecovery, (event, raw: unknown): HostResult<RecoverySnapshot> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseRecoveryId(raw);
    return parsed.ok ? readRecovery(recovery(), parsed.id) : parsed;
  });

  ipcMain.handle(IPC.discardRecovery, (event, raw: unknown): HostResult<null> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseRecoveryId(raw);
    return parsed.ok ? discardRecovery(recovery(), parsed.id) : parsed;
  });

  // One-way messages from the renderer: its document's state, that it listens for open requests,
  // and its answer to "save before closing". Anything malformed or from elsewhere is dropped.
  ipcMain.on(IPC.documentState, (event, raw: unknown) => {
    const win = trusted(event);
    const parsed = parseDocumentState(raw);
    if (!win || !parsed.ok) return;
    windowSession(event.sender.id)?.guard.setState(parsed.state);
    // macOS marks the close button of a window with unsaved changes.
    if (process.platform === 'darwin') win.setDocumentEdited(parsed.state.dirty);
  });

  ipcMain.on(IPC.openRequestReady, (event) => {
    if (trusted(event)) windowSession(event.sender.id)?.opens.markReady();
  });

  ipcMain.on(IPC.saveBeforeCloseDone, (event, ...args: unknown[]) => {
    const parsed = parseSaveReply(args);
    if (trusted(event) && parsed.ok) windowSession(event.sender.id)?.saves.settle(parsed.id, parsed.saved);
  });

  return {
    openInWindow(win, path) {
      windowSession(win.webContents.id)?.opens.send(openPath(path));
    },
    sessionEnded(webContentsId, closed) {
      const ids = owners.release(webContentsId);
      // A window closed through the prompt (saved, or "Don't Save") or with nothing unsaved leaves
      // no work to recover; a reload or a renderer crash keeps its snapshots for the next look.
      if (closed) for (const id of ids) discardRecovery(recovery(), id);
    },
  };
}
