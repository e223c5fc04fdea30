/**
 * The preload's review under test (Electronegativity's PRELOAD_JS_CHECK asks for one): it exposes
 * exactly the HallwrightApi, only as the `hallwright` global, never ipcRenderer or any Electron
 * object; each call goes to its own channel of the IPC table; incoming messages are filtered.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type HallwrightApi } from '../../shared/ipc';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  invoked: [] as unknown[][],
  sent: [] as unknown[][],
  listeners: new Map<string, Listener[]>(),
  paths: new Map<unknown, string>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (fake.exposed[name] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: (...args: unknown[]) => fake.sent.push(args),
    on: (channel: string, l: Listener) => fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), l]),
    removeListener: (channel: string, l: Listener) =>
      fake.listeners.set(
        channel,
        (fake.listeners.get(channel) ?? []).filter((x) => x !== l),
      ),
  },
  webUtils: { getPathForFile: (file: unknown) => fake.paths.get(file) ?? '' },
}));

await import('./preload');
const api = fake.exposed.hallwright as HallwrightApi;
const emit = (channel: string, ...args: unknown[]) => fake.listeners.get(channel)?.forEach((l) => l({}, ...args));

beforeEach(() => {
  fake.invoked.length = 0;
  fake.sent.length = 0;
});

describe('the preload', () => {
  it('exposes only the host contract, as plain functions and the host name', () => {
    expect(Object.keys(fake.exposed)).toEqual(['hallwright']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'host',
        'openProject',
        'saveProject',
        'exportFile',
        'loadUserCatalog',
        'saveUserCatalog',
        'writeRecovery',
        'listRecoveries',
        'readRecovery',
        'discardRecovery',
        'onMenuCommand',
        'openDroppedFile',
        'reportDocumentState',
        'onOpenRequest',
        'onSaveBeforeClose',
      ].sort(),
    );
    expect(api.host).toBe('electron');
    for (const [key, value] of Object.entries(api)) if (key !== 'host') expect(typeof value).toBe('function');
  });

  it('sends each call on its own channel of the IPC table', async () => {
    const channels = new Set<string>(Object.values(IPC));
    await api.openProject();
    await api.saveProject({ handle: null, suggestedName: 'a', text: '{}' });
    await api.listRecoveries();
    await api.discardRecovery('id-1');
    api.reportDocumentState({ dirty: true, fileName: 'a.hallwright' });
    for (const [channel] of [...fake.invoked, ...fake.sent]) expect(channels.has(channel as string)).toBe(true);
    expect(fake.sent).toEqual([[IPC.documentState, { dirty: true, fileName: 'a.hallwright' }]]);
  });

  it('passes on only known menu commands', () => {
    const got: string[] = [];
    const stop = api.onMenuCommand((c) => got.push(c));
    emit(IPC.menu, 'save');
    emit(IPC.menu, 'rm -rf');
    emit(IPC.menu, { toString: () => 'save' });
    stop();
    emit(IPC.menu, 'open');
    expect(got).toEqual(['save']);
  });

  it('sends main only the path of a dropped file, and refuses a file without one', async () => {
    const real = { name: 'plant.hallwright', size: 2, text: async () => '{}' };
    fake.paths.set(real, '/sites/plant.hallwright');
    await api.openDroppedFile(real);
    expect(fake.invoked).toEqual([[IPC.openDropped, '/sites/plant.hallwright']]);
    const made = { name: 'made-up.hallwright', size: 2, text: async () => '{}' };
    const refused = await api.openDroppedFile(made);
    expect(refused.ok).toBe(false);
    expect(fake.invoked).toHaveLength(1);
  });

  it('says when it listens for open requests, and answers save requests by id', async () => {
    const results: unknown[] = [];
    api.onOpenRequest((r) => results.push(r));
    expect(fake.sent).toEqual([[IPC.openRequestReady]]);
    emit(IPC.openRequest, { ok: true, value: { name: 'a', handle: '/a', text: '{}' } });
    expect(results).toHaveLength(1);

    let saves = 0;
    api.onSaveBeforeClose(async () => ++saves === 1);
    emit(IPC.saveBeforeClose, 7);
    emit(IPC.saveBeforeClose, 8);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.sent.slice(1)).toEqual([
      [IPC.saveBeforeCloseDone, 7, true],
      [IPC.saveBeforeCloseDone, 8, false],
    ]);
  });
});
