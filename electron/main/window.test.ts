/**
 * The window's security settings and its close prompt, with Electron replaced by a recording fake
 * (the binary is not needed): the options the window is built with, what navigation, new windows,
 * permissions and requests are allowed, the CSP header hook, and the Save / Don't Save / Cancel flow.
 * e2e/electron.spec.ts checks the same in the real app where Electron is installed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, IPC } from '../../shared/index';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({
  windows: [] as unknown[],
  dialogResponses: [] as number[],
  dialogMessages: [] as string[],
  quit: 0,
  session: {} as Record<string, Listener>,
}));

vi.mock('electron', () => {
  class Emitter {
    handlers = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.handlers.get(event) ?? []) l(...args);
    }
  }
  let nextId = 1;
  class WebContents extends Emitter {
    id = nextId++;
    sent: unknown[][] = [];
    openHandler: Listener | null = null;
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler(handler: Listener) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new WebContents();
    url = '';
    closed = false;
    constructor(public options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {}
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.closed = true;
      this.emit('closed');
    }
  }
  const appEvents = new Emitter();
  return {
    app: Object.assign(appEvents, { quit: () => fake.quit++ }),
    BrowserWindow,
    dialog: {
      showMessageBox: (_win: unknown, options: { message: string }) => {
        fake.dialogMessages.push(options.message);
        return Promise.resolve({ response: fake.dialogResponses.shift() ?? 2 });
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (l: Listener) => (fake.session.permission = l),
        webRequest: {
          onBeforeRequest: (l: Listener) => (fake.session.beforeRequest = l),
          onHeadersReceived: (l: Listener) => (fake.session.headersReceived = l),
        },
      },
    },
  };
});

const { createMainWindow, lockDownSession, windowSession } = await import('./window');

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  url: string;
  closed: boolean;
  close(): void;
  emit(event: string, ...args: unknown[]): void;
  webContents: {
    id: number;
    sent: unknown[][];
    openHandler: Listener | null;
    emit(event: string, ...args: unknown[]): void;
  };
}

const ended: [number, boolean][] = [];
function open(): FakeWindow {
  createMainWindow({ sessionEnded: (id, closed) => ended.push([id, closed]) });
  return fake.windows.at(-1) as FakeWindow;
}
/** Lets the prompt's promise chain run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  ended.length = 0;
  fake.dialogResponses = [];
  fake.dialogMessages = [];
});

describe('the window is locked down', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads only the bundle', () => {
    const win = open();
    expect(win.options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.url).toBe('app://hallwright/index.html');
  });

  it('never navigates away from the bundle (a dropped file, a link) and opens no window', () => {
    const win = open();
    const navigate = (url: string) => {
      let prevented = false;
      win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented ? 'refused' : 'allowed';
    };
    expect(navigate('file:///home/ana/site.hallwright')).toBe('refused');
    expect(navigate('https://example.com/')).toBe('refused');
    expect(navigate('app://hallwright/index.html')).toBe('allowed');
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission but full screen, every request off the app, and sends the CSP', () => {
    lockDownSession();
    const permission = (name: string) => {
      let granted: unknown = null;
      fake.session.permission!(null, name, (g: boolean) => (granted = g));
      return granted;
    };
    expect(permission('fullscreen')).toBe(true);
    for (const name of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])
      expect(permission(name)).toBe(false);
    const request = (url: string) => {
      let cancel: unknown = null;
      fake.session.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of [
      'app://hallwright/index.html',
      'blob:app://hallwright/1',
      'data:image/png;base64,',
      'devtools://x',
    ])
      expect(request(url)).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1/', 'file:///etc/passwd', 'ws://x/'])
      expect(request(url)).toBe(true);
    let headers: unknown = null;
    fake.session.headersReceived!(
      { responseHeaders: {} },
      (r: { responseHeaders: unknown }) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('closing a window with unsaved changes', () => {
  const dirty = (win: FakeWindow) =>
    windowSession(win.webContents.id)!.guard.setState({ dirty: true, fileName: 'plant-b.hallwright' });

  it('closes a clean window at once, and its snapshots are dropped', () => {
    const win = open();
    win.close();
    expect(win.closed).toBe(true);
    expect(fake.dialogMessages).toEqual([]);
    expect(ended).toEqual([[win.webContents.id, true]]);
    expect(windowSession(win.webContents.id)).toBeUndefined();
  });

  it("Cancel keeps the window; Don't Save closes it without saving", async () => {
    const win = open();
    dirty(win);
    fake.dialogResponses = [2, 1];
    win.close();
    await settle();
    expect(fake.dialogMessages).toEqual(['Do you want to save the changes you made to plant-b.hallwright?']);
    expect(win.closed).toBe(false);
    win.close();
    await settle();
    expect(win.closed).toBe(true);
    expect(win.webContents.sent.filter(([channel]) => channel === IPC.saveBeforeClose)).toEqual([]);
    expect(ended).toEqual([[win.webContents.id, true]]);
  });

  it('Save asks the renderer to save and closes only when it did', async () => {
    const win = open();
    dirty(win);
    fake.dialogResponses = [0, 0];
    const session = windowSession(win.webContents.id)!;
    const lastRequest = () => win.webContents.sent.filter(([channel]) => channel === IPC.saveBeforeClose).at(-1)![1];

    win.close();
    await settle();
    // The user cancelled Save As: the renderer says it did not save.
    session.saves.settle(lastRequest() as number, false);
    await settle();
    expect(win.closed).toBe(false);

    win.close();
    await settle();
    expect(fake.dialogMessages).toHaveLength(2);
    session.saves.settle(lastRequest() as number, true);
    await settle();
    expect(win.closed).toBe(true);
  });

  it("a reload or a renderer crash ends the page's session without closing, and forgets its state", () => {
    const win = open();
    dirty(win);
    win.webContents.emit('render-process-gone');
    expect(ended).toEqual([[win.webContents.id, false]]);
    // The crashed page's work is in its snapshot; nothing is left to ask about.
    win.close();
    expect(win.closed).toBe(true);
  });
});
