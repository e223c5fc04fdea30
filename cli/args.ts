/** The command line's grammar: `hallwright check <file> [--json]` and `--help`. Parsing only; main.ts acts on it. */
import { parseArgs } from 'node:util';

export type Command =
  | { kind: 'help' }
  | { kind: 'check'; file: string; json: boolean }
  /** `json` is kept so that a pipeline asking for JSON gets its error as JSON too. */
  | { kind: 'usage-error'; message: string; json: boolean };

export const USAGE = `Usage: hallwright check <file> [--json]

Checks a Hallwright project file (.hallwright): validates it, runs every check and reports the
findings and the power metrics.

Commands:
  check <file>  Check one project file.

Options:
  --json        Print one JSON document on stdout instead of the text report.
  -h, --help    Print this help.

Exit codes:
  0  checked, no error findings
  1  checked, at least one error finding
  2  not checked: bad usage, or a missing, unreadable, too large or invalid file
`;

const OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function parseCommand(argv: readonly string[]): Command {
  // Not strict: node's own errors for unknown options are long and name `--` tricks; ours stay one line.
  const { positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const given = new Set<string>();
  let problem: string | null = null;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) problem ??= `Unknown option '${token.rawName}'.`;
    else if (token.inlineValue !== undefined) problem ??= `Option '${token.rawName}' takes no value.`;
    else given.add(token.name);
  }
  const json = given.has('json');
  if (problem !== null) return { kind: 'usage-error', message: problem, json };
  if (given.has('help')) return { kind: 'help' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: 'No command given.', json };
  if (command !== 'check') return { kind: 'usage-error', message: `Unknown command '${command}'.`, json };
  if (file === undefined) return { kind: 'usage-error', message: 'check needs the path of a project file.', json };
  if (extra.length > 0) return { kind: 'usage-error', message: `Unexpected argument '${extra[0]}'.`, json };
  return { kind: 'check', file, json };
}
