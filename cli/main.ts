/**
 * `hallwright` on the command line: parse the arguments, read and check the file, print a report and
 * return the exit code. The launcher (bin/hallwright.mjs) wires it to the process; tests call it
 * with an in-memory output.
 */
import { readFileSync } from 'node:fs';
import { runChecks, type CheckResults } from '../shared/index';
import { parseCommand, USAGE } from './args';
import { loadProject } from './load';
import { jsonReport, textReport, type JsonError } from './report';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT = { clean: 0, errors: 1, notChecked: 2 } as const;

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** Every way of not checking ends here: the message on stderr, and with --json the same as JSON on stdout. */
function notChecked(out: Output, json: boolean, error: string, details: string[], withUsage = false): number {
  out.stderr(`hallwright: ${[error, ...details].join('\n  ')}\n${withUsage ? `\n${USAGE}` : ''}`);
  if (json) out.stdout(`${JSON.stringify({ error, details } satisfies JsonError, null, 2)}\n`);
  return EXIT.notChecked;
}

export function main(argv: readonly string[], out: Output): number {
  const command = parseCommand(argv);
  if (command.kind === 'help') {
    out.stdout(USAGE);
    return EXIT.clean;
  }
  if (command.kind === 'usage-error') return notChecked(out, command.json, command.message, [], true);

  const loaded = loadProject(command.file);
  if (!loaded.ok) return notChecked(out, command.json, loaded.error, loaded.details);

  let results: CheckResults;
  try {
    results = runChecks(loaded.doc);
  } catch (e) {
    // A crash inside the engine must not exit 1, which would read as "the design has errors".
    return notChecked(out, command.json, `${command.file} could not be checked: internal error.`, [
      e instanceof Error ? e.message : String(e),
    ]);
  }
  const input = { file: command.file, doc: loaded.doc, results, version: toolVersion() };
  out.stdout(command.json ? `${JSON.stringify(jsonReport(input), null, 2)}\n` : textReport(input));
  return results.counts.error > 0 ? EXIT.errors : EXIT.clean;
}
