/** Electron entry: thin wiring. Domain logic lives in shared/, UI in renderer/. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, lockDownSession } from './window';

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
