/**
 * Saves killed at random points: a child Node process saves two large documents in turn through
 * the real atomicWriteFile, and this test SIGKILLs it after a random delay, many times. After
 * every kill the file on disk must be exactly one of the two documents, never torn, and its
 * `.bak` a whole earlier version. A kill leaves the page cache intact, so this proves the
 * process-crash half of atomicity; power loss is what the fsyncs are for (docs/files.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Kills, and the random delay after the child says it is saving (ms): spans several saves of ~30 ms. */
const KILLS = 30;
const MAX_DELAY_MS = 120;
/** Racks per document: ~2.3 MB of JSON each (measured by the test and logged). */
const RACKS = 10_000;

let dir: string;
let target: string;
let child: string;

/** A document of `RACKS` racks whose every rack differs between the two versions, so any tear shows. */
function documentText(version: 'old' | 'new'): string {
  const racks = Array.from({ length: RACKS }, (_, i) => ({
    id: `rack-${i}`,
    name: `${version.toUpperCase()}-${String(i).padStart(5, '0')}`,
    position: { x: (i % 200) * 0.6, y: Math.floor(i / 200) * 1.2 },
    devices: [{ deviceId: version === 'old' ? 'nvidia-dgx-h100' : 'nvidia-gb200-nvl72', u: 1 + (i % 40) }],
  }));
  return JSON.stringify({ version, racks }, null, 2);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-kill-'));
  target = join(dir, 'site.hallwright');
  // The real module, compiled once to plain JS so each child starts in ~50 ms rather than through a TS loader.
  buildSync({
    entryPoints: [join(import.meta.dirname, 'atomicWrite.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'atomicWrite.mjs'),
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'old.json'), documentText('old'));
  writeFileSync(join(dir, 'new.json'), documentText('new'));
  child = join(dir, 'saver.mjs');
  // Saves old, new, old, … for ever, with a backup, saying "saving" once it has started.
  writeFileSync(
    child,
    `import { readFileSync } from 'node:fs';
import { atomicWriteFile } from './atomicWrite.mjs';
const [target, oldPath, newPath] = process.argv.slice(2);
const docs = [readFileSync(oldPath, 'utf8'), readFileSync(newPath, 'utf8')];
process.stdout.write('saving\\n');
for (let i = 0; ; i++) {
  const result = atomicWriteFile(target, docs[i % 2], { keepBackup: true });
  if (!result.ok) { process.stderr.write(result.error); process.exit(1); }
}
`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a saver, kills it `delayMs` after it reports saving, and resolves once it is gone. */
function saveAndKill(delayMs: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, target, join(dir, 'old.json'), join(dir, 'new.json')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), delayMs));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('atomic saves under SIGKILL', () => {
  it(`leaves the old or the new document, never a torn one, over ${KILLS} kills`, { timeout: 60_000 }, async () => {
    const old = readFileSync(join(dir, 'old.json'), 'utf8');
    const next = readFileSync(join(dir, 'new.json'), 'utf8');
    writeFileSync(target, old);
    const seen = { old: 0, new: 0, backups: 0, tempsLeft: 0, maxTemps: 0 };
    for (let k = 0; k < KILLS; k++) {
      const { signal, stderr } = await saveAndKill(Math.random() * MAX_DELAY_MS);
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      const onDisk = readFileSync(target, 'utf8');
      // Exactly one of the two, byte for byte; JSON.parse as well, as the app would read it.
      expect([old, next]).toContain(onDisk);
      expect(() => JSON.parse(onDisk)).not.toThrow();
      seen[onDisk === old ? 'old' : 'new']++;
      if (existsSync(`${target}.bak`)) {
        expect([old, next]).toContain(readFileSync(`${target}.bak`, 'utf8'));
        seen.backups++;
      }
      const temps = readdirSync(dir).filter((f) => f.endsWith('.tmp')).length;
      seen.maxTemps = Math.max(seen.maxTemps, temps);
      seen.tempsLeft += temps > 0 ? 1 : 0;
    }
    // A save after the crashes removes what the killed savers left, and both versions were caught.
    const { atomicWriteFile } = await import('./atomicWrite');
    expect(atomicWriteFile(target, old, { keepBackup: true })).toEqual({ ok: true });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
    // There is no .bak until a save gets as far as its backup; from then on there always is one.
    expect(seen.backups).toBeGreaterThan(KILLS / 2);
    console.info(
      `kill test: ${KILLS} SIGKILLs at 0–${MAX_DELAY_MS} ms, documents ${(old.length / 1048576).toFixed(1)} MB and ` +
        `${(next.length / 1048576).toFixed(1)} MB; file found old ${seen.old}×, new ${seen.new}×, torn 0×; ` +
        `.bak present and whole ${seen.backups}×; kills leaving temp files ${seen.tempsLeft}, at most ${seen.maxTemps} at once`,
    );
  });
});
