/**
 * The command line's grammar: `hallwright check <file> [--json]`, `hallwright bom <file> --format
 * csv|xlsx [--scenario NAME] [-o <out>]`, `hallwright report <file> -o <out.pdf>` and `--help`.
 * Parsing only; main.ts acts on it.
 */
import { parseArgs } from 'node:util';

export type BomFormat = 'csv' | 'xlsx';

export type Command =
  | { kind: 'help' }
  | { kind: 'check'; file: string; json: boolean }
  /** `output` null writes the CSV to stdout. */
  | { kind: 'bom'; file: string; format: BomFormat; scenario: string | null; output: string | null }
  | { kind: 'report'; file: string; output: string }
  /** `json` is kept so that a pipeline asking for JSON gets its error as JSON too. */
  | { kind: 'usage-error'; message: string; json: boolean };

export const USAGE = `Usage: hallwright check <file> [--json]
       hallwright bom <file> --format csv|xlsx [--scenario NAME] [-o <out>]
       hallwright report <file> -o <out.pdf>

Checks a Hallwright project file (.hallwright), or exports its bill of materials or its design
report, with the same engine as the app.

Commands:
  check <file>   Validate the file, run every check, report the findings and the power metrics.
  bom <file>     Write the bill of materials as CSV (to stdout without -o) or as an Excel workbook.
  report <file>  Write the PDF design report: summary, plan, scenario comparison (every scenario
                 of the project and the design as drawn), findings, bill of materials.

Options:
  --json             check: print one JSON document on stdout instead of the text report.
  --format csv|xlsx  bom: the file format (required).
  --scenario NAME    bom: the bill of the named scenario of the project instead of the design
                     as drawn (the exact name, else the name in any letter case).
  -o, --output PATH  bom, report: the file to write (replaced atomically if it exists).
  -h, --help         Print this help.

Exit codes:
  0  check: checked, no error findings; bom, report: written
  1  check: checked, at least one error finding
  2  not checked or not written: bad usage, an unknown scenario, a missing, unreadable, too
     large or invalid file, or an output that could not be written
`;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  scenario: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** Which command each option belongs to; help goes with all. */
const OPTION_COMMANDS: Record<Exclude<OptionName, 'help'>, readonly string[]> = {
  json: ['check'],
  format: ['bom'],
  scenario: ['bom'],
  output: ['bom', 'report'],
};

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

interface Given {
  flags: Set<OptionName>;
  values: Map<OptionName, string>;
  problem: string | null;
}

/** Every option token, checked: known, a value for the string options, none for the flags. */
function readOptions(tokens: ReturnType<typeof parseArgs>['tokens']): Given {
  const given: Given = { flags: new Set(), values: new Map(), problem: null };
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    const { name, rawName, value } = token;
    if (!isOption(name)) given.problem ??= `Unknown option '${rawName}'.`;
    else if (OPTIONS[name].type === 'boolean' && token.inlineValue !== undefined)
      given.problem ??= `Option '${rawName}' takes no value.`;
    else if (OPTIONS[name].type === 'string' && (value === undefined || value === ''))
      given.problem ??= `Option '${rawName}' needs a value.`;
    else {
      given.flags.add(name);
      if (value !== undefined) given.values.set(name, value);
    }
  }
  return given;
}

function bomCommand(file: string, values: Map<OptionName, string>): Command {
  const format = values.get('format');
  if (format === undefined)
    return { kind: 'usage-error', message: 'bom needs --format csv or --format xlsx.', json: false };
  if (format !== 'csv' && format !== 'xlsx')
    return { kind: 'usage-error', message: `--format must be csv or xlsx, not '${format}'.`, json: false };
  const output = values.get('output') ?? null;
  if (format === 'xlsx' && output === null)
    return { kind: 'usage-error', message: 'An Excel workbook is a binary file: give its path with -o.', json: false };
  return { kind: 'bom', file, format, scenario: values.get('scenario') ?? null, output };
}

export function parseCommand(argv: readonly string[]): Command {
  // Not strict: node's own errors for unknown options are long and name `--` tricks; ours stay one line.
  const { positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const { flags, values, problem } = readOptions(tokens);
  const json = flags.has('json');
  if (problem !== null) return { kind: 'usage-error', message: problem, json };
  if (flags.has('help')) return { kind: 'help' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: 'No command given.', json };
  if (command !== 'check' && command !== 'bom' && command !== 'report')
    return { kind: 'usage-error', message: `Unknown command '${command}'.`, json };
  for (const name of flags) {
    // Only check speaks JSON: bom and report answer in text even when --json was (wrongly) given.
    if (name !== 'help' && !OPTION_COMMANDS[name].includes(command))
      return {
        kind: 'usage-error',
        message: `Option '--${name}' does not apply to ${command}.`,
        json: json && command === 'check',
      };
  }
  if (file === undefined) return { kind: 'usage-error', message: `${command} needs the path of a project file.`, json };
  if (extra.length > 0) return { kind: 'usage-error', message: `Unexpected argument '${extra[0]}'.`, json };
  if (command === 'check') return { kind: 'check', file, json };
  if (command === 'bom') return bomCommand(file, values);
  const output = values.get('output');
  if (output === undefined)
    return { kind: 'usage-error', message: 'report writes a PDF file: give its path with -o.', json };
  return { kind: 'report', file, output };
}
