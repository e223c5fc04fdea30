/**
 * The project a command line asks to open: `hallwright path/to/site.hallwright`, a double-click
 * through the file association (the OS starts the app with the file's path), or the argv a second
 * instance hands to the running one. Plain code so tests cover every form.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_EXTENSION } from '../../shared/index';

export interface LaunchContext {
  /**
   * True when the app runs as `electron <app path> …` (development, the e2e tests): argv[1] is the
   * app's own path then, not a document. Electron's `process.defaultApp`.
   */
  defaultApp: boolean;
  /** The folder a relative path is taken from: the launching shell's working directory. */
  cwd: string;
}

/**
 * The first argument that names a `.hallwright` file, made absolute; null when there is none.
 * argv[0] is the executable and, under the default app, argv[1] the app path; switches (`-x`,
 * `--user-data-dir=…`, the ones Chromium adds to a second instance's argv) are skipped. A
 * `file://` URL counts too: Linux desktop entries may pass the file as one (`%U`).
 */
export function projectPathFromArgv(argv: readonly string[], { defaultApp, cwd }: LaunchContext): string | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const suffix = `.${PROJECT_EXTENSION}`;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    if (arg.length <= suffix.length || !arg.toLowerCase().endsWith(suffix)) continue;
    if (arg.startsWith('file://')) {
      try {
        return fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
