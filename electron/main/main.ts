/** Electron entry: thin wiring. Domain logic lives in shared/, UI in renderer/, file logic in its own modules here. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerIpc, type DesktopFiles } from './ipc';
import { projectPathFromArgv } from './launchArgs';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { RecentFiles, recentFilePath } from './recentFiles';
import { createMainWindow, lockDownSession } from './window';

// `--user-data-dir=<dir>` keeps all the app stores (the user catalog, Chromium's own data) in <dir>:
// an isolated profile for the end-to-end tests and for portable use. Set before anything reads it,
// and before the single-instance lock, which is held per user-data folder.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', userDataDir);

if (!app.requestSingleInstanceLock()) {
  // The running instance gets this one's argv ('second-instance' below) and opens its file.
  app.quit();
} else {
  registerAppScheme();
  start();
}

function start(): void {
  let files: DesktopFiles | null = null;
  /** Projects asked for before a window could take them: the command line, macOS "open-file" at launch. */
  const waiting: string[] = [];
  const first = projectPathFromArgv(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });
  if (first) waiting.push(first);

  const newWindow = () => createMainWindow({ sessionEnded: (id, closed) => files?.sessionEnded(id, closed) });
  /** The window a file opens in: the focused one, else any, else a new one (macOS keeps running windowless). */
  const targetWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? newWindow();
  const open = (path: string) => {
    if (!files) return void waiting.push(path);
    const win = targetWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
    files.openInWindow(win, path);
  };

  // macOS hands files (Finder, the Dock, `open -a`) to a running app, also before it is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    open(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = projectPathFromArgv(argv, { defaultApp: Boolean(process.defaultApp), cwd: workingDirectory });
    if (path) return open(path);
    const win = targetWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    lockDownSession();
    serveRenderer(join(__dirname, '../renderer'));
    const recent = new RecentFiles(recentFilePath(app.getPath('userData')), (paths) => menu(paths));
    const menu = (paths: readonly string[]) =>
      installMenu({
        paths,
        open,
        clear: () => {
          recent.clear();
          app.clearRecentDocuments();
        },
      });
    menu(recent.list());
    files = registerIpc(recent);
    const win = newWindow();
    for (const path of waiting.splice(0)) files.openInWindow(win, path);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) newWindow();
    });
  });
}
