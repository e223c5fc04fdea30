/**
 * The command line's grammar: `hallwright check <file> [--json]`, `hallwright bom <file> --format
 * csv|xlsx [--scenario NAME] [-o <out>]`, `hallwright report <file> -o <out.pdf>`, `hallwright
 * simulate <file> [--resolution M] [--json]` and `--help`. Parsing only; main.ts acts on it.
 */
import { parseArgs } from 'node:util';
import { THERMAL_MAX_RESOLUTION_M, THERMAL_MIN_RESOLUTION_M } from '../shared/index';

export type BomFormat = 'csv' | 'xlsx';

export type Command =
  | { kind: 'help' }
  | { kind: 'check'; file: string; json: boolean }
  /** `output` null writes the CSV to stdout. */
  | { kind: 'bom'; file: string; format: BomFormat; scenario: string | null; output: string | null }
  | { kind: 'report'; file: string; output: string; resolutionM: number }
  | { kind: 'simulate'; file: string; resolutionM: number; json: boolean }
  /** `json` is kept so that a pipeline asking for JSON gets its error as JSON too. */
  | { kind: 'usage-error'; message: string; json: boolean };

export const USAGE = `Usage: hallwright check <file> [--json]
       hallwright bom <file> --format csv|xlsx [--scenario NAME] [-o <out>]
       hallwright report <file> -o <out.pdf> [--resolution M]
       hallwright simulate <file> [--resolution M] [--json]

Checks a Hallwright project file (.hallwright), exports its bill of materials or its design
report, or simulates its halls' airflow and temperatures, with the same engine as the app.

Commands:
  check <file>   Validate the file, run every check, report the findings and the power metrics.
  bom <file>     Write the bill of materials as CSV (to stdout without -o) or as an Excel workbook.
  report <file>  Write the PDF design report: summary, plan, scenario comparison (every scenario
                 of the project and the design as drawn), findings, the thermal simulation (run
                 here, at --resolution), bill of materials.
  simulate <file>
                 Run the 3D thermal simulation of every hall with racks: each rack's inlet
                 temperature (worst first), the cooling units' returns, RCI, RTI, recirculation
                 and bypass, and the racks over their ASHRAE limits.

Options:
  --json             check, simulate: print one JSON document on stdout instead of the text.
  --format csv|xlsx  bom: the file format (required).
  --scenario NAME    bom: the bill of the named scenario of the project instead of the design
                     as drawn (the exact name, else the name in any letter case).
  -o, --output PATH  bom, report: the file to write (replaced atomically if it exists).
  --resolution M     simulate, report: the cell edge in metres, 0.05 to 2 (default 0.5; 0.25 is finer
                     and takes about 8 times as long).
  -h, --help         Print this help.

Exit codes:
  0  check, simulate: done, no error findings; bom, report: written
  1  check, simulate: done, at least one error finding
  2  not checked, simulated or written: bad usage, an unknown scenario, a missing, unreadable,
     too large or invalid file, a grid too large, or an output that could not be written
`;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  scenario: { type: 'string' },
  output: { type: 'string', short: 'o' },
  resolution: { type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** Which command each option belongs to; help goes with all. */
const OPTION_COMMANDS: Record<Exclude<OptionName, 'help'>, readonly string[]> = {
  json: ['check', 'simulate'],
  format: ['bom'],
  scenario: ['bom'],
  output: ['bom', 'report'],
  resolution: ['simulate', 'report'],
};

/** The simulation's default cell edge, m: the coarse grid, seconds for a large hall. */
export const DEFAULT_RESOLUTION_M = 0.5;

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

/** The cell edge must be a plain number of metres within the simulation's range; a string is the refusal. */
function resolutionOf(values: Map<OptionName, string>): number | string {
  const given = values.get('resolution');
  if (given === undefined) return DEFAULT_RESOLUTION_M;
  const resolutionM = /^\d+(\.\d+)?$|^\.\d+$/.test(given) ? Number(given) : NaN;
  if (!(resolutionM >= THERMAL_MIN_RESOLUTION_M && resolutionM <= THERMAL_MAX_RESOLUTION_M))
    return `--resolution must be a number of metres from ${THERMAL_MIN_RESOLUTION_M} to ${THERMAL_MAX_RESOLUTION_M}, not '${given}'.`;
  return resolutionM;
}

function simulateCommand(file: string, values: Map<OptionName, string>, json: boolean): Command {
  const resolutionM = resolutionOf(values);
  if (typeof resolutionM === 'string') return { kind: 'usage-error', message: resolutionM, json };
  return { kind: 'simulate', file, resolutionM, json };
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
  if (command !== 'check' && command !== 'bom' && command !== 'report' && command !== 'simulate')
    return { kind: 'usage-error', message: `Unknown command '${command}'.`, json };
  const speaksJson = command === 'check' || command === 'simulate';
  for (const name of flags) {
    // Only check and simulate speak JSON: bom and report answer in text even when --json was (wrongly) given.
    if (name !== 'help' && !OPTION_COMMANDS[name].includes(command))
      return {
        kind: 'usage-error',
        message: `Option '--${name}' does not apply to ${command}.`,
        json: json && speaksJson,
      };
  }
  if (file === undefined) return { kind: 'usage-error', message: `${command} needs the path of a project file.`, json };
  if (extra.length > 0) return { kind: 'usage-error', message: `Unexpected argument '${extra[0]}'.`, json };
  if (command === 'check') return { kind: 'check', file, json };
  if (command === 'simulate') return simulateCommand(file, values, json);
  if (command === 'bom') return bomCommand(file, values);
  const output = values.get('output');
  if (output === undefined)
    return { kind: 'usage-error', message: 'report writes a PDF file: give its path with -o.', json };
  const resolutionM = resolutionOf(values);
  if (typeof resolutionM === 'string') return { kind: 'usage-error', message: resolutionM, json: false };
  return { kind: 'report', file, output, resolutionM };
}
