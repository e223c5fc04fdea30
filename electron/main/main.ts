/** Electron entry: thin wiring. Domain logic lives in shared/, UI in renderer/. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, lockDownSession } from './window';

// `--user-data-dir=<dir>` keeps all the app stores (the user catalog, Chromium's own data) in <dir>:
// an isolated profile for the end-to-end tests and for portable use. Set before anything reads it,
// and before the single-instance lock, which is held per user-data folder.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', userDataDir);

if (!app.requestSingleInstanceLock()) app.quit();

registerAppScheme();

void app.whenReady().then(() => {
  lockDownSession();
  serveRenderer(join(__dirname, '../renderer'));
  installMenu();
  registerIpc();
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
