/** The one API the sandboxed renderer gets: the HallwrightApi contract over IPC. */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  IPC,
  MENU_COMMANDS,
  type HallwrightApi,
  type HostResult,
  type MenuCommand,
  type OpenedFile,
} from '../../shared/ipc';

/** Subscribes to a main → renderer channel; returns the unsubscribe function. */
function listen(channel: string, handler: (event: IpcRendererEvent, ...args: unknown[]) => void): () => void {
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const api: HallwrightApi = {
  host: 'electron',
  openProject: () => ipcRenderer.invoke(IPC.open),
  saveProject: (request) => ipcRenderer.invoke(IPC.save, request),
  exportFile: (request) => ipcRenderer.invoke(IPC.exportFile, request),
  loadUserCatalog: () => ipcRenderer.invoke(IPC.loadUserCatalog),
  saveUserCatalog: (text) => ipcRenderer.invoke(IPC.saveUserCatalog, text),
  writeRecovery: (id, text, meta) => ipcRenderer.invoke(IPC.writeRecovery, id, text, meta),
  listRecoveries: () => ipcRenderer.invoke(IPC.listRecoveries),
  readRecovery: (id) => ipcRenderer.invoke(IPC.readRecovery, id),
  discardRecovery: (id) => ipcRenderer.invoke(IPC.discardRecovery, id),
  onMenuCommand(listener) {
    return listen(IPC.menu, (_event, command) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    });
  },
  async openDroppedFile(file) {
    // The path of a File the user dropped; empty for a File made in the page, which has none. Only
    // the path crosses to main, which reads the file itself (and approves it for Save).
    let path: string;
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      path = '';
    }
    if (!path) return { ok: false, error: `${file.name} is not a file on this computer, so it cannot be opened.` };
    return ipcRenderer.invoke(IPC.openDropped, path) as Promise<HostResult<OpenedFile>>;
  },
  reportDocumentState(state) {
    ipcRenderer.send(IPC.documentState, state);
  },
  onOpenRequest(listener) {
    const stop = listen(IPC.openRequest, (_event, result) => listener(result as HostResult<OpenedFile>));
    // Main holds requests made before this (the command line's file at start) until now.
    ipcRenderer.send(IPC.openRequestReady);
    return stop;
  },
  onSaveBeforeClose(listener) {
    return listen(IPC.saveBeforeClose, (_event, id) => {
      const reply = (saved: boolean) => ipcRenderer.send(IPC.saveBeforeCloseDone, id, saved);
      listener().then(reply, () => reply(false));
    });
  },
};

contextBridge.exposeInMainWorld('hallwright', api);
