/** The main window, locked down: isolated, sandboxed, no Node, no navigation, no remote content. */
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './ipcValidation';

const LOCAL_SCHEMES = ['app:', 'devtools:', 'blob:', 'data:'];

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Hallwright',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click on a link would open it in a new window before setWindowOpenHandler sees it
      // (Electronegativity AUXCLICK_JS_CHECK); the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * Session-wide: deny every permission prompt but full screen (presentation mode asks for it), and
 * every request that would leave the app.
 */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'fullscreen'),
  );
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = LOCAL_SCHEMES.some((scheme) => details.url.startsWith(scheme));
    callback({ cancel: !allowed });
  });
}
