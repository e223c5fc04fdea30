import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_BYTES, MAX_USER_CATALOG_BYTES } from '../../shared/index';
import {
  isAllowedNavigation,
  isTrustedSenderUrl,
  parseDocumentState,
  parseDroppedPath,
  parseExportRequest,
  parseRecoveryId,
  parseRecoveryWrite,
  parseSaveReply,
  parseSaveRequest,
  parseUserCatalogText,
  PathRegistry,
} from './ipcValidation';

describe('IPC argument and sender validation', () => {
  it('accepts a well-formed save request', () => {
    expect(parseSaveRequest({ handle: null, suggestedName: 'site.hallwright', text: '{}' }).ok).toBe(true);
  });

  it.each([
    ['a non-object', 'hello'],
    ['a name with folders', { handle: null, suggestedName: '../../etc/passwd', text: '' }],
    ['a number for text', { handle: null, suggestedName: 'a', text: 42 }],
    ['an empty handle', { handle: '', suggestedName: 'a', text: '' }],
    ['a parent-folder name', { handle: null, suggestedName: '..', text: '' }],
  ])('refuses %s', (_what, value) => {
    expect(parseSaveRequest(value).ok).toBe(false);
  });

  it('trusts only app://hallwright pages', () => {
    expect(isTrustedSenderUrl('app://hallwright/index.html')).toBe(true);
    expect(isTrustedSenderUrl('https://example.com/')).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });

  it('knows only the paths the user approved', () => {
    const registry = new PathRegistry();
    registry.approve('/home/me/site.hallwright');
    expect(registry.has('/home/me/site.hallwright')).toBe(true);
    expect(registry.has('/etc/passwd')).toBe(false);
  });
});

describe('export request validation', () => {
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
  const valid = { format: 'pdf', suggestedName: 'Site report.pdf', bytes };

  it.each(['csv', 'xlsx', 'pdf', 'png', 'glb', 'webm'])('accepts a %s export', (format) => {
    const parsed = parseExportRequest({ ...valid, format });
    expect(parsed).toEqual({ ok: true, request: { ...valid, format } });
  });

  it('accepts a Node Buffer (a Uint8Array) and an export of exactly the limit', () => {
    expect(parseExportRequest({ ...valid, bytes: Buffer.from('a,b\r\n') }).ok).toBe(true);
    expect(parseExportRequest({ ...valid, bytes: new Uint8Array(MAX_EXPORT_BYTES) }).ok).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'pdf'],
    ['an array', [valid]],
    ['an unknown format', { ...valid, format: 'exe' }],
    ['an upper-case format', { ...valid, format: 'PDF' }],
    ['a glTF JSON format', { ...valid, format: 'gltf' }],
    ['a video format other than WebM', { ...valid, format: 'mp4' }],
    ['a missing format', { suggestedName: 'a', bytes }],
    ['a name with folders', { ...valid, suggestedName: '../../.bashrc' }],
    ['a Windows path', { ...valid, suggestedName: 'C:\\Windows\\x.pdf' }],
    ['a name with a NUL', { ...valid, suggestedName: 'a\0.pdf' }],
    ['an empty name', { ...valid, suggestedName: '' }],
    ['a dots-only name', { ...valid, suggestedName: '...' }],
    ['a 256-character name', { ...valid, suggestedName: `${'a'.repeat(252)}.pdf` }],
    ['a number for the name', { ...valid, suggestedName: 42 }],
    ['bytes as an array of numbers', { ...valid, bytes: [37, 80, 68, 70] }],
    ['bytes as a string', { ...valid, bytes: '%PDF' }],
    ['bytes as an ArrayBuffer', { ...valid, bytes: bytes.buffer }],
    ['bytes as another typed array', { ...valid, bytes: new Uint16Array(4) }],
    ['bytes as a look-alike object', { ...valid, bytes: { byteLength: 4, length: 4, 0: 37 } }],
    ['an extra field', { ...valid, path: '/etc/passwd' }],
  ])('refuses %s', (_what, value) => {
    expect(parseExportRequest(value)).toEqual({ ok: false, error: 'Invalid export request.' });
  });

  it('refuses an export over the limit, saying so', () => {
    const parsed = parseExportRequest({ ...valid, bytes: new Uint8Array(MAX_EXPORT_BYTES + 1) });
    expect(parsed).toEqual({ ok: false, error: 'The export is larger than 64 MB and was not saved.' });
  });

  it('takes the user catalog as text within the limit only', () => {
    expect(parseUserCatalogText('{"devices":[]}')).toEqual({ ok: true, text: '{"devices":[]}' });
    expect(parseUserCatalogText({ devices: [] }).ok).toBe(false);
    expect(parseUserCatalogText(null).ok).toBe(false);
    expect(parseUserCatalogText('x'.repeat(MAX_USER_CATALOG_BYTES + 1)).ok).toBe(false);
  });
});

