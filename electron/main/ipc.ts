/** IPC handlers: dialogs and file I/O for the renderer, with senders and arguments checked. */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
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
  parseExportRequest,
  parseRecoveryId,
  parseRecoveryWrite,
  parseSaveRequest,
  parseUserCatalogText,
  PathRegistry,
} from './ipcValidation';
import { readProjectFile, saveProjectFile } from './projectFiles';
import { discardRecovery, listRecoveries, readRecovery, recoveryFolder, writeRecovery } from './recovery';
import { readUserCatalog, userCatalogPath, writeUserCatalog } from './userCatalogFile';

const FILTERS = [
  { name: 'Hallwright project', extensions: [PROJECT_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
];

const UNTRUSTED = { ok: false, error: 'Refused: untrusted sender.' } as const;

function trusted(event: IpcMainInvokeEvent): BrowserWindow | null {
  const win = BrowserWindow.fromWebContents(event.sender);
  return win && isTrustedSenderUrl(event.senderFrame?.url) ? win : null;
}

const withExtension = (name: string, extension: string) =>
  name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;

export function registerIpc(): void {
  const paths = new PathRegistry();

  ipcMain.handle(IPC.open, async (event): Promise<HostResult<OpenedFile | null>> => {
    const win = trusted(event);
    if (!win) return UNTRUSTED;
    const choice = await dialog.showOpenDialog(win, { properties: ['openFile'], filters: FILTERS });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { ok: true, value: null };
    const read = readProjectFile(path);
    if (!read.ok) return { ok: false, error: read.error };
    paths.approve(path);
    return { ok: true, value: { name: basename(path), handle: path, text: read.text } };
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
    return written.ok
      ? { ok: true, value: { name: basename(path), handle: path } }
      : { ok: false, error: written.error };
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

  // Autosave snapshots: the folder is fixed by the main process; the renderer names a snapshot only by its checked id.
  const recovery = () => recoveryFolder(app.getPath('userData'));

  ipcMain.handle(IPC.writeRecovery, (event, ...args: unknown[]): HostResult<null> => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = parseRecoveryWrite(args);
    if (!parsed.ok) return parsed;
    return writeRecovery(recovery(), parsed.id, parsed.text, parsed.meta);
  });

  ipcMain.handle(IPC.listRecoveries, (event): HostResult<RecoveryEntry[]> => {
    if (!trusted(event)) return UNTRUSTED;
    return listRecoveries(recovery());
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
}
