import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HALLWRIGHT_VERSION } from './version';

describe('version', () => {
  it('is package.json’s', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(HALLWRIGHT_VERSION).toBe(pkg.version);
  });
});