describe('recovery IPC arguments', () => {
  const meta = { fileName: 'site.hallwright', savedAt: '2026-12-05T10:00:00.000Z' };

  it('accepts an autosave with a session id, the text and its meta', () => {
    expect(parseRecoveryWrite(['0b6f7c1e-1a2b-4c3d-8e9f-0123456789ab', '{}', meta])).toEqual({
      ok: true,
      id: '0b6f7c1e-1a2b-4c3d-8e9f-0123456789ab',
      text: '{}',
      meta,
    });
  });

  it.each([
    ['an id naming another folder', ['../x', '{}', meta]],
    ['a missing meta', ['a-1', '{}']],
    ['extra meta fields', ['a-1', '{}', { ...meta, path: '/etc' }]],
    ['a time that is not ISO 8601', ['a-1', '{}', { ...meta, savedAt: 'yesterday' }]],
    ['a name over 255 characters', ['a-1', '{}', { ...meta, fileName: 'x'.repeat(256) }]],
    ['text that is not a string', ['a-1', 42, meta]],
  ])('refuses %s', (_label, args) => {
    expect(parseRecoveryWrite(args)).toEqual({ ok: false, error: 'Invalid recovery snapshot.' });
  });

  it('accepts only ids of letters, digits and dashes', () => {
    expect(parseRecoveryId('a-1')).toEqual({ ok: true, id: 'a-1' });
    for (const id of ['', '.', '..', 'a/b', 'a.json', 'x'.repeat(65), 7, null])
      expect(parseRecoveryId(id)).toEqual({ ok: false, error: 'Invalid recovery id.' });
  });
});

describe('desktop integration IPC arguments', () => {
  it('takes the document state only as a flag and a file name', () => {
    expect(parseDocumentState({ dirty: true, fileName: 'site.hallwright' })).toEqual({
      ok: true,
      state: { dirty: true, fileName: 'site.hallwright' },
    });
    for (const bad of [
      null,
      { dirty: 'yes', fileName: 'a' },
      { dirty: true, fileName: '' },
      { dirty: true, fileName: 'x'.repeat(256) },
      { dirty: false, fileName: 'a', extra: 1 },
    ])
      expect(parseDocumentState(bad).ok).toBe(false);
  });

  it('reads a dropped path only when it is an absolute path of a project file', () => {
    const abs = process.platform === 'win32' ? 'C:\\sites\\Acme.HALLWRIGHT' : '/home/a/sites/Acme.HALLWRIGHT';
    expect(parseDroppedPath(abs)).toEqual({ ok: true, path: abs });
    for (const bad of [
      'site.hallwright',
      '../site.hallwright',
      '/etc/passwd',
      '/home/a/site.hallwright.exe',
      '/home/a/.hallwright\0.txt',
      `/${'a'.repeat(4100)}.hallwright`,
      42,
      null,
    ]) {
      const parsed = parseDroppedPath(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('.hallwright');
    }
  });

  it('takes a save reply as a request id and a flag', () => {
    expect(parseSaveReply([3, true])).toEqual({ ok: true, id: 3, saved: true });
    for (const bad of [[], [0, true], [1.5, true], ['1', true], [1, 'true'], [1, true, 'x']])
      expect(parseSaveReply(bad).ok).toBe(false);
  });

  it('lets a window navigate only within the bundled app', () => {
    expect(isAllowedNavigation('app://hallwright/index.html')).toBe(true);
    expect(isAllowedNavigation('app://hallwright/index.html?autosaveMs=200')).toBe(true);
    // A dropped file, the web, a look-alike host.
    expect(isAllowedNavigation('file:///home/a/site.hallwright')).toBe(false);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('app://hallwright.evil/index.html')).toBe(false);
    expect(isAllowedNavigation('app://hallwright')).toBe(false);
  });
});
