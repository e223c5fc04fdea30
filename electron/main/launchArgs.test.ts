import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from './launchArgs';

const cwd = resolve('/home/ana/sites');
const packaged = { defaultApp: false, cwd };
const dev = { defaultApp: true, cwd };

describe('the project a command line names', () => {
  it('takes a path after the packaged executable, relative to the working folder', () => {
    expect(projectPathFromArgv(['/opt/Hallwright/hallwright', 'acme/site.hallwright'], packaged)).toBe(
      join(cwd, 'acme/site.hallwright'),
    );
    const abs = resolve('/data/Plant B.HALLWRIGHT');
    expect(projectPathFromArgv(['C:\\Hallwright\\Hallwright.exe', abs], packaged)).toBe(abs);
  });

  it('skips the app path under `electron <app>` and every switch', () => {
    expect(projectPathFromArgv(['electron', 'dist/electron/main.cjs'], dev)).toBeNull();
    expect(
      projectPathFromArgv(
        ['electron', 'dist/electron/main.cjs', '--user-data-dir=/tmp/x.hallwright', '-v', 'site.hallwright'],
        dev,
      ),
    ).toBe(join(cwd, 'site.hallwright'));
    // A second instance's argv as Chromium hands it over: its own switches inserted before the file.
    expect(
      projectPathFromArgv(
        [
          '/opt/Hallwright/hallwright',
          '--allow-file-access-from-files',
          '--original-process-start-time=1',
          '/a/b.hallwright',
        ],
        packaged,
      ),
    ).toBe(resolve('/a/b.hallwright'));
  });

  it('ignores files of other kinds and takes the first project', () => {
    expect(projectPathFromArgv(['hallwright', 'notes.txt', '.hallwright'], packaged)).toBeNull();
    expect(projectPathFromArgv(['hallwright', 'plan.dxf', 'a.hallwright', 'b.hallwright'], packaged)).toBe(
      join(cwd, 'a.hallwright'),
    );
  });

  it('takes a file:// URL as a desktop entry passes it', () => {
    const path = resolve('/home/ana/sites/site one.hallwright');
    expect(projectPathFromArgv(['hallwright', pathToFileURL(path).href], packaged)).toBe(path);
  });
});
