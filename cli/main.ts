/**
 * `hallwright` on the command line: parse the arguments, read the file, then check it (print a
 * report), export it (write a file) or simulate it (print the thermal results), and return the
 * exit code. The launcher (bin/hallwright.mjs)
 * wires it to the process; tests call it with an in-memory output.
 */
import { readFileSync } from 'node:fs';
import { runChecks, simulateThermal, type CheckResults, type ProjectDocument, type ThermalRun } from '../shared/index';
import { parseCommand, USAGE, type Command } from './args';
import { exportBom, exportReport, type ExportOutcome } from './exports';
import { loadProject } from './load';
import { jsonReport, textReport, type JsonError } from './report';
import { jsonSimulation, textSimulation } from './simulate';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** check, simulate: 0 clean, 1 errors found; bom and report: 0 written; every command: 2 when it did not do its job. */
export const EXIT = { clean: 0, errors: 1, notChecked: 2, written: 0, notWritten: 2 } as const;

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Every way of not checking or not writing ends here: the message on stderr, and with --json the
 * same as JSON on stdout.
 */
function fail(out: Output, json: boolean, error: string, details: string[], withUsage = false): number {
  out.stderr(`hallwright: ${[error, ...details].join('\n  ')}\n${withUsage ? `\n${USAGE}` : ''}`);
  if (json) out.stdout(`${JSON.stringify({ error, details } satisfies JsonError, null, 2)}\n`);
  return EXIT.notChecked;
}

function check(out: Output, command: Extract<Command, { kind: 'check' }>, doc: ProjectDocument): number {
  let results: CheckResults;
  try {
    results = runChecks(doc);
  } catch (e) {
    // A crash inside the engine must not exit 1, which would read as "the design has errors".
    return fail(out, command.json, `${command.file} could not be checked: internal error.`, [errorText(e)]);
  }
  const input = { file: command.file, doc, results, version: toolVersion() };
  out.stdout(command.json ? `${JSON.stringify(jsonReport(input), null, 2)}\n` : textReport(input));
  return results.counts.error > 0 ? EXIT.errors : EXIT.clean;
}

function simulate(out: Output, command: Extract<Command, { kind: 'simulate' }>, doc: ProjectDocument): number {
  let run: ThermalRun;
  try {
    run = simulateThermal(doc, { resolutionM: command.resolutionM });
  } catch (e) {
    return fail(out, command.json, `${command.file} could not be simulated: internal error.`, [errorText(e)]);
  }
  if (!run.ok) return fail(out, command.json, `${command.file} could not be simulated.`, [run.error]);
  const input = { file: command.file, doc, result: run.result, version: toolVersion() };
  out.stdout(command.json ? `${JSON.stringify(jsonSimulation(input), null, 2)}\n` : textSimulation(input));
  return run.result.findings.some((f) => f.severity === 'error') ? EXIT.errors : EXIT.clean;
}

async function exportFile(out: Output, command: Extract<Command, { kind: 'bom' | 'report' }>, doc: ProjectDocument) {
  let outcome: ExportOutcome;
  try {
    outcome = command.kind === 'bom' ? await exportBom(doc, command) : await exportReport(doc, command, toolVersion());
  } catch (e) {
    outcome = { ok: false, error: `${command.file} could not be exported: internal error.`, details: [errorText(e)] };
  }
  if (!outcome.ok) return fail(out, false, outcome.error, outcome.details);
  out.stdout(outcome.stdout);
  return EXIT.written;
}

export async function main(argv: readonly string[], out: Output): Promise<number> {
  const command = parseCommand(argv);
  if (command.kind === 'help') {
    out.stdout(USAGE);
    return EXIT.clean;
  }
  if (command.kind === 'usage-error') return fail(out, command.json, command.message, [], true);

  const loaded = loadProject(command.file);
  const json = (command.kind === 'check' || command.kind === 'simulate') && command.json;
  if (!loaded.ok) return fail(out, json, loaded.error, loaded.details);
  if (command.kind === 'check') return check(out, command, loaded.doc);
  if (command.kind === 'simulate') return simulate(out, command, loaded.doc);
  return exportFile(out, command, loaded.doc);
}
