/**
 * Reads a project file for the command line. It follows electron/main/projectFiles.ts (size first,
 * then read, then parseProject) but keeps the parser's error and details apart, because `--json`
 * reports them as separate fields, and names the file by the path as given.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_PROJECT_BYTES, parseProject, type ProjectDocument } from '../shared/index';

export type LoadResult = { ok: true; doc: ProjectDocument } | { ok: false; error: string; details: string[] };

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const fail = (error: string, details: string[] = []): LoadResult => ({ ok: false, error, details });

export function loadProject(path: string): LoadResult {
  let text: string;
  try {
    // Stat before reading: a huge file is refused without ever being loaded into memory.
    const stat = statSync(path);
    if (!stat.isFile()) return fail(`${path} is not a file.`);
    if (stat.size > MAX_PROJECT_BYTES)
      return fail(`${path} is ${mb(stat.size)}; Hallwright opens project files up to ${mb(MAX_PROJECT_BYTES)}.`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`${path} could not be read.`, [message(e)]);
  }
  const parsed = parseProject(text);
  if (!parsed.ok) return fail(`${path}: ${parsed.error}`, parsed.details);
  return { ok: true, doc: parsed.doc };
}
