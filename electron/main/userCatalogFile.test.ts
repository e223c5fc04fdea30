import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_USER_CATALOG_BYTES } from '../../shared/index';
import { readUserCatalog, USER_CATALOG_FILE, userCatalogPath, writeUserCatalog } from './userCatalogFile';

let userData: string;
let path: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'hallwright-userdata-'));
  path = userCatalogPath(userData);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('user catalog file', () => {
  it('lives in the user-data folder', () => {
    expect(path).toBe(join(userData, USER_CATALOG_FILE));
    expect(USER_CATALOG_FILE).toBe('user-catalog.json');
  });

  it('reads as null before the first save', () => {
    expect(readUserCatalog(path)).toEqual({ ok: true, value: null });
  });

  it('saves atomically and reads back the same text, keeping the previous version', () => {
    const first = '{"formatVersion":1,"devices":[]}';
    const second = '{"formatVersion":1,"devices":[{"name":"Rig → 8 × GPU"}]}';
    expect(writeUserCatalog(path, first)).toEqual({ ok: true, value: null });
    expect(writeUserCatalog(path, second)).toEqual({ ok: true, value: null });
    expect(readUserCatalog(path)).toEqual({ ok: true, value: second });
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(first);
    expect(readdirSync(userData).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to store more than the limit, leaving the stored text alone', () => {
    writeUserCatalog(path, '{}');
    const result = writeUserCatalog(path, 'é'.repeat(MAX_USER_CATALOG_BYTES / 2 + 1));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/stores up to 8\.0 MB\. It was not saved\./) });
    expect(readUserCatalog(path)).toEqual({ ok: true, value: '{}' });
  });

  it('refuses to read an oversized file without loading it', () => {
    writeFileSync(path, '');
    truncateSync(path, MAX_USER_CATALOG_BYTES + 1);
    expect(readUserCatalog(path)).toEqual({ ok: false, error: expect.stringMatching(/reads up to 8\.0 MB/) });
  });

  it('reports a file it cannot read', () => {
    mkdirSync(path);
    expect(readUserCatalog(path)).toEqual({
      ok: false,
      error: expect.stringMatching(/^The user catalog could not be read: .*EISDIR/),
    });
  });

  it('reports a folder it cannot write to', () => {
    const result = writeUserCatalog(userCatalogPath(join(userData, 'missing')), '{}');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^user-catalog\.json could not be saved/) });
  });
});
