/**
 * Reading and writing project files. Every load goes through here, whoever calls it (renderer,
 * main process, command line), so a file is accepted or refused the same way everywhere.
 */
import { catalogFor } from '../catalog';
import { MAX_PROJECT_BYTES } from '../ipc';
import { migrate } from './migrate';
import { type ProjectDocument } from './schema';
import { validateProject } from './schemaIssues';
import { plural } from '../text';

export type ParseResult = { ok: true; doc: ProjectDocument } | { ok: false; error: string; details: string[] };

const MAX_LISTED_ISSUES = 12;

/**
 * Problems collected before a refusal stops looking: enough to show how widespread the damage is,
 * few enough that collecting them is cheap (each costs a few small parses of tens of µs). A file of
 * 150,000 empty racks (2,250,000 problems) is refused in about 0.1 s, JSON.parse included, where
 * listing every problem took 10 s (Node 20 on the project's 2-core machine; scripts/bench.ts,
 * "refuse 150k invalid racks").
 */
export const MAX_COLLECTED_ISSUES = 1_000;

function fail(error: string, details: string[] = []): ParseResult {
  return { ok: false, error, details };
}

/** `racks[3].position.x` style paths, as an engineer reading the JSON would look for them. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(document)';
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The refusal for a document with problems: a count, the first dozen with their place, and how many
 * more. When checking stopped at the limit the count is a lower bound and the last line says where
 * it stopped and how long that list is, so "at least 1,000" is not mistaken for the whole damage.
 */
function refusal(
  what: string,
  lines: readonly string[],
  complete: boolean,
  stoppedAt: readonly PropertyKey[] | null,
  raw: unknown,
): ParseResult {
  const n = lines.length;
  const details = lines.slice(0, MAX_LISTED_ISSUES);
  if (complete) {
    if (n > MAX_LISTED_ISSUES) details.push(`… and ${count(n - MAX_LISTED_ISSUES)} more problems`);
    return fail(`The project file has ${plural(n, what)}.`, details);
  }
  let where = '';
  if (stoppedAt !== null && stoppedAt.length > 0) {
    const list = (raw as Record<PropertyKey, unknown>)[stoppedAt[0]!];
    const size = Array.isArray(list) ? ` of ${count(list.length)}` : '';
    where = ` (checking stopped at ${formatPath(stoppedAt.slice(0, 2))}${size})`;
  }
  details.push(`… and at least ${count(n - details.length)} more${where}`);
  return fail(`The project file has at least ${count(n)} ${what}s; checking stopped there.`, details);
}

/** Catalog references cannot be checked by the schema alone: the catalog is code, not data. */
function catalogIssues(doc: ProjectDocument, max: number): { lines: string[]; complete: boolean; at: number } {
  const catalog = catalogFor(doc);
  const lines: string[] = [];
  for (let i = 0; i < doc.racks.length; i++) {
    const rack = doc.racks[i]!;
    if (!catalog.rackType(rack.rackTypeId))
      lines.push(`racks[${i}].rackTypeId: unknown rack type "${rack.rackTypeId}"`);
    rack.devices.forEach((d, j) => {
      if (!catalog.device(d.catalogId))
        lines.push(`racks[${i}].devices[${j}].catalogId: unknown device "${d.catalogId}"`);
    });
    if (lines.length >= max) return { lines, complete: false, at: i };
  }
  return { lines, complete: true, at: -1 };
}

/**
 * How deep a valid project can nest: the sample's deepest point is 9 levels of `[`/`{` (measured
 * on assets/sample-facility.hallwright); 64 leaves room for growth. Deeper text is refused before
 * parsing: JSON.stringify, structuredClone and any recursive walk of such a value overflow the
 * stack at 100 000 nested `[` ("Maximum call stack size exceeded") instead of giving an error a
 * person can read.
 */
const MAX_NESTING = 64;

