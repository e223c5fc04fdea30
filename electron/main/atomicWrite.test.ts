import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWriteFile } from './atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tempFiles = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
/** Every byte value, twice, and some bytes that are not valid UTF-8: a text round trip would mangle them. */
const binary = () => Uint8Array.from({ length: 512 + 3 }, (_, i) => (i < 512 ? i % 256 : [0xff, 0xfe, 0xc3][i - 512]!));

describe('atomic writes', () => {
  it('writes bytes exactly, with no temp file left', () => {
    const path = join(dir, 'report.pdf');
    expect(atomicWriteFile(path, binary(), { keepBackup: false })).toEqual({ ok: true });
    expect(new Uint8Array(readFileSync(path))).toEqual(binary());
    expect(tempFiles()).toEqual([]);
  });

  it('writes a large buffer whole', () => {
    const path = join(dir, 'big.xlsx');
    const big = new Uint8Array(8 * 1024 * 1024 + 7).map((_, i) => (i * 31) % 251);
    expect(atomicWriteFile(path, big, { keepBackup: false })).toEqual({ ok: true });
    expect(readFileSync(path).equals(Buffer.from(big))).toBe(true);
  });

  it('writes text as UTF-8', () => {
    const path = join(dir, 'bom.csv');
    atomicWriteFile(path, '\uFEFFItem,Δ → ≥\r\n', { keepBackup: false });
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFItem,Δ → ≥\r\n');
  });

  it('replaces an existing file, keeping a backup only when asked', () => {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, 'old');
    atomicWriteFile(path, new Uint8Array([1, 2]), { keepBackup: false });
    expect([...readFileSync(path)]).toEqual([1, 2]);
    expect(readdirSync(dir)).toEqual(['report.pdf']);
    atomicWriteFile(path, new Uint8Array([3]), { keepBackup: true });
    expect([...readFileSync(`${path}.bak`)]).toEqual([1, 2]);
  });

  it('keeps each replaced version as its own file, never the one saved after it', () => {
    const path = join(dir, 'site.hallwright');
    writeFileSync(path, 'one');
    for (const text of ['two', 'three'])
      expect(atomicWriteFile(path, text, { keepBackup: true })).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe('three');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('two');
    // Two files, not two names of one (a backup linked to the old version must not follow the new).
    expect(statSync(path).ino).not.toBe(statSync(`${path}.bak`).ino);
    expect(statSync(`${path}.bak`).nlink).toBe(1);
    expect(tempFiles()).toEqual([]);
  });

  it('saves over a backup that already is the file, as a save killed after its backup leaves it', () => {
    const path = join(dir, 'site.hallwright');
    writeFileSync(path, 'old');
    linkSync(path, `${path}.bak`);
    expect(atomicWriteFile(path, 'new', { keepBackup: true })).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('old');
    expect(tempFiles()).toEqual([]);
  });

  it('copies the replaced version where the file system has no hard links', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (original) => ({
      ...(await original<typeof fs>()),
      linkSync: () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    }));
    try {
      const { atomicWriteFile: withoutLinks } = await import('./atomicWrite');
      const path = join(dir, 'site.hallwright');
      writeFileSync(path, 'old');
      expect(withoutLinks(path, 'new', { keepBackup: true })).toEqual({ ok: true });
      expect(readFileSync(path, 'utf8')).toBe('new');
      expect(readFileSync(`${path}.bak`, 'utf8')).toBe('old');
      expect(tempFiles()).toEqual([]);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  it('removes temp files of saves whose process is gone, keeping those of live processes', () => {
    const path = join(dir, 'site.hallwright');
    // Pid 1 always runs; 2^22 + 1 is above Linux's largest pid (pid_max ≤ 2^22), so it never does.
    const live = '.site.hallwright.1-aaaaaaaaaaaa.tmp';
    const dead = ['.site.hallwright.4194305-bbbbbbbbbbbb.tmp', '.site.hallwright.bak.4194305-cccccccccccc.tmp'];
    for (const f of [live, ...dead, '.other.4194305-dddddddddddd.tmp']) writeFileSync(join(dir, f), 'partial');
    writeFileSync(path, 'old');
    expect(atomicWriteFile(path, 'new', { keepBackup: true })).toEqual({ ok: true });
    expect(tempFiles().sort()).toEqual(['.other.4194305-dddddddddddd.tmp', live]);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('old');
  });

  it('fails clearly when the rename fails, leaving the target and no temp file', () => {
    // A non-empty folder where the file should go: the rename fails whoever runs the test (root too).
    const path = join(dir, 'report.pdf');
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), 'kept');
    const result = atomicWriteFile(path, binary(), { keepBackup: false });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^report\.pdf could not be saved: /) });
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('kept');
    expect(tempFiles()).toEqual([]);
  });

  it('fails clearly when the folder does not exist', () => {
    const result = atomicWriteFile(join(dir, 'missing', 'report.pdf'), binary(), { keepBackup: false });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^report\.pdf could not be saved: .*ENOENT/),
    });
  });
});
