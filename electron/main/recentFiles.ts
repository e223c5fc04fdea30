/**
 * File › Open Recent, in plain Node (no Electron) so tests run it on real files: at most 10 project
 * paths, most recent first, each once, kept in `<userData>/recent.json` and written atomically.
 * Files that no longer exist are dropped whenever the list is read, so the menu never offers them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { HostResult } from '../../shared/index';
import { atomicWriteFile } from './atomicWrite';

/** Entries in the menu: 10, the length of most editors' recent lists (issue 10). */
export const MAX_RECENT = 10;

export const recentFilePath = (userData: string) => join(userData, 'recent.json');

const recentSchema = z.strictObject({
  format: z.literal('hallwright-recent'),
  version: z.literal(1),
  paths: z.array(z.string().min(1).max(4096)).max(100),
});

/** The list with `path` first, any earlier mention of it removed, cut to `max`. */
export function withRecent(list: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, max);
}

/** The stored list, without files that are gone; a missing, unreadable or foreign file reads as empty. */
export function readRecent(file: string, exists: (path: string) => boolean = existsSync): string[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  let parsed: ReturnType<typeof recentSchema.safeParse>;
  try {
    parsed = recentSchema.safeParse(JSON.parse(raw));
  } catch {
    return [];
  }
  if (!parsed.success) return [];
  const seen = new Set<string>();
  return parsed.data.paths
    .filter((p) => isAbsolute(p) && !seen.has(p) && seen.add(p) && exists(p))
    .slice(0, MAX_RECENT);
}

export function writeRecent(file: string, paths: readonly string[]): HostResult<null> {
  const json = JSON.stringify({ format: 'hallwright-recent', version: 1, paths }, null, 2);
  const written = atomicWriteFile(file, json, { keepBackup: false });
  return written.ok ? { ok: true, value: null } : written;
}

/** The list as the app uses it: every change is written at once and reported to `onChange` (the menu). */
export class RecentFiles {
  constructor(
    private readonly file: string,
    private readonly onChange: (paths: string[]) => void = () => undefined,
    private readonly exists: (path: string) => boolean = existsSync,
  ) {}

  /** The current list; pruning a vanished file rewrites the stored list and reports the change. */
  list(): string[] {
    const paths = readRecent(this.file, this.exists);
    if (
      !sameList(
        paths,
        readRecent(this.file, () => true),
      )
    ) {
      writeRecent(this.file, paths);
      this.onChange(paths);
    }
    return paths;
  }

  add(path: string): HostResult<null> {
    return this.store(withRecent(this.list(), path));
  }

  remove(path: string): HostResult<null> {
    return this.store(this.list().filter((p) => p !== path));
  }

  clear(): HostResult<null> {
    return this.store([]);
  }

  private store(paths: string[]): HostResult<null> {
    const written = writeRecent(this.file, paths);
    this.onChange(paths);
    return written;
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);
