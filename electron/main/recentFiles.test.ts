import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, readRecent, RecentFiles, recentFilePath, withRecent, writeRecent } from './recentFiles';

let dir: string;
let file: string;
/** Project files that exist on disk, named 0.hallwright … n. */
const project = (name: string | number) => {
  const path = join(dir, `${name}.hallwright`);
  writeFileSync(path, '{}');
  return path;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-recent-'));
  file = recentFilePath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the recent list', () => {
  it('puts the latest first, once, and keeps at most 10', () => {
    expect(withRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const many = Array.from({ length: 12 }, (_, i) => `/p${i}`);
    const list = many.reduce<string[]>((l, p) => withRecent(l, p), []);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/p11');
    expect(list.at(-1)).toBe('/p2');
  });

  it('reads back what it wrote, dropping files that are gone', () => {
    const [a, b, c] = [project('a'), project('b'), project('c')];
    expect(writeRecent(file, [c, b, a])).toEqual({ ok: true, value: null });
    expect(readRecent(file)).toEqual([c, b, a]);
    rmSync(b);
    expect(readRecent(file)).toEqual([c, a]);
  });

  it('reads a missing, corrupt or foreign file as empty, and keeps only absolute paths once', () => {
    expect(readRecent(file)).toEqual([]);
    writeFileSync(file, '{"format": "hallwright-recent", "version": 1, "paths": [');
    expect(readRecent(file)).toEqual([]);
    writeFileSync(file, JSON.stringify({ format: 'other', version: 1, paths: [] }));
    expect(readRecent(file)).toEqual([]);
    const a = project('a');
    writeFileSync(
      file,
      JSON.stringify({ format: 'hallwright-recent', version: 1, paths: [a, 'relative.hallwright', a] }),
    );
    expect(readRecent(file)).toEqual([a]);
  });

  it('stores every change atomically, reports it, and prunes on reading', () => {
    const changes: string[][] = [];
    const recent = new RecentFiles(file, (paths) => changes.push(paths));
    const files = Array.from({ length: 11 }, (_, i) => project(i));
    for (const f of files) recent.add(f);
    recent.add(files[3]!);
    const expected = [
      files[3],
      files[10],
      files[9],
      files[8],
      files[7],
      files[6],
      files[5],
      files[4],
      files[2],
      files[1],
    ];
    expect(recent.list()).toEqual(expected);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      format: 'hallwright-recent',
      version: 1,
      paths: expected,
    });
    expect(changes).toHaveLength(12);

    // A file deleted behind the app's back leaves the list (and the menu) at the next read.
    rmSync(files[10]!);
    expect(recent.list()).toEqual(expected.filter((p) => p !== files[10]));
    expect(changes).toHaveLength(13);
    expect(JSON.parse(readFileSync(file, 'utf8')).paths).not.toContain(files[10]);
    // Nothing changed: nothing written or reported.
    recent.list();
    expect(changes).toHaveLength(13);

    recent.remove(files[3]!);
    expect(recent.list()[0]).toBe(files[9]);
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
  });
});
