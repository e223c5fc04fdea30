/**
 * Atomic file writes, in plain Node (no Electron) so tests run them on real files and the command
 * line shares them. The data goes to a temp file in the same folder, is fsynced, and replaces the
 * target by rename, so the file on disk is always the old content or the new, never torn.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
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

/** `.<name>.<pid>-<random>.tmp`: the temp files this module makes for `name`, with the pid that made them. */
const tempName = (name: string, tag: string) => `.${name}.${process.pid}-${tag}.tmp`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files a killed save left beside `name` (the process that made them is gone), so
 * crashes do not pile up multi-MB leftovers. Temps of live processes are theirs and are kept;
 * the pid in the name says which. Best effort: a leftover never harms, since every save writes a
 * new uniquely named temp file (`wx`) and nothing ever reads one.
 */
function removeStaleTemps(dir: string, name: string): void {
  try {
    const prefix = `.${name}.`;
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
      const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length, -'.tmp'.length))?.[1]);
      if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) rmSync(join(dir, entry), { force: true });
    }
  } catch {
    // The folder cannot be listed: the save itself reports what matters.
  }
}

export interface AtomicWriteOptions {
  /** Keep the replaced file as `<name>.bak` (projects and the user catalog; not exports, which are rebuilt at will). */
  keepBackup: boolean;
}

/**
 * The file at `path` also under `name`: a hard link where the file system has them — the old
 * version's own bytes, which nothing writes again, since every save writes a new file and renames
 * it over `path` — else a copy (FAT and exFAT drives, some network shares). A link costs no I/O: on
 * the 16 MB stress campus the copy and the freeing of the replaced file took ~12 of a ~110 ms save.
 */
function keepOldVersion(path: string, name: string): void {
  try {
    linkSync(path, name);
  } catch {
    copyFileSync(path, name);
  }
}

/** Writes text (as UTF-8) or bytes to `path` atomically. */
export function atomicWriteFile(
  path: string,
  data: string | Uint8Array,
  { keepBackup }: AtomicWriteOptions,
): WriteResult {
  const dir = dirname(path);
  const name = basename(path);
  const temp = join(dir, tempName(name, randomBytes(6).toString('hex')));
  const backupTemp = join(dir, tempName(`${name}.bak`, randomBytes(6).toString('hex')));
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
    // The old version is kept under a second name, not moved: the target stays intact until the
    // rename replaces it. The second name goes through its own temp name and rename too, so a save
    // killed meanwhile leaves the previous `.bak` whole (the kill test checks it).
    if (keepBackup && existsSync(path)) {
      keepOldVersion(path, backupTemp);
      renameSync(backupTemp, `${path}.bak`);
      // A rename between two links of one file does nothing and leaves both (POSIX rename): so it
      // goes when `.bak` already is the target, as a save killed after its backup leaves them.
      rmSync(backupTemp, { force: true });
    }
    renameSync(temp, path);
    fsyncDirectory(dir);
    removeStaleTemps(dir, name);
    removeStaleTemps(dir, `${name}.bak`);
    return { ok: true };
  } catch (e) {
    rmSync(temp, { force: true });
    rmSync(backupTemp, { force: true });
    return { ok: false, error: `${name} could not be saved: ${message(e)}` };
  }
}
