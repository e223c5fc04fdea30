import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleFacility, MAX_RECOVERY_BYTES, serializeProject } from '../../shared/index';
import {
  discardRecovery,
  listRecoveries,
  readRecovery,
  recoveryFolder,
  RecoveryOwners,
  writeRecovery,
} from './recovery';

let userData: string;
let folder: string;
beforeEach(() => {
  // The folder under userData does not exist yet: the first write makes it.
  userData = mkdtempSync(join(tmpdir(), 'hallwright-recovery-'));
  folder = recoveryFolder(userData);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const text = serializeProject(buildSampleFacility());
const meta = (savedAt: string) => ({ fileName: 'site.hallwright', savedAt });

describe('recovery snapshots', () => {
  it('lists nothing before the folder exists', () => {
    expect(listRecoveries(folder)).toEqual({ ok: true, value: [] });
  });

  it('writes, lists newest first, reads back exactly and discards', () => {
    expect(writeRecovery(folder, 'a-1', text, meta('2026-12-05T10:00:00.000Z'))).toEqual({ ok: true, value: null });
    expect(writeRecovery(folder, 'b-2', text, meta('2026-12-05T11:00:00.000Z'))).toEqual({ ok: true, value: null });
    expect(listRecoveries(folder)).toEqual({
      ok: true,
      value: [
        { id: 'b-2', ...meta('2026-12-05T11:00:00.000Z'), error: null },
        { id: 'a-1', ...meta('2026-12-05T10:00:00.000Z'), error: null },
      ],
    });
    expect(readRecovery(folder, 'a-1')).toEqual({
      ok: true,
      value: { id: 'a-1', ...meta('2026-12-05T10:00:00.000Z'), text },
    });
    expect(discardRecovery(folder, 'a-1')).toEqual({ ok: true, value: null });
    expect(discardRecovery(folder, 'a-1')).toEqual({ ok: true, value: null });
    expect(readdirSync(folder)).toEqual(['b-2.json']);
  });

  it('replaces a session snapshot in place, with no backup or temp file left', () => {
    writeRecovery(folder, 'a-1', text, meta('2026-12-05T10:00:00.000Z'));
    writeRecovery(folder, 'a-1', text, meta('2026-12-05T10:00:30.000Z'));
    expect(readdirSync(folder)).toEqual(['a-1.json']);
    expect(readRecovery(folder, 'a-1')).toMatchObject({ ok: true, value: { savedAt: '2026-12-05T10:00:30.000Z' } });
  });

  it('refuses ids that could name another file', () => {
    for (const id of ['../x', 'a/b', '', '.', 'a.json', 'x'.repeat(65)]) {
      expect(writeRecovery(folder, id, text, meta('2026-12-05T10:00:00.000Z'))).toEqual({
        ok: false,
        error: 'Invalid recovery id.',
      });
      expect(readRecovery(folder, id)).toEqual({ ok: false, error: 'Invalid recovery id.' });
      expect(discardRecovery(folder, id)).toEqual({ ok: false, error: 'Invalid recovery id.' });
    }
  });

  it('reports bad snapshots in the list and on read, never crashing', () => {
    writeRecovery(folder, 'good', text, meta('2026-12-05T10:00:00.000Z'));
    writeFileSync(join(folder, 'torn.json'), '{"format":"hallwright-recovery","ver');
    writeFileSync(join(folder, 'alien.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(
      join(folder, 'broken.json'),
      JSON.stringify({ format: 'hallwright-recovery', version: 1, ...meta('2026-12-05T10:00:00.000Z'), text: '{}' }),
    );
    writeFileSync(join(folder, 'huge.json'), Buffer.alloc(MAX_RECOVERY_BYTES + 1, 32));
    // Not snapshots: a temp file of a write in progress and a stranger's file.
    writeFileSync(join(folder, '.good.json.123-abc.tmp'), 'partial');
    writeFileSync(join(folder, 'notes.txt'), 'hi');
    const listed = listRecoveries(folder);
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const byId = Object.fromEntries(listed.value.map((e) => [e.id, e.error]));
    expect(Object.keys(byId).sort()).toEqual(['alien', 'broken', 'good', 'huge', 'torn']);
    expect(byId.good).toBeNull();
    expect(byId.torn).toMatch(/^The snapshot could not be read: /);
    expect(byId.alien).toBe('The snapshot is not a Hallwright recovery file.');
    expect(byId.broken).toMatch(/^The snapshot's project is not valid: /);
    expect(byId.huge).toMatch(/^The snapshot is 64\.0 MB, more than any project\.$/);
    expect(readRecovery(folder, 'torn')).toMatchObject({ ok: false });
    expect(readRecovery(folder, 'missing')).toMatchObject({ ok: false, error: expect.stringMatching(/ENOENT/) });
  });

  it('refuses a snapshot larger than any project', () => {
    const big = 'x'.repeat(MAX_RECOVERY_BYTES);
    expect(writeRecovery(folder, 'a-1', big, meta('2026-12-05T10:00:00.000Z'))).toEqual({
      ok: false,
      error: 'The project is too large to autosave.',
    });
  });
});

describe('snapshots of sessions still running', () => {
  it('lists only snapshots whose session has ended, in this window or another', () => {
    const owners = new RecoveryOwners();
    writeRecovery(folder, 'window-1', text, meta('2026-12-05T10:00:00.000Z'));
    writeRecovery(folder, 'window-2', text, meta('2026-12-05T11:00:00.000Z'));
    writeRecovery(folder, 'crashed-run', text, meta('2026-12-05T09:00:00.000Z'));
    // Two windows of this run each wrote their own; the third was left by an earlier run.
    owners.claim(1, 'window-1');
    owners.claim(2, 'window-2');
    const ids = () => {
      const listed = listRecoveries(folder, (id) => owners.isLive(id));
      return listed.ok ? listed.value.map((e) => e.id) : listed.error;
    };
    expect(ids()).toEqual(['crashed-run']);
    // Window 2's page reloads or its renderer crashes: its work is now offered, to window 1 too.
    expect(owners.release(2)).toEqual(['window-2']);
    expect(ids()).toEqual(['window-2', 'crashed-run']);
    expect(owners.release(2)).toEqual([]);
    expect(owners.isLive('window-1')).toBe(true);
  });

  it('keeps every id a page wrote under until that page ends', () => {
    const owners = new RecoveryOwners();
    owners.claim(7, 'first');
    owners.claim(7, 'recovered-later');
    owners.claim(7, 'first');
    expect(owners.release(7)).toEqual(['first', 'recovered-later']);
    expect(owners.isLive('first')).toBe(false);
  });
});
