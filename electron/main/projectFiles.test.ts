import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleFacility, newProject, serializeProject } from '../../shared/index';
import { atomicWriteFile } from './atomicWrite';
import { readProjectFile, saveProjectFile } from './projectFiles';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallwright-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sample = () => serializeProject(buildSampleFacility());
const empty = () => serializeProject(newProject('p'));
const tempFiles = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('project files on disk', () => {
  it('saves atomically and reads back the same document', () => {
    const path = join(dir, 'site.hallwright');
    expect(saveProjectFile(path, sample())).toEqual({ ok: true });
    const read = readProjectFile(path);
    expect(read.ok && read.doc).toEqual(buildSampleFacility());
    expect(tempFiles()).toEqual([]);
  });

  it('keeps the previous version as .bak', () => {
    const path = join(dir, 'site.hallwright');
    saveProjectFile(path, empty());
    saveProjectFile(path, sample());
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(empty());
    expect(readFileSync(path, 'utf8')).toBe(sample());
  });

  it('refuses to write a corrupt document and leaves the target byte-identical', () => {
    const path = join(dir, 'site.hallwright');
    saveProjectFile(path, sample());
    const before = readFileSync(path);
    const result = saveProjectFile(path, sample().replace('"breakerA": 63', '"breakerA": -63'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/breakerA/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it('leaves the target untouched and no temp file when the write fails', () => {
    const result = atomicWriteFile(join(dir, 'missing-folder', 'site.hallwright'), sample(), { keepBackup: true });
    expect(result.ok).toBe(false);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses an oversized file before reading it, naming its size and the limit', () => {
    const path = join(dir, 'huge.hallwright');
    writeFileSync(path, '');
    truncateSync(path, 200 * 1024 * 1024);
    const result = readProjectFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/huge\.hallwright is 200\.0 MB; .* up to 64\.0 MB/);
  });

  it('explains invalid JSON and schema errors with their place', () => {
    const path = join(dir, 'bad.hallwright');
    writeFileSync(path, '{"formatVersion": 1,');
    const notJson = readProjectFile(path);
    expect(!notJson.ok && notJson.error).toMatch(/not valid JSON/);
    writeFileSync(path, sample().replace('"width": 60', '"width": "wide"'));
    const wrong = readProjectFile(path);
    expect(!wrong.ok && wrong.error).toMatch(/halls\[0\]\.width/);
  });

  it('reports a missing file clearly', () => {
    const result = readProjectFile(join(dir, 'nope.hallwright'));
    expect(!result.ok && result.error).toMatch(/nope\.hallwright could not be read/);
  });
});
