/**
 * Autosave snapshots of unsaved work, in plain Node (no Electron) so tests run them on real
 * files. Each session writes `<id>.json` into a recovery folder under the app's userData; the
 * renderer discards it once the work is saved or clean, so whatever is left at the next start
 * was left by a session that did not end cleanly. Snapshots are written atomically and checked
 * on every read: a bad one is reported, never trusted and never a crash.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  MAX_RECOVERY_BYTES,
  parseProject,
  RECOVERY_ID_PATTERN,
  type HostResult,
  type RecoveryEntry,
  type RecoveryMeta,
  type RecoverySnapshot,
} from '../../shared/index';
import { atomicWriteFile } from './atomicWrite';

export const recoveryFolder = (userData: string) => join(userData, 'recovery');

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const snapshotSchema = z.strictObject({
  format: z.literal('hallwright-recovery'),
  version: z.literal(1),
  fileName: z.string().min(1).max(255),
  savedAt: z.iso.datetime(),
  text: z.string(),
});

const fileOf = (folder: string, id: string) => join(folder, `${id}.json`);

function badId(id: string): HostResult<never> | null {
  return RECOVERY_ID_PATTERN.test(id) ? null : { ok: false, error: 'Invalid recovery id.' };
}

export function writeRecovery(folder: string, id: string, text: string, meta: RecoveryMeta): HostResult<null> {
  const invalid = badId(id);
  if (invalid) return invalid;
  const json = JSON.stringify({ format: 'hallwright-recovery', version: 1, ...meta, text });
  if (Buffer.byteLength(json, 'utf8') > MAX_RECOVERY_BYTES)
    return { ok: false, error: 'The project is too large to autosave.' };
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    return { ok: false, error: `The recovery folder could not be made: ${message(e)}` };
  }
  // No .bak: a snapshot is replaced every 30 s, and the atomic rename already keeps the last whole one.
  const written = atomicWriteFile(fileOf(folder, id), json, { keepBackup: false });
  return written.ok ? { ok: true, value: null } : written;
}

/** Reads and checks one snapshot file; the project text must parse, so Recover can only open a sound document. */
function readSnapshot(folder: string, id: string): HostResult<RecoverySnapshot> {
  const path = fileOf(folder, id);
  try {
    const { size } = statSync(path);
    if (size > MAX_RECOVERY_BYTES)
      return { ok: false, error: `The snapshot is ${(size / 1048576).toFixed(1)} MB, more than any project.` };
    const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) return { ok: false, error: 'The snapshot is not a Hallwright recovery file.' };
    const { fileName, savedAt, text } = parsed.data;
    const project = parseProject(text);
    if (!project.ok) return { ok: false, error: `The snapshot's project is not valid: ${project.error}` };
    return { ok: true, value: { id, fileName, savedAt, text } };
  } catch (e) {
    return { ok: false, error: `The snapshot could not be read: ${message(e)}` };
  }
}

export function readRecovery(folder: string, id: string): HostResult<RecoverySnapshot> {
  return badId(id) ?? readSnapshot(folder, id);
}

/**
 * Which snapshots belong to sessions still running in this app. A session is one page load of one
 * window; the main process records the id each window writes under, and forgets it when that page
 * ends (closed, reloaded, its renderer crashed). No other instance can be using the same folder,
 * since the single-instance lock is held per userData folder (main.ts), so a snapshot that no live
 * session of this instance owns was left by a session that has ended.
 */
export class RecoveryOwners {
  private readonly byOwner = new Map<number, Set<string>>();

  claim(owner: number, id: string): void {
    const ids = this.byOwner.get(owner) ?? new Set<string>();
    ids.add(id);
    this.byOwner.set(owner, ids);
  }

  /** Ends the owner's session; returns the ids it wrote under. */
  release(owner: number): string[] {
    const ids = [...(this.byOwner.get(owner) ?? [])];
    this.byOwner.delete(owner);
    return ids;
  }

  isLive(id: string): boolean {
    for (const ids of this.byOwner.values()) if (ids.has(id)) return true;
    return false;
  }
}

/**
 * Every snapshot of a session that has ended (`isLive` says which are still running), newest
 * first; a bad one is listed with its error and the file's time.
 */
export function listRecoveries(
  folder: string,
  isLive: (id: string) => boolean = () => false,
): HostResult<RecoveryEntry[]> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
    return { ok: false, error: `The recovery folder could not be read: ${message(e)}` };
  }
  const entries: RecoveryEntry[] = [];
  for (const name of names) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    // Temp files of a write in progress, and anything not ours, are not snapshots.
    if (!RECOVERY_ID_PATTERN.test(id) || isLive(id)) continue;
    const read = readSnapshot(folder, id);
    if (read.ok) {
      entries.push({ id, fileName: read.value.fileName, savedAt: read.value.savedAt, error: null });
      continue;
    }
    let savedAt = new Date(0).toISOString();
    try {
      savedAt = statSync(fileOf(folder, id)).mtime.toISOString();
    } catch {
      // Gone meanwhile: the epoch sorts it last.
    }
    entries.push({ id, fileName: name, savedAt, error: read.error });
  }
  return { ok: true, value: entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
}

export function discardRecovery(folder: string, id: string): HostResult<null> {
  const invalid = badId(id);
  if (invalid) return invalid;
  try {
    rmSync(fileOf(folder, id), { force: true });
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: `The snapshot could not be deleted: ${message(e)}` };
  }
}
