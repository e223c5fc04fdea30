/**
 * `npm run audit:electron`: Doyensec's Electronegativity on electron/ (main process and preload).
 * Every finding must be listed below with the reason it stands; any other finding fails, of any
 * severity, and a HIGH or MEDIUM may only stand where it cannot be fixed. Part of `npm test`, so CI
 * runs it. The tool is told the Electron version (it cannot look it up offline).
 *
 * It runs through Electronegativity's own runner rather than its CLI: the CLI's CSV file is written
 * by two unordered asynchronous writes (header and rows) and was seen with its first row cut, and
 * its SARIF file drops the severities. Files the scanner could not parse fail the audit too, since
 * they would otherwise be skipped in silence.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron;

/**
 * Findings reviewed and accepted, by check, each where it is expected and at most `count` times.
 * A new finding of the same check elsewhere (a second window with a preload) is not covered.
 */
const ACCEPTED = {
  PRELOAD_JS_CHECK: {
    file: 'main/window.ts',
    count: 1,
    reason:
      'MEDIUM, manual review ("Review the use of preload scripts"), cannot be fixed: the check matches any `preload` key in a BrowserWindow\'s options (PreloadJSCheck.js), so only removing the preload, and with it every host call of the sandboxed renderer, or hiding it from the scan would clear it. Reviewed: the one preload exposes only the typed HallwrightApi (shared/ipc.ts) through contextBridge, never ipcRenderer, and electron/preload/preload.test.ts proves it; every call is checked in the main process (ipcValidation.ts).',
  },
  CSP_GLOBAL_CHECK: {
    file: 'main/cspHeader.ts',
    count: 1,
    reason:
      "LOW, \"may be weak\": Google's CSP Evaluator notes that script-src 'self' is a risk where the origin also serves JSONP, Angular templates or user uploads. Here 'self' is app://hallwright, which serves only the built bundle from the app's own folder (staticFiles.ts refuses any other path); no user file is ever served from it.",
  },
};

const run = require('@doyensec/electronegativity/dist/runner.js');
const result = await run({
  input: join(root, 'electron'),
  isRelative: true,
  electronVersionOverride: electronVersion,
  customScan: [],
  excludeFromScan: [],
  parserPlugins: [],
});

const seen = {};
const blocking = [];
console.log(
  `Electronegativity on electron/ (Electron ${electronVersion}): ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${result.issues.length} findings`,
);
for (const issue of result.issues) {
  const accepted = ACCEPTED[issue.id];
  seen[issue.id] = (seen[issue.id] ?? 0) + 1;
  const ok = accepted && accepted.file === issue.file && seen[issue.id] <= accepted.count;
  if (!ok) blocking.push(issue);
  console.log(
    `  ${issue.severity.name.padEnd(13)} ${issue.id.padEnd(22)} ${issue.file}:${issue.location.line}:${issue.location.column}  ${ok ? `accepted: ${accepted.reason}` : `NOT ACCEPTED: ${issue.description}`}`,
  );
}
for (const error of result.errors)
  console.error(`  not scanned: ${error.file ?? ''} ${error.message ?? JSON.stringify(error)}`);
const high = result.issues.filter((i) => i.severity.name === 'HIGH').length;
const medium = result.issues.filter((i) => i.severity.name === 'MEDIUM').length;
console.log(
  `  HIGH ${high}, MEDIUM ${medium} (accepted: ${medium - blocking.filter((i) => i.severity.name === 'MEDIUM').length})`,
);
if (blocking.length > 0 || result.errors.length > 0) {
  console.error(
    `${blocking.length} finding(s) not accepted, ${result.errors.length} file(s) not scanned: fix them or record why in scripts/electronegativity.mjs.`,
  );
  process.exitCode = 1;
}
