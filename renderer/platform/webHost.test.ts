import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildSampleFacility,
  MAX_EXPORT_BYTES,
  MAX_PROJECT_BYTES,
  MAX_USER_CATALOG_BYTES,
  serializeProject,
} from '../../shared/index';
import { downloadName, RECOVERY_KEY_PREFIX, SESSION_LOCK_PREFIX, USER_CATALOG_KEY, webHost } from './webHost';

/** The browser APIs the web host touches, faked: links that record their download, a storage map. */
let downloads: { name: string; blob: Blob }[];
let storage: Map<string, string>;
let storageFails: 'quota' | 'disabled' | null;

beforeEach(() => {
  downloads = [];
  storage = new Map();
  storageFails = null;
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.stubGlobal('document', {
    createElement: () => {
      const a = { href: '', download: '', click: () => downloads.push({ name: a.download, blob: blobs.get(a.href)! }) };
      return a;
    },
  });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => {
      if (storageFails === 'disabled') throw new DOMException('The operation is insecure.', 'SecurityError');
      return storage.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (storageFails) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      storage.set(key, value);
    },
    removeItem: (key: string) => storage.delete(key),
    key: (index: number) => [...storage.keys()][index] ?? null,
    get length() {
      return storage.size;
    },
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('web host exports', () => {
  it.each([
    ['csv', 'text/csv;charset=utf-8'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['glb', 'model/gltf-binary'],
    ['webm', 'video/webm'],
  ] as const)('downloads a %s export with its MIME type and extension', async (format, mime) => {
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await webHost.exportFile({ format, suggestedName: 'Site - export', bytes });
    expect(result).toEqual({ ok: true, value: { name: `Site - export.${format}`, handle: null } });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe(`Site - export.${format}`);
    expect(downloads[0]!.blob.type).toBe(mime);
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(bytes);
  });

  it('refuses an export over the limit without downloading', async () => {
    const result = await webHost.exportFile({
      format: 'pdf',
      suggestedName: 'x',
      bytes: new Uint8Array(MAX_EXPORT_BYTES + 1),
    });
    expect(result).toEqual({ ok: false, error: 'The export is larger than 64 MB and was not saved.' });
    expect(downloads).toEqual([]);
  });

  it('sanitises download names', () => {
    expect(downloadName('a/b:c*?"<>|\td', 'pdf', 'export')).toBe('a_b_c_d.pdf');
    expect(downloadName('report.PDF', 'pdf', 'export')).toBe('report.PDF');
    expect(downloadName('  ', 'csv', 'export')).toBe('export.csv');
  });
});

describe('web host user catalog', () => {
  it('reads null before anything is stored, then what was stored', async () => {
    expect(await webHost.loadUserCatalog()).toEqual({ ok: true, value: null });
    expect(await webHost.saveUserCatalog('{"devices":[]}')).toEqual({ ok: true, value: null });
    expect(storage.get(USER_CATALOG_KEY)).toBe('{"devices":[]}');
    expect(await webHost.loadUserCatalog()).toEqual({ ok: true, value: '{"devices":[]}' });
  });

  it('turns a full storage into a clear error, keeping the stored catalog', async () => {
    await webHost.saveUserCatalog('{"old":true}');
    storageFails = 'quota';
    const result = await webHost.saveUserCatalog('{"new":true}');
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/full or disabled\), so it was not saved: .*quota/),
    });
    expect(storage.get(USER_CATALOG_KEY)).toBe('{"old":true}');
  });

  it('says so when storage is disabled', async () => {
    storageFails = 'disabled';
    expect(await webHost.loadUserCatalog()).toEqual({
      ok: false,
      error: expect.stringMatching(/storage is not available/),
    });
  });

  it('refuses a catalog over the limit, counting UTF-8 bytes', async () => {
    const result = await webHost.saveUserCatalog('é'.repeat(MAX_USER_CATALOG_BYTES / 2 + 1));
    expect(result).toEqual({ ok: false, error: 'The user catalog is larger than 8 MB and was not saved.' });
    expect(storage.size).toBe(0);
  });
});

