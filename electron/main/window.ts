/**
 * The main window, locked down: isolated, sandboxed, no Node, no navigation, no remote content.
 * It also holds a close of a window with unsaved changes until the user answers Save / Don't Save /
 * Cancel (closeGuard.ts), and keeps per page load what the IPC handlers need (WindowSession).
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { IPC, type HostResult, type OpenedFile } from '../../shared/index';
import { CloseGuard, closeChoice, closePrompt, Outbox, PendingReplies } from './closeGuard';
import { withContentSecurityPolicy } from './cspHeader';
import { APP_ORIGIN, isAllowedNavigation } from './ipcValidation';

const LOCAL_SCHEMES = ['app:', 'devtools:', 'blob:', 'data:'];

/** What the main process keeps about one window's page. */
export interface WindowSession {
  readonly window: BrowserWindow;
  /** The document's unsaved state as the renderer reports it, and the close prompt it drives. */
  readonly guard: CloseGuard;
  /** Files main opened for this window (recent list, command line), until the renderer listens. */
  readonly opens: Outbox<HostResult<OpenedFile>>;
  /** "Save before closing" requests awaiting the renderer's answer. */
  readonly saves: PendingReplies<boolean>;
}

const sessions = new Map<number, WindowSession>();

/** The session of the window whose page sent an IPC message, by its webContents id. */
export function windowSession(webContentsId: number): WindowSession | undefined {
  return sessions.get(webContentsId);
}

export interface WindowEvents {
  /**
   * A page's session ended: `closed` when its window was closed through the close prompt or with
   * nothing unsaved (so its autosave snapshots are not needed), false when the page was reloaded or
   * its renderer crashed (its snapshots are then offered back like a crash's).
   */
  sessionEnded(webContentsId: number, closed: boolean): void;
}

/** Set by app.quit(): once a held close is answered, the quit it interrupted goes on. */
let quitting = false;
app.on('before-quit', () => {
  quitting = true;
});

export function createMainWindow(events: WindowEvents): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Hallwright',
    show: false,
    webPreferences: {
      // The preload is reviewed (PRELOAD_JS_CHECK asks for a review of any preload): it exposes
      // only the typed contract, never ipcRenderer (preload.test.ts); scripts/electronegativity.mjs
      // lists this annotation and fails on any other.
      preload: join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click on a link would open it in a new window before setWindowOpenHandler sees it
      // (Electronegativity AUXCLICK_JS_CHECK); the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  const id = contents.id;
  const state: WindowSession = {
    window: win,
    guard: new CloseGuard(),
    opens: new Outbox((message) => contents.send(IPC.openRequest, message)),
    saves: new PendingReplies<boolean>(),
  };
  sessions.set(id, state);

  /** The page is gone (reloaded or crashed): nothing it reported holds any more. */
  const pageEnded = () => {
    state.opens.markNotReady();
    state.saves.settleAll(false);
    state.guard.setState({ dirty: false, fileName: state.guard.fileName });
    events.sessionEnded(id, false);
  };

  win.once('ready-to-show', () => win.show());
  // Navigation never leaves the bundle: this also stops Chromium's default for a file dropped on
  // the page, which would navigate to its file:// URL (the renderer handles drops itself).
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('did-navigate', pageEnded);
  contents.on('render-process-gone', pageEnded);
  // A hung page cannot save: its pending "save before closing" counts as not saved, so the next
  // close asks again and Don't Save still works.
  win.on('unresponsive', () => state.saves.settleAll(false));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  win.on('close', (event) => {
    const step = state.guard.onClose();
    if (step === 'close') return;
    event.preventDefault();
    if (step === 'hold') return;
    void dialog
      .showMessageBox(win, closePrompt(state.guard.fileName))
      .then(({ response }) => state.guard.answer(closeChoice(response), () => saveBeforeClose(state)))
      .then((close) => {
        if (!close) {
          quitting = false;
          return;
        }
        win.close();
        if (quitting) app.quit();
      });
  });
  win.on('closed', () => {
    sessions.delete(id);
    state.saves.settleAll(false);
    events.sessionEnded(id, true);
  });

  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Asks the renderer to save (File › Save, which asks where for a new document); resolves whether it did. */
function saveBeforeClose(state: WindowSession): Promise<boolean> {
  const { id, reply } = state.saves.open();
  state.window.webContents.send(IPC.saveBeforeClose, id);
  return reply;
}

/**
 * Session-wide: deny every permission prompt but full screen (presentation mode asks for it), and
 * every request that would leave the app; every response the webRequest layer sees carries the CSP.
 */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'fullscreen'),
  );
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = LOCAL_SCHEMES.some((scheme) => details.url.startsWith(scheme));
    callback({ cancel: !allowed });
  });
  session.defaultSession.webRequest.onHeadersReceived(withContentSecurityPolicy);
}
