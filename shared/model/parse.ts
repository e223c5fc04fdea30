/**
 * Reading and writing project files. Every load goes through here, whoever calls it (renderer,
 * main process, command line), so a file is accepted or refused the same way everywhere.
 */
import type { z } from 'zod';
import { catalogFor } from '../catalog';
import { MAX_PROJECT_BYTES } from '../ipc';
import { migrate } from './migrate';
import { projectSchema, type ProjectDocument } from './schema';
import { plural } from '../text';

export type ParseResult = { ok: true; doc: ProjectDocument } | { ok: false; error: string; details: string[] };

const MAX_LISTED_ISSUES = 12;

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

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) lines.push(`… and ${issues.length - MAX_LISTED_ISSUES} more problems`);
  return lines;
}

/** Catalog references cannot be checked by the schema alone: the catalog is code, not data. */
function catalogIssues(doc: ProjectDocument): string[] {
  const catalog = catalogFor(doc);
  const issues: string[] = [];
  doc.racks.forEach((rack, i) => {
    if (!catalog.rackType(rack.rackTypeId))
      issues.push(`racks[${i}].rackTypeId: unknown rack type "${rack.rackTypeId}"`);
    rack.devices.forEach((d, j) => {
      if (!catalog.device(d.catalogId))
        issues.push(`racks[${i}].devices[${j}].catalogId: unknown device "${d.catalogId}"`);
    });
  });
  return issues;
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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('The file is not valid JSON.', [e instanceof Error ? e.message : String(e)]);
  }
  const migrated = migrate(raw);
  if (!migrated.ok) return fail('The file is not a Hallwright project this version can read.', [migrated.error]);
  const parsed = projectSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const n = parsed.error.issues.length;
    return fail(`The project file has ${plural(n, 'problem')}.`, describeIssues(parsed.error.issues));
  }
  const refs = catalogIssues(parsed.data);
  if (refs.length > 0)
    return fail(
      `The project file has ${plural(refs.length, 'unknown catalog reference')}.`,
      refs.slice(0, MAX_LISTED_ISSUES),
    );
  return { ok: true, doc: parsed.data };
}

/** Serialises a document for saving: stable key order as built, two-space indented, final newline. */
export function serializeProject(doc: ProjectDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
