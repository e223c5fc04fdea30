/**
 * The user catalog on disk: one JSON text in the app's user-data folder, which the renderer
 * validates (shared/catalog/userCatalog.ts). The host only stores it: read with a size limit,
 * written atomically with the previous version kept as `.bak`. Plain Node, so tests use real files.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_USER_CATALOG_BYTES, type HostResult } from '../../shared/index';
import { atomicWriteFile } from './atomicWrite';

export const USER_CATALOG_FILE = 'user-catalog.json';

export const userCatalogPath = (userData: string) => join(userData, USER_CATALOG_FILE);

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isMissing = (e: unknown) => e instanceof Error && 'code' in e && e.code === 'ENOENT';

/** The stored text; null before the first save. */
export function readUserCatalog(path: string): HostResult<string | null> {
  try {
    // Stat before reading: an oversized file is refused without being loaded into memory.
    const { size } = statSync(path);
    if (size > MAX_USER_CATALOG_BYTES)
      return {
        ok: false,
        error: `The user catalog is ${mb(size)}; Hallwright reads up to ${mb(MAX_USER_CATALOG_BYTES)}.`,
      };
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (e) {
    if (isMissing(e)) return { ok: true, value: null };
    return { ok: false, error: `The user catalog could not be read: ${message(e)}` };
  }
}

export function writeUserCatalog(path: string, text: string): HostResult<null> {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_USER_CATALOG_BYTES)
    return {
      ok: false,
      error: `The user catalog is ${mb(size)}; Hallwright stores up to ${mb(MAX_USER_CATALOG_BYTES)}. It was not saved.`,
    };
  const written = atomicWriteFile(path, text, { keepBackup: true });
  return written.ok ? { ok: true, value: null } : written;
}
