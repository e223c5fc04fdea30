/**
 * Project files on disk, in plain Node (no Electron) so tests run it on real files. Saves are
 * atomic (atomicWrite.ts): the file on disk is always the old document or the new one, never
 * torn. The previous version is kept as `<name>.bak`.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_PROJECT_BYTES, parseProject, type ProjectDocument } from '../../shared/index';
import { atomicWriteFile, type WriteResult } from './atomicWrite';

export type ReadResult = { ok: true; text: string; doc: ProjectDocument } | { ok: false; error: string };

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

/** Saves a project: a text that is too large or not a valid project is never written. */
export function saveProjectFile(path: string, text: string): WriteResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROJECT_BYTES) {
    return { ok: false, error: `The project is larger than ${mb(MAX_PROJECT_BYTES)} and was not saved.` };
  }
  const parsed = parseProject(text);
  if (!parsed.ok) return { ok: false, error: [`Not saved: ${parsed.error}`, ...parsed.details].join('\n') };
  return atomicWriteFile(path, text, { keepBackup: true });
}