/**
 * JSON.parse cannot be interrupted, and its time grows with the number of values, not bytes: on
 * this project's 2-core reference machine a 60 MB file of 20,000,000 empty objects `{}` takes
 * 22 s to parse, 8,000,000 of them 6 s, 16,000,000 numbers 1.7 s, while the 63 MB of four
 * 10,000-rack stress campuses (`npm run gen:stress`, the largest file the size limit lets through)
 * take 0.6 s. That campus text holds 346,429 objects and lists and 2,492,328 values (commas plus
 * containers, counted by `scanStructure`). The limits leave about three and two and a half times
 * that room for denser valid files and bound a hostile file's parse to well under 1 s (1,000,000
 * `{}`: 0.6 s; 6,000,000 numbers: 0.6 s). Node 20 on the project's 2-core machine, measured for issue 10.
 */
export const MAX_CONTAINERS = 1_000_000;
export const MAX_VALUES = 6_000_000;

/**
 * One linear pass over the text, outside strings: the deepest nesting of `[`/`{`, the number of
 * objects and lists, and of values (each comma separates two; each container is one). String
 * bodies are skipped with indexOf (native, much faster than a character loop); a quote preceded by
 * an odd run of backslashes is escaped and does not end the string. No recursion. With `limits`,
 * the pass stops as soon as one is passed (the counts are then lower bounds): a 60 MB file of
 * `{}` is refused after its first few megabytes.
 */
export function scanStructure(
  text: string,
  limits: { depth: number; containers: number; values: number } = {
    depth: Infinity,
    containers: Infinity,
    values: Infinity,
  },
): { depth: number; containers: number; values: number } {
  let depth = 0;
  let deepest = 0;
  let containers = 0;
  let commas = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (c === 0x22) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && text.charCodeAt(end - 1) === 0x5c) {
        let k = end - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((end - 1 - k) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) break;
      i = end;
    } else if (c === 0x2c) {
      if (++commas + containers > limits.values) break;
    } else if (c === 0x5b || c === 0x7b) {
      if (++containers > limits.containers || commas + containers > limits.values) break;
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limits.depth) break;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { depth: deepest, containers, values: commas + containers };
}

/** Parses the text of a `.hallwright` file into a validated document, or says what is wrong and where. */
export function parseProject(text: string): ParseResult {
  if (typeof text !== 'string') return fail('The project file could not be read as text.');
  // UTF-16 length is within a factor of 3 of the UTF-8 byte count; the hosts check exact bytes.
  if (text.length > MAX_PROJECT_BYTES) {
    return fail(
      `The file is too large (${(text.length / 1048576).toFixed(0)} MB; the limit is ${MAX_PROJECT_BYTES / 1048576} MB).`,
    );
  }
  const shape = scanStructure(text, { depth: MAX_NESTING, containers: MAX_CONTAINERS, values: MAX_VALUES });
  if (shape.depth > MAX_NESTING) {
    return fail(`The file nests lists and objects too deeply (more than ${MAX_NESTING} levels).`, [
      'A Hallwright project nests about ten levels deep; this file was probably damaged or generated by mistake.',
    ]);
  }
  if (shape.containers > MAX_CONTAINERS || shape.values > MAX_VALUES) {
    const over =
      shape.containers > MAX_CONTAINERS
        ? `more than ${count(MAX_CONTAINERS)} objects and lists`
        : `more than ${count(MAX_VALUES)} values`;
    return fail(`The file holds too many items to be a Hallwright project: ${over}.`, [
      'A 40,000-rack campus holds about 350,000 objects and lists and 2,500,000 values; this file was probably damaged or generated by mistake.',
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('The file is not valid JSON.', [e instanceof Error ? e.message : String(e)]);
  }
  // `raw` is this call's own fresh parse, so the migration may change it in place.
  const migrated = migrate(raw, { inPlace: true });
  if (!migrated.ok) return fail('The file is not a Hallwright project this version can read.', [migrated.error]);
  const valid = validateProject(migrated.doc, MAX_COLLECTED_ISSUES);
  if (!valid.ok) {
    const lines = valid.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    return refusal('problem', lines, valid.complete, valid.issues.at(-1)?.path ?? null, migrated.doc);
  }
  const refs = catalogIssues(valid.doc, MAX_COLLECTED_ISSUES);
  if (refs.lines.length > 0)
    return refusal('unknown catalog reference', refs.lines, refs.complete, ['racks', refs.at], valid.doc);
  return { ok: true, doc: valid.doc };
}

/** Serialises a document for saving: stable key order as built, two-space indented, final newline. */
export function serializeProject(doc: ProjectDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
