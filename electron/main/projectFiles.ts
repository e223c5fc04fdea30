/**
 * Project files on disk, in plain Node (no Electron) so tests run it on real files. Saves are
 * atomic: the text goes to a temp file in the same folder, is fsynced, and replaces the target
 * by rename, so the file on disk is always the old document or the new one, never torn. The
 * previous version is kept as `<name>.bak`.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_PROJECT_BYTES, parseProject, type ProjectDocument } from '../../shared/index';

export type ReadResult = { ok: true; text: string; doc: ProjectDocument } | { ok: false; error: string };
export type WriteResult = { ok: true } | { ok: false; error: string };

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function readProjectFile(path: string): ReadResult {
  try {
    const { size } = statSync(path);
    if (size > MAX_PROJECT_BYTES) {
      return {
        ok: false,
        error: `${basename(path)} is ${mb(size)}; Hallwright opens project files up to ${mb(MAX_PROJECT_BYTES)}.`,
      };
    }
    const text = readFileSync(path, 'utf8');
    const parsed = parseProject(text);
    if (!parsed.ok) return { ok: false, error: [`${basename(path)}: ${parsed.error}`, ...parsed.details].join('\n') };
    return { ok: true, text, doc: parsed.doc };
  } catch (e) {
    return { ok: false, error: `${basename(path)} could not be read: ${message(e)}` };
  }
}

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

export function atomicWriteFile(path: string, text: string): WriteResult {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Copy (not move) the old version: the target stays intact until the rename replaces it.
    if (existsSync(path)) copyFileSync(path, `${path}.bak`);
    renameSync(temp, path);
    fsyncDirectory(dir);
    return { ok: true };
  } catch (e) {
    rmSync(temp, { force: true });
    return { ok: false, error: `${basename(path)} could not be saved: ${message(e)}` };
  }
}

/** Saves a project: a text that is too large or not a valid project is never written. */
export function saveProjectFile(path: string, text: string): WriteResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROJECT_BYTES) {
    return { ok: false, error: `The project is larger than ${mb(MAX_PROJECT_BYTES)} and was not saved.` };
  }
  const parsed = parseProject(text);
  if (!parsed.ok) return { ok: false, error: [`Not saved: ${parsed.error}`, ...parsed.details].join('\n') };
  return atomicWriteFile(path, text);
}
