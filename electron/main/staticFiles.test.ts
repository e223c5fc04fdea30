import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppPath } from './staticFiles';

describe('app:// static files', () => {
  const root = resolve('/opt/hallwright/renderer');
  it('serves files under the renderer root', () => {
    expect(resolveAppPath(root, 'app://hallwright/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hallwright/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hallwright/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });
  it('refuses path traversal and other hosts', () => {
    for (const url of [
      'app://hallwright/../../etc/passwd',
      'app://hallwright/%2e%2e/%2e%2e/etc/passwd',
      'app://hallwright/..%2f..%2fetc/passwd',
    ]) {
      const path = resolveAppPath(root, url);
      if (path !== null) expect(path.startsWith(root)).toBe(true);
    }
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://hallwright/index.html')).toBeNull();
  });
  it('knows the types it serves', () => {
    expect(mimeType('x.js')).toMatch(/javascript/);
    // The report's fonts, fetched by the renderer when it builds a PDF.
    expect(mimeType('assets/DejaVuSans-Bxyz.ttf')).toBe('font/ttf');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
