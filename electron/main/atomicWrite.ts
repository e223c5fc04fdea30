/**
 * Atomic file writes, in plain Node (no Electron) so tests run them on real files and the command
 * line shares them. The data goes to a temp file in the same folder, is fsynced, and replaces the
 * target by rename, so the file on disk is always the old content or the new, never torn.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteResult = { ok: true } | { ok: false; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Makes a rename durable: fsync the folder entry. Some platforms (Windows) cannot open a folder. */
function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the data itself was already fsynced before the rename.
  }
}

export interface AtomicWriteOptions {
  /** Keep the replaced file as `<name>.bak` (projects and the user catalog; not exports, which are rebuilt at will). */
  keepBackup: boolean;
}

/** Writes text (as UTF-8) or bytes to `path` atomically. */
export function atomicWriteFile(
  path: string,
  data: string | Uint8Array,
  { keepBackup }: AtomicWriteOptions,
): WriteResult {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // writeSync may write less than asked (large buffers, some file systems): loop until all is down.
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Copy (not move) the old version: the target stays intact until the rename replaces it.
    if (keepBackup && existsSync(path)) copyFileSync(path, `${path}.bak`);
    renameSync(temp, path);
    fsyncDirectory(dir);
    return { ok: true };
  } catch (e) {
    rmSync(temp, { force: true });
    return { ok: false, error: `${basename(path)} could not be saved: ${message(e)}` };
  }
}
