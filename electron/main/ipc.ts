/** IPC handlers: dialogs and file I/O for the renderer, with senders and arguments checked. */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import { IPC, PROJECT_EXTENSION, type HostResult, type OpenedFile, type SavedFile } from '../../shared/index';
import { isTrustedSenderUrl, parseSaveRequest, PathRegistry } from './ipcValidation';
import { readProjectFile, saveProjectFile } from './projectFiles';

const FILTERS = [
  { name: 'Hallwright project', extensions: [PROJECT_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
];

function trusted(event: IpcMainInvokeEvent): BrowserWindow | null {
  const win = BrowserWindow.fromWebContents(event.sender);
  return win && isTrustedSenderUrl(event.senderFrame?.url) ? win : null;
}

export function registerIpc(): void {
  const paths = new PathRegistry();

  ipcMain.handle(IPC.open, async (event): Promise<HostResult<OpenedFile | null>> => {
    const win = trusted(event);
    if (!win) return { ok: false, error: 'Refused: untrusted sender.' };
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
    if (!win) return { ok: false, error: 'Refused: untrusted sender.' };
    const parsed = parseSaveRequest(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { handle, suggestedName, text } = parsed.request;
    let path = handle;
    if (path === null) {
      const name = suggestedName.endsWith(`.${PROJECT_EXTENSION}`)
        ? suggestedName
        : `${suggestedName}.${PROJECT_EXTENSION}`;
      const choice = await dialog.showSaveDialog(win, { defaultPath: name, filters: FILTERS });
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
}