describe('web host recovery snapshots', () => {
  const text = serializeProject(buildSampleFacility());
  const meta = (savedAt: string) => ({ fileName: 'site.hallwright', savedAt });

  it('writes, lists newest first, reads back and discards', async () => {
    await webHost.saveUserCatalog('{"devices":[]}');
    expect(await webHost.writeRecovery('a-1', text, meta('2026-12-05T10:00:00.000Z'))).toEqual({
      ok: true,
      value: null,
    });
    expect(await webHost.writeRecovery('b-2', text, meta('2026-12-05T11:00:00.000Z'))).toEqual({
      ok: true,
      value: null,
    });
    expect(await webHost.listRecoveries()).toEqual({
      ok: true,
      value: [
        { id: 'b-2', ...meta('2026-12-05T11:00:00.000Z'), error: null },
        { id: 'a-1', ...meta('2026-12-05T10:00:00.000Z'), error: null },
      ],
    });
    expect(await webHost.readRecovery('a-1')).toEqual({
      ok: true,
      value: { id: 'a-1', ...meta('2026-12-05T10:00:00.000Z'), text },
    });
    expect(await webHost.discardRecovery('a-1')).toEqual({ ok: true, value: null });
    expect([...storage.keys()].sort()).toEqual([`${RECOVERY_KEY_PREFIX}b-2`, USER_CATALOG_KEY]);
  });

  it('lists bad snapshots with their error and refuses to read them', async () => {
    storage.set(`${RECOVERY_KEY_PREFIX}torn`, '{"fileName":');
    storage.set(`${RECOVERY_KEY_PREFIX}broken`, JSON.stringify({ ...meta('2026-12-05T10:00:00.000Z'), text: '{}' }));
    const listed = await webHost.listRecoveries();
    expect(listed.ok && listed.value.map((e) => [e.id, e.error !== null])).toEqual([
      ['torn', true],
      ['broken', true],
    ]);
    expect(await webHost.readRecovery('broken')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The snapshot's project is not valid: /),
    });
    expect(await webHost.readRecovery('../x')).toEqual({ ok: false, error: 'Invalid recovery id.' });
  });

  it('turns a full storage into a clear autosave error', async () => {
    storageFails = 'quota';
    expect(await webHost.writeRecovery('a-1', text, meta('2026-12-05T10:00:00.000Z'))).toEqual({
      ok: false,
      error: expect.stringMatching(/refused the autosave \(full or disabled\): .*quota/),
    });
  });
});

describe('web host: tabs open at once', () => {
  /** Web Locks shared by every tab of the origin, faked: the names held, released when a tab goes. */
  let held: string[];
  beforeEach(() => {
    held = [];
    vi.stubGlobal('navigator', {
      locks: {
        request: (name: string, callback: () => Promise<unknown>) => {
          held.push(name);
          return callback();
        },
        query: async () => ({ held: held.map((name) => ({ name, mode: 'exclusive' })) }),
      },
    });
  });

  const meta = { fileName: 'site.hallwright', savedAt: '2026-12-05T10:00:00.000Z' };
  const text = serializeProject(buildSampleFacility());
  const listed = async () => {
    const result = await webHost.listRecoveries();
    return result.ok ? result.value.map((e) => e.id) : result.error;
  };

  it("does not offer another open tab's snapshot as a crash's, and does once that tab is gone", async () => {
    expect(await webHost.writeRecovery('tab-a', text, meta)).toEqual({ ok: true, value: null });
    expect(held).toEqual([`${SESSION_LOCK_PREFIX}tab-a`]);
    // A snapshot left by a tab that crashed earlier holds no lock.
    storage.set(`${RECOVERY_KEY_PREFIX}tab-crashed`, JSON.stringify({ ...meta, text }));
    expect(await listed()).toEqual(['tab-crashed']);
    // Tab A closes or crashes: the browser releases its lock.
    held = [];
    expect((await listed()).length).toBe(2);
  });

  it('takes the lock once per snapshot id', async () => {
    await webHost.writeRecovery('tab-b', text, meta);
    await webHost.writeRecovery('tab-b', text, meta);
    expect(held).toEqual([`${SESSION_LOCK_PREFIX}tab-b`]);
  });

  it('lists every snapshot where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {});
    storage.set(`${RECOVERY_KEY_PREFIX}tab-c`, JSON.stringify({ ...meta, text }));
    expect(await listed()).toEqual(['tab-c']);
  });
});

describe('web host: dropped files and leaving the page', () => {
  it('reads a dropped file as a picked one, refusing one over the size limit', async () => {
    const file = { name: 'plant.hallwright', size: 2, text: async () => '{}' };
    expect(await webHost.openDroppedFile(file)).toEqual({
      ok: true,
      value: { name: 'plant.hallwright', handle: null, text: '{}' },
    });
    const huge = { name: 'huge.hallwright', size: MAX_PROJECT_BYTES + 1, text: async () => '' };
    const refused = await webHost.openDroppedFile(huge);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('up to 64 MB');
  });

  it('makes the browser ask before leaving only while there are unsaved changes', () => {
    const listeners = new Set<(e: { preventDefault(): void; returnValue: unknown }) => void>();
    vi.stubGlobal('window', {
      addEventListener: (type: string, l: never) => type === 'beforeunload' && listeners.add(l),
      removeEventListener: (type: string, l: never) => type === 'beforeunload' && listeners.delete(l),
    });
    webHost.reportDocumentState({ dirty: true, fileName: 'a.hallwright' });
    webHost.reportDocumentState({ dirty: true, fileName: 'b.hallwright' });
    expect(listeners.size).toBe(1);
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), returnValue: undefined as unknown };
    [...listeners][0]!(event);
    expect(prevented).toBe(true);
    expect(event.returnValue).toBe('');
    webHost.reportDocumentState({ dirty: false, fileName: 'b.hallwright' });
    expect(listeners.size).toBe(0);
  });
});
