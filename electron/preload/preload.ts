/** The one API the sandboxed renderer gets: the HallwrightApi contract over IPC. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type HallwrightApi, type MenuCommand } from '../../shared/ipc';

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
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC.menu, handler);
    return () => ipcRenderer.removeListener(IPC.menu, handler);
  },
};

contextBridge.exposeInMainWorld('hallwright', api);
